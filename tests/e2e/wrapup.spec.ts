import { join } from "node:path"
import type { Page } from "@playwright/test"

import { closedShadow } from "./closed-shadow"
import { expect, signIn, test, SCREENSHOTS } from "./fixtures"
import { GOOD_CODE, type StubWorker } from "./stub-worker"

/** Screenshots of the wrap-up UI for people to look at (outside the repo). */
const shot = (page: Page, name: string) => page.screenshot({ path: join(SCREENSHOTS, `i12-${name}.png`), fullPage: true })
const wrapUps = (stub: StubWorker) => stub.calls.filter((c) => c.path === "/api/dialer/wrap-up").map((c) => c.body as Record<string, string>)

async function queueFromCrm(page: Page, origin: string, count: number): Promise<string[]> {
  await page.setViewportSize({ width: 1280, height: 760 })
  await page.goto(`${origin}/crm/hubspot-contact.html`)
  const controls = page.locator("[data-dialer-number]")
  await expect(controls.first()).toBeVisible()
  const numbers = [...new Set(await controls.evaluateAll((els) => els.map((el) => el.getAttribute("data-dialer-number")!)))].slice(0, count)
  for (const phone of numbers) await page.locator(`[data-dialer-number="${phone}"]`).first().click()
  return numbers
}

test("an agent's run with wrap-ups from the popup and the in-page panel, a callback that comes back, the history page showing and correcting dispositions", async ({ context, extensionId, stub, site, openPopup }) => {
  await signIn(context, extensionId, stub, GOOD_CODE)
  await expect.poll(() => stub.connections()).toBe(1)
  const crm = await context.newPage()
  const numbers = await queueFromCrm(crm, site.origin, 2)
  expect(numbers).toHaveLength(2)

  const popup = await openPopup()
  await popup.getByTestId("control-start").click()
  await expect(popup.getByTestId("current-call")).toBeVisible()
  expect(stub.calls.find((c) => c.path === "/api/dialer/start")?.body).not.toHaveProperty("requireWrapUp")

  // 1. The call ends: the popup offers the choices; one key, a note, Enter.
  stub.endCall("answered", 60)
  const form = popup.getByTestId("wrapup-form")
  await expect(form).toBeVisible()
  await expect(popup.getByTestId("countdown")).toBeVisible() // the countdown keeps running
  await expect(popup.getByTestId("wrapup-choice-connected")).toContainText("1")
  await shot(popup, "popup-wrapup")
  await form.focus()
  await popup.keyboard.press("1")
  await expect(popup.getByTestId("wrapup-choice-connected")).toHaveAttribute("aria-checked", "true")
  await popup.getByTestId("wrapup-note").fill("Wants a demo next week")
  await popup.keyboard.press("Enter")
  await expect.poll(() => wrapUps(stub)).toEqual([{ itemId: expect.any(String), disposition: "connected", note: "Wants a demo next week" }])
  await expect(form).toHaveCount(0)
  await expect(popup.getByTestId("stat-wrapups")).toContainText("1 conversation (100%)")

  // 2. The next call ends: the panel above the in-page bar, real clicks and key presses only.
  stub.dialNext()
  await expect(popup.getByTestId("current-call")).toBeVisible()
  const page = await closedShadow(crm)
  await expect.poll(() => page.visible("page-wrapup")).toBe(false) // nothing while the call rings
  stub.endCall("answered", 20)
  await expect.poll(() => page.visible("page-wrapup-form")).toBe(true)
  await expect.poll(() => page.text("page-wrapup-form")).toContain("Call back")
  await page.click("wrapup-choice-callback")
  await expect.poll(() => page.visible("wrapup-callback")).toBe(true)
  await expect.poll(() => page.text("wrapup-zone")).toMatch(/time/)
  await crm.screenshot({ path: join(SCREENSHOTS, "i12-page-wrapup.png") })
  await crm.keyboard.press("Enter") // focus is on the picked choice, inside the closed shadow root
  await expect.poll(() => wrapUps(stub).length).toBe(2)
  const callback = wrapUps(stub)[1]!
  expect(callback).toMatchObject({ disposition: "callback" })
  expect(Date.parse(callback.callbackAt!)).toBeGreaterThan(Date.now() + 3600_000) // tomorrow 10:00 where the contact is
  await expect.poll(() => page.visible("page-wrapup-form")).toBe(false)

  // 3. The callback is scheduled: the popup lists it with its time; "Dial now" brings it back.
  await expect(popup.getByTestId("scheduled-row")).toHaveCount(1)
  await shot(popup, "popup-scheduled")
  stub.setState({ status: "completed", remaining: 0, delaySeconds: 5 })
  await popup.getByTestId("scheduled-now").click()
  await expect.poll(() => stub.state.current?.itemId).toBe(callback.itemId)
  await expect(popup.getByTestId("current-call")).toBeVisible()
  await expect(popup.getByTestId("scheduled-row")).toHaveCount(0)
  stub.endCall("no_answer")

  // 4. The history page shows the dispositions and notes, and corrects one within 24 hours.
  const history = await context.newPage()
  await history.setViewportSize({ width: 1100, height: 700 })
  await history.goto(`chrome-extension://${extensionId}/tabs/history.html`)
  await expect(history.getByTestId("history-disposition")).toHaveText(["Call back", "Connected"])
  await expect(history.getByTestId("history-note")).toHaveText("Wants a demo next week")
  await shot(history, "history")
  await history.getByTestId("history-wrapup-edit").last().click()
  const modal = history.getByTestId("history-wrapup-form")
  await expect(modal).toBeVisible()
  await expect(history.getByTestId("wrapup-note")).toHaveValue("Wants a demo next week")
  await history.keyboard.press("2")
  await history.keyboard.press("Enter")
  await expect.poll(() => wrapUps(stub).at(-1)).toMatchObject({ itemId: wrapUps(stub)[0]!.itemId, disposition: "voicemail", note: "Wants a demo next week" })
  await expect(history.getByTestId("history-disposition")).toContainText(["Left voicemail"])
})

