import { join } from "node:path"

import { expect, SCREENSHOTS, signIn, test } from "./fixtures"
import { GOOD_CODE } from "./stub-worker"

/** The bits of the extension API these page functions use (the e2e project has no chrome types). */
type ChromeApi = {
  storage: { local: { get(keys: null): Promise<Record<string, unknown>> } }
  commands: { getAll(): Promise<{ name?: string; shortcut?: string }[]> }
}

/**
 * The popup says what the run is doing in words: the next contact named with the countdown, a
 * countdown labelled as one, "Paused by you" once, Stop during a call confirmed with what happens
 * to the call, and each change announced to screen readers. The queue is one Tab stop per row.
 */
test("run state in words: next contact, labels, Stop confirmed during a call, live announcements, one Tab stop per row", async ({ context, extensionId, stub, site, openPopup }) => {
  await signIn(context, extensionId, stub, GOOD_CODE)
  await expect.poll(() => stub.connections()).toBe(1)
  const crm = await context.newPage()
  await crm.goto(`${site.origin}/crm/hubspot-contact.html`)
  const controls = crm.locator("[data-dialer-number]")
  await expect(controls.first()).toBeVisible()
  const numbers = [...new Set(await controls.evaluateAll((els) => els.map((el) => el.getAttribute("data-dialer-number"))))]
  expect(numbers.length).toBeGreaterThanOrEqual(3)
  for (const phone of numbers.slice(0, 3)) await crm.locator(`[data-dialer-number="${phone}"]`).first().click()

  const popup = await openPopup()
  const rows = popup.getByTestId("queue-row")
  await expect(rows).toHaveCount(3)
  // One person under three numbers (this HubSpot record): named once, each number shown.
  await expect(rows.nth(0)).toContainText("Maria Johnson")
  await expect(popup.getByTestId("queue-same-contact")).toHaveCount(2)

  // Keyboard: the row is the one Tab stop (its buttons and link are reached by keys on the row).
  await rows.nth(0).focus()
  await popup.keyboard.press("Tab")
  expect(await popup.evaluate(() => document.activeElement?.getAttribute("data-testid"))).not.toMatch(/^queue-(remove|record)$/)
  await rows.nth(0).focus()
  await popup.keyboard.press("ArrowDown")
  await expect(rows.nth(1)).toBeFocused()
  const tabbable = await rows.nth(1).evaluate((row) => [...row.querySelectorAll("a, button")].filter((el) => (el as HTMLElement).tabIndex >= 0).length)
  expect(tabbable).toBe(0)

  await popup.getByTestId("control-start").click()
  const live = popup.getByTestId("run-announcement")
  await expect(popup.getByTestId("current-call")).toContainText("Ringing")
  await expect(live).toHaveAttribute("aria-live", "polite")
  await expect(live).toHaveText(/^Ringing .+\.$/)
  await expect(popup.getByTestId("next-contact")).toContainText("Next:")

  // A plain countdown is "Next call", naming who.
  stub.endCall("answered", 30)
  await expect(popup.getByTestId("countdown")).toBeVisible()
  await expect(popup.getByTestId("run-status")).toHaveText("Next call")
  const nextName = (await popup.getByTestId("next-contact").innerText()).trim().replace(/^·\s*/, "")
  expect(nextName.length).toBeGreaterThan(0)
  await expect(live).toHaveText(`Call ended. Next call: ${nextName}.`)
  await popup.screenshot({ path: join(SCREENSHOTS, "popup-countdown-next.png"), fullPage: true })

  // Paused by you, said once.
  stub.dialNext()
  await expect(popup.getByTestId("current-call")).toBeVisible()
  await popup.getByTestId("control-pause").click()
  await expect(popup.getByTestId("run-status")).toHaveText("Paused")
  await expect(popup.getByTestId("run-panel")).toContainText("Paused by you")
  await expect(popup.getByTestId("run-panel")).not.toContainText("Paused: Paused")
  await popup.getByTestId("control-resume").click()
  await expect(popup.getByTestId("current-call")).toBeVisible()

  // Stop during a call asks first and says the call goes on in Aircall.
  await popup.getByTestId("control-stop").click()
  await expect(popup.getByTestId("stop-confirm")).toContainText("goes on in Aircall")
  expect(stub.calls.some((c) => c.path === "/api/dialer/stop")).toBe(false)
  await popup.screenshot({ path: join(SCREENSHOTS, "popup-stop-confirm.png"), fullPage: true })
  await popup.getByTestId("stop-confirm-no").click()
  await expect(popup.getByTestId("stop-confirm")).toHaveCount(0)
  await popup.getByTestId("control-stop").click()
  await popup.getByTestId("stop-confirm-yes").click()
  await expect.poll(() => stub.calls.some((c) => c.path === "/api/dialer/stop")).toBe(true)
  await expect(popup.getByTestId("run-status")).toHaveText("Stopped")
  await expect(popup.getByTestId("stopped-note")).toContainText("Aircall")
  await expect(popup.getByTestId("call-timer")).toHaveCount(0)
  await expect(popup.locator(".chip-dialing")).toHaveCount(0)
  await expect(popup.getByTestId("queue-list")).not.toContainText("Now")
  await expect(live).toHaveText("Run stopped.")
  await popup.screenshot({ path: join(SCREENSHOTS, "popup-stopped.png"), fullPage: true })
})

