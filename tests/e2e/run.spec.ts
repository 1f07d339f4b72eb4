import { join } from "node:path"

import { closedShadow } from "./closed-shadow"
import { expect, SCREENSHOTS, signIn, test } from "./fixtures"
import { GOOD_CODE } from "./stub-worker"

test("a wrong enrolment code shows the worker's message", async ({ context, extensionId, stub }) => {
  const options = await signIn(context, extensionId, stub, "WRONG-CODE")
  await expect(options.getByRole("alert")).toHaveText("This enrolment code is not valid")
})

test("the options page refuses a plain-http worker address that is not on this computer", async ({ context, extensionId, stub }) => {
  const page = await context.newPage()
  await page.goto(`chrome-extension://${extensionId}/options.html`)
  await page.getByTestId("worker-url").fill("http://dialer.example.com")
  await page.getByTestId("enroll-code").fill(GOOD_CODE)
  await page.getByTestId("sign-in").click()
  await expect(page.getByRole("alert")).toContainText("must start with https://")
  expect(stub.calls).toEqual([]) // nothing was sent anywhere
})

test("sign in, start a run from the popup, pause and stop it from the in-page bar", async ({ context, extensionId, stub, site, openPopup }) => {
  const options = await signIn(context, extensionId, stub, GOOD_CODE)
  await expect(options.getByTestId("agent-name")).toHaveText("Erin Agent")
  await options.screenshot({ path: join(SCREENSHOTS, "options-signed-in.png"), fullPage: true })
  await expect.poll(() => stub.connections()).toBe(1) // WebSocket opened with a fresh ticket

  const crm = await context.newPage()
  await crm.setViewportSize({ width: 1280, height: 720 })
  await crm.goto(`${site.origin}/crm/hubspot-contact.html`)
  const controls = crm.locator("[data-dialer-number]")
  await expect(controls.first()).toBeVisible()
  const numbers = [...new Set(await controls.evaluateAll((els) => els.map((el) => el.getAttribute("data-dialer-number"))))]
  for (const phone of numbers.slice(0, 3)) await crm.locator(`[data-dialer-number="${phone}"]`).first().click()

  const popup = await openPopup()
  await expect(popup.getByTestId("queue-row")).toHaveCount(Math.min(3, numbers.length))
  await expect(popup.getByTestId("control-start")).toBeEnabled()
  await expect(popup.getByTestId("control-skip")).toHaveCount(0) // idle: Start alone
  await popup.getByTestId("control-start").click()

  const startedPhones = () => {
    const start = stub.calls.find((c) => c.path === "/api/dialer/start")
    return (start?.body as { items: { phone: string }[] } | undefined)?.items.map((i) => i.phone)
  }
  await expect.poll(startedPhones).toEqual(numbers.slice(0, 3))
  await expect(popup.getByTestId("current-call")).toContainText("Ringing")
  await expect(popup.getByTestId("control-pause")).toBeEnabled()
  await expect(popup.getByTestId("control-start")).toHaveCount(0)

  // The bar on the CRM page follows the run (in a closed shadow root: reached through DevTools).
  const bar = await closedShadow(crm)
  await expect.poll(() => bar.visible("dialer-bar")).toBe(true)
  await expect.poll(() => bar.text("dialer-bar")).toContain("Ringing")
  await crm.screenshot({ path: join(SCREENSHOTS, "bar-ringing.png") })
  await bar.click("bar-toggle")
  await expect.poll(() => stub.calls.some((c) => c.path === "/api/dialer/pause")).toBe(true)
  await expect.poll(() => bar.text("dialer-bar")).toContain("Paused")
  // Resuming leads to a dial: the bar only says where to do it; the popup does it.
  await expect.poll(() => bar.text("bar-resume-hint")).toContain("popup")
  expect(await bar.visible("bar-toggle")).toBe(false)
  await popup.getByTestId("control-resume").click()
  await expect.poll(() => bar.text("dialer-bar")).toContain("Ringing")

  // The call ends: outcome in the popup, countdown in both places.
  stub.endCall("answered", 95)
  await expect(popup.getByTestId("countdown")).toBeVisible()
  await expect(popup.getByTestId("recent-outcomes")).toContainText("Answered")
  await expect(popup.getByTestId("queue-counts")).toContainText("1 done")
  await expect.poll(() => bar.visible("bar-countdown")).toBe(true)
  await crm.screenshot({ path: join(SCREENSHOTS, "bar-countdown.png") })
  stub.dialNext()
  await expect(popup.getByTestId("current-call")).toBeVisible()
  await expect(popup.getByTestId("stat-calls")).toHaveText("1")
  await popup.screenshot({ path: join(SCREENSHOTS, "popup-running.png"), fullPage: true })

  // Reordering during a run sends the pending items to the worker.
  const rows = popup.getByTestId("queue-row")
  await rows.nth(2).focus()
  await popup.keyboard.press("Alt+ArrowUp")
  await expect.poll(() => stub.calls.some((c) => c.method === "PUT" && c.path === "/api/queue")).toBe(true)

  // During a call Stop asks once more: the call goes on in Aircall.
  await bar.click("bar-stop")
  await expect.poll(() => bar.text("bar-stop-confirm")).toContain("Stop the run?")
  expect(stub.calls.some((c) => c.path === "/api/dialer/stop")).toBe(false)
  await bar.click("bar-stop")
  await expect.poll(() => bar.visible("dialer-bar")).toBe(false)
  await expect(popup.getByTestId("run-status")).toHaveText("Stopped")
})