test("wait for my wrap-up: the run holds after a connected call until the wrap-up is saved", async ({ context, extensionId, stub, site, openPopup }) => {
  await signIn(context, extensionId, stub, GOOD_CODE)
  await expect.poll(() => stub.connections()).toBe(1)
  const crm = await context.newPage()
  await queueFromCrm(crm, site.origin, 2)
  const popup = await openPopup()
  await popup.getByTestId("require-wrapup").check()
  await popup.getByTestId("control-start").click()
  await expect.poll(() => (stub.calls.find((c) => c.path === "/api/dialer/start")?.body as { requireWrapUp?: boolean })?.requireWrapUp).toBe(true)
  const first = stub.state.current!.itemId

  stub.endCall("answered", 30)
  await expect(popup.getByTestId("wrapup-required")).toBeVisible()
  await expect(popup.getByTestId("wrapup-later")).toHaveCount(0)
  await expect(popup.getByTestId("countdown")).toHaveCount(0)
  await shot(popup, "popup-required")
  // Enter with nothing picked: a clear message, nothing sent.
  await popup.getByTestId("wrapup-form").focus()
  await popup.keyboard.press("Enter")
  await expect(popup.getByTestId("wrapup-error")).toContainText("Pick what happened")
  expect(wrapUps(stub)).toEqual([])
  await popup.keyboard.press("2")
  await popup.keyboard.press("Enter")
  await expect.poll(() => wrapUps(stub)).toEqual([{ itemId: first, disposition: "voicemail" }])
  await expect.poll(() => stub.state.current?.itemId).not.toBe(first) // the run moved on
  await expect(popup.getByTestId("current-call")).toBeVisible()
})
