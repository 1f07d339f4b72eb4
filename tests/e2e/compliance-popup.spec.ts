import { join } from "node:path"
import { DEMO_USER } from "../aircall-sim/options"
import { AdminClient } from "../system/api-client"
import { LOCAL, startSystem, type System } from "../system/start-system"
import { expect, test, SCREENSHOTS } from "./fixtures"

/**
 * The compliance guard as the agent sees it, against the real system (wrangler dev, the Aircall
 * simulator, the unpacked extension): a queued number on the do-not-call list and one outside
 * calling hours are marked in the popup before the run, skipped by the run without a call, and
 * the history page says why.
 */
let system: System
test.describe.configure({ mode: "serial" })

test.beforeAll(async () => {
  test.setTimeout(120_000)
  system = await startSystem({ quiet: true, callingHours: "default", sim: { users: [DEMO_USER], createdDelayMs: 100, ringMs: 500, talkMs: 500, endedDelayMs: 500 } })
})
test.afterAll(async () => {
  await system?.stop()
})

const MARIA = { phone: "+14155550132", name: "Maria Johnson" } // HubSpot record page
const PRIYA = { phone: "+442079460321", name: "Dr. Priya Raman" } // Salesforce record page
const admin = { authorization: `Bearer ${LOCAL.adminToken}`, "content-type": "application/json" }

test("queued numbers marked in the popup (do-not-call, outside calling hours), skipped by the run with their reason in the history page", async ({ context, extensionId, site, openPopup }) => {
  test.setTimeout(120_000)
  const { workerUrl, sim } = system
  // Maria is on the list; London's calling window is closed today (every day but London's today).
  expect((await fetch(`${workerUrl}/api/admin/dnc`, { method: "POST", headers: admin, body: JSON.stringify({ phones: [MARIA.phone], reason: "asked by email" }) })).status).toBe(200)
  const londonToday = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].indexOf(new Intl.DateTimeFormat("en-US", { timeZone: "Europe/London", weekday: "short" }).format(new Date())) + 1
  const days = [1, 2, 3, 4, 5, 6, 7].filter((d) => d !== londonToday)
  const put = await fetch(`${workerUrl}/api/admin/settings`, { method: "PUT", headers: admin, body: JSON.stringify({ settings: { callingHours: { start: "00:00", end: "24:00", days } } }) })
  expect(put.status).toBe(200)

  const { enrollmentCode } = await new AdminClient(workerUrl).createAgent(DEMO_USER.id, 2001, "Demo Agent")
  const options = await context.newPage()
  await options.goto(`chrome-extension://${extensionId}/options.html`)
  await options.getByTestId("worker-url").fill(workerUrl)
  await options.getByTestId("enroll-code").fill(enrollmentCode)
  await options.getByTestId("sign-in").click()
  await expect(options.getByTestId("agent-name")).toHaveText("Demo Agent")
  await options.close()

  const crm = await context.newPage()
  await crm.goto(`${site.origin}/crm/hubspot-contact.html`)
  await crm.locator(`[data-dialer-number="${MARIA.phone}"]`).first().click()
  await expect(crm.locator(`[data-dialer-number="${MARIA.phone}"]`).first()).toHaveAttribute("data-queued", "true")
  await crm.goto(`${site.origin}/crm/salesforce-contact.html`)
  await crm.locator(`[data-dialer-number="${PRIYA.phone}"]`).first().click()
  await expect(crm.locator(`[data-dialer-number="${PRIYA.phone}"]`).first()).toHaveAttribute("data-queued", "true")

  // Before the run: the popup says which numbers will not be dialed, and why.
  const popup = await openPopup()
  const marks = popup.getByTestId("compliance-mark")
  await expect(marks).toHaveCount(2)
  await expect(marks.filter({ hasText: MARIA.name })).toContainText("on the do-not-call list")
  await expect(marks.filter({ hasText: PRIYA.name })).toContainText("outside calling hours — dial after 00:00 their time")
  await popup.screenshot({ path: join(SCREENSHOTS, "i13-popup-marks.png"), fullPage: true })

  // The run skips both without calling anyone.
  await popup.getByTestId("control-start").click()
  await expect(popup.getByTestId("recent-outcomes")).toContainText("Skipped", { timeout: 15_000 })
  await expect.poll(async () => (await popup.getByTestId("recent-outcomes").textContent()) ?? "", { timeout: 15_000 }).toMatch(/Skipped[\s\S]*Skipped/)
  expect(sim.calls()).toHaveLength(0)

  // The history page: each skipped number with its reason.
  const history = await context.newPage()
  await history.setViewportSize({ width: 1100, height: 560 })
  await history.goto(`chrome-extension://${extensionId}/tabs/history.html`)
  const rows = history.getByTestId("history-row")
  await expect(rows).toHaveCount(2)
  await expect(rows.filter({ hasText: MARIA.name }).locator(".chip").first()).toHaveAttribute("title", /do-not-call list.*asked by email/)
  await expect(rows.filter({ hasText: PRIYA.name }).locator(".chip").first()).toHaveAttribute("title", /Outside calling hours: it is \w{3} \d\d:\d\d in Europe\/London/)
  await expect(rows.filter({ hasText: MARIA.name }).getByTestId("skip-reason")).toHaveText("On the do-not-call list")
  await expect(rows.filter({ hasText: PRIYA.name }).getByTestId("skip-reason")).toHaveText("Outside calling hours — dial after 00:00 their time")
  await history.screenshot({ path: join(SCREENSHOTS, "i13-history-skipped.png") })
})