test("the worker's own dashboard on this computer (/admin) gets no '+ Queue' controls; other local pages do", async ({ context, site }) => {
  const html = `<!doctype html><html lang="en"><body><h1>Team</h1><table><tr><td>Ada Park</td><td>+1 415 555 0101</td></tr><tr><td>Ben Ortiz</td><td>+1 415 555 0102</td></tr></table></body></html>`
  await context.route(`${site.origin}/admin**`, (route) => route.fulfill({ contentType: "text/html", body: html }))
  await context.route(`${site.origin}/elsewhere`, (route) => route.fulfill({ contentType: "text/html", body: html }))
  const other = await context.newPage()
  await other.goto(`${site.origin}/elsewhere`)
  await expect(other.locator("[data-dialer-number]").first()).toBeVisible() // the same page elsewhere is scanned
  const admin = await context.newPage()
  await admin.goto(`${site.origin}/admin`)
  await admin.waitForTimeout(1_500)
  await expect(admin.locator("[data-dialer-number]")).toHaveCount(0)
})

test("the delay field says 'Saved' or why not; the popup names '+ Queue' and shows the shortcuts", async ({ context, extensionId, openPopup, serviceWorker }) => {
  const options = await context.newPage()
  await options.goto(`chrome-extension://${extensionId}/options.html`)
  const delay = options.getByTestId("delay-seconds")
  const note = options.getByTestId("delay-note")
  const stored = () => serviceWorker.evaluate(async () => JSON.stringify(await (globalThis as unknown as { chrome: ChromeApi }).chrome.storage.local.get(null)))
  const before = await stored()
  for (const [typed, reason] of [["-3", /whole number/], ["100000", /At most 3600/], ["", /Enter the seconds/]] as const) {
    await delay.fill(typed)
    await delay.blur()
    await expect(note).toHaveText(reason)
    await expect(delay).toHaveAttribute("aria-invalid", "true")
  }
  expect(await stored()).toBe(before) // nothing refused was saved
  await delay.fill("7")
  await delay.press("Enter")
  await expect(note).toHaveText("Saved: 7 s between calls.")
  await options.reload()
  await expect(options.getByTestId("delay-seconds")).toHaveValue("7")

  const popup = await openPopup()
  await expect(popup.getByTestId("queue-empty")).toContainText("+ Queue")
  await popup.getByText("Keyboard shortcuts").click()
  // What Chrome actually set (a key another extension holds stays unset): shown as it is.
  const keys = await serviceWorker.evaluate(async () =>
    Object.fromEntries((await (globalThis as unknown as { chrome: ChromeApi }).chrome.commands.getAll()).map((c) => [c.name ?? "", c.shortcut ?? ""])),
  )
  const help = popup.getByTestId("shortcuts-help")
  for (const name of ["toggle-pause", "skip"]) await expect(help).toContainText(keys[name] || "not set")
  expect(Object.values(keys).some(Boolean)).toBe(true)
})
