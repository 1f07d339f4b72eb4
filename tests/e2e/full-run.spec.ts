import { join } from "node:path"

import type { Page, TestInfo } from "@playwright/test"

import { DEMO_USER } from "../aircall-sim/options"
import { AdminClient, request } from "../system/api-client"
import { LOCAL, startSystem, type System } from "../system/start-system"
import { closedShadow } from "./closed-shadow"
import { expect, SCREENSHOTS, test } from "./fixtures"

/**
 * The agent's day against the real system: wrangler dev (local Durable Objects), the Aircall
 * simulator and the unpacked extension in Debian's Chromium. CRM pages → queue → a run with a
 * 2-second delay → pause, skip, resume → wrangler restarted mid-run → history.
 */
let system: System
test.describe.configure({ mode: "serial" })

test.beforeAll(async () => {
  test.setTimeout(120_000)
  system = await startSystem({
    quiet: true,
    // Aircall retries failed deliveries for hours: enough retries here to outlive a wrangler restart.
    sim: { users: [DEMO_USER], createdDelayMs: 100, ringMs: 900, talkMs: 1500, endedDelayMs: 2500, webhookRetries: 8, webhookRetryBaseMs: 500 },
    vars: { CALL_WATCHDOG_SECONDS: "15" },
  })
})
test.afterAll(async () => {
  await system?.stop()
})

test.afterEach(async ({}, testInfo) => {
  if (testInfo.status === testInfo.expectedStatus) return
  await testInfo.attach("wrangler.log", { body: system.logs.join(""), contentType: "text/plain" })
  await testInfo.attach("simulator-requests.json", { body: JSON.stringify(system.sim.requests(), null, 2), contentType: "application/json" })
  await testInfo.attach("simulator-state.json", { body: JSON.stringify(system.sim.state(), null, 2), contentType: "application/json" })
})

async function shot(page: Page, name: string, testInfo: TestInfo) {
  const path = join(SCREENSHOTS, `${name}.png`)
  await page.screenshot({ path })
  await testInfo.attach(name, { path, contentType: "image/png" })
}

const PEOPLE = {
  maria: { phone: "+14155550132", name: "Maria Johnson" }, // HubSpot record page
  priya: { phone: "+442079460321", name: "Dr. Priya Raman" }, // Salesforce record page (shadow DOM)
  lukas: { phone: "+493012345678", name: "Lukas Becker" }, // Pipedrive list: "Add all"
  emma: { phone: "+15035550182", name: "Emma Larsen" },
  tomas: { phone: "+17025550147", name: "Tomás Silva" },
}

test("CRM pages → queue → run with pause, skip, resume and a worker restart → history", async ({ context, extensionId, site, openPopup, serviceWorker }, testInfo) => {
  test.setTimeout(180_000)
  const { sim, workerUrl } = system
  sim.setScript({
    [PEOPLE.maria.phone]: { outcome: "answered" },
    [PEOPLE.lukas.phone]: { outcome: "no_answer", ringMs: 4000 },
    [PEOPLE.emma.phone]: { outcome: "answered" },
    [PEOPLE.tomas.phone]: { outcome: "no_answer" },
    default: { outcome: "answered" },
  })

  // 1. Sign in from the options page with a code the admin API made.
  const admin = new AdminClient(workerUrl)
  const { agentId, enrollmentCode } = await admin.createAgent(DEMO_USER.id, 2001, "Demo Agent")
  const options = await context.newPage()
  await options.goto(`chrome-extension://${extensionId}/options.html`)
  await options.getByTestId("worker-url").fill(workerUrl)
  await options.getByTestId("enroll-code").fill(enrollmentCode)
  await options.getByTestId("sign-in").click()
  await expect(options.getByTestId("agent-name")).toHaveText("Demo Agent")
  await options.getByTestId("delay-seconds").fill("2")
  await options.getByTestId("delay-seconds").blur()
  await options.close()

  // 2. Single numbers from HubSpot and Salesforce record pages, "Add all" from a Pipedrive list.
  const crm = await context.newPage()
  await crm.setViewportSize({ width: 1280, height: 720 })
  await crm.goto(`${site.origin}/crm/hubspot-contact.html`)
  await crm.locator(`[data-dialer-number="${PEOPLE.maria.phone}"]`).first().click()
  await expect(crm.locator(`[data-dialer-number="${PEOPLE.maria.phone}"]`).first()).toHaveAttribute("data-queued", "true")
  await crm.goto(`${site.origin}/crm/salesforce-contact.html`)
  await crm.locator(`[data-dialer-number="${PEOPLE.priya.phone}"]`).first().click()
  await expect(crm.locator(`[data-dialer-number="${PEOPLE.priya.phone}"]`).first()).toHaveAttribute("data-queued", "true")
  await crm.goto(`${site.origin}/crm/pipedrive-persons-list.html`)
  const addAll = crm.locator("[data-dialer-add-all]")
  await expect(addAll).toContainText("Add all 3 numbers")
  await addAll.click()
  await expect(crm.locator('[data-dialer-number][data-queued="true"]')).toHaveCount(3)

  // 3. Start from the popup: the queue holds the five contacts by name, in the order added.
  const popup = await openPopup()
  const order = [PEOPLE.maria, PEOPLE.priya, PEOPLE.lukas, PEOPLE.emma, PEOPLE.tomas]
  await expect(popup.getByTestId("queue-row")).toHaveCount(5)
  for (const [i, p] of order.entries()) await expect(popup.getByTestId("queue-row").nth(i)).toContainText(p.name)
  await popup.getByTestId("control-start").click()
  await expect(popup.getByTestId("current-call")).toContainText(PEOPLE.maria.name)
  const bar = await closedShadow(crm) // the bar's shadow root is closed: read through DevTools
  await expect.poll(() => bar.visible("dialer-bar")).toBe(true)
  await expect.poll(() => bar.text("dialer-bar")).toContain(PEOPLE.maria.name)
  await expect(popup.getByTestId("current-call")).toContainText(/In call/i, { timeout: 10_000 })
  await shot(popup, "full-run-popup-in-call", testInfo)
  await shot(crm, "full-run-bar-in-call", testInfo)

  // 4. Maria answers and hangs up: countdown. Pause during it, skip Priya, resume.
  await expect(popup.getByTestId("countdown")).toBeVisible({ timeout: 10_000 })
  await expect.poll(() => bar.visible("bar-countdown")).toBe(true)
  await popup.getByTestId("control-pause").click()
  await expect(popup.getByTestId("control-resume")).toBeEnabled()
  await shot(popup, "full-run-popup-paused", testInfo)
  await popup.getByTestId("control-skip").click()
  await expect(popup.getByTestId("recent-outcomes")).toContainText("Skipped")
  await popup.getByTestId("control-resume").click()
  await expect(popup.getByTestId("current-call")).toContainText(PEOPLE.lukas.name)
  await expect.poll(() => bar.text("dialer-bar")).toContain(PEOPLE.lukas.name)

  // 5. Kill the WebSocket mid-run: restart wrangler dev while Lukas's phone rings.
  await expect.poll(() => sim.calls().length, { timeout: 10_000 }).toBe(2)
  await system.stopWorker()
  await system.startWorker()
  // The extension reconnects, resyncs, and the run finishes.
  await expect(popup.getByTestId("current-call")).toContainText(PEOPLE.emma.name, { timeout: 45_000 })
  await shot(crm, "full-run-bar-after-restart", testInfo)
  await expect(popup.getByTestId("run-status")).toContainText(/Completed/i, { timeout: 45_000 })
  await expect.poll(() => bar.visible("dialer-bar")).toBe(false)
  await shot(popup, "full-run-popup-completed", testInfo)

  // 6. Nothing dialed twice; outcomes match the simulator's script; popup, IndexedDB and /api/history agree.
  const dialed = sim.requests().filter((r) => r.method === "POST" && r.path === `/v1/users/${DEMO_USER.id}/calls`)
  expect(dialed.map((r) => (r.body as { to: string }).to)).toEqual([PEOPLE.maria.phone, PEOPLE.lukas.phone, PEOPLE.emma.phone, PEOPLE.tomas.phone])
  const expected = [
    [PEOPLE.tomas.phone, "no_answer"],
    [PEOPLE.emma.phone, "answered"],
    [PEOPLE.lukas.phone, "no_answer"],
    [PEOPLE.priya.phone, "skipped"],
    [PEOPLE.maria.phone, "answered"],
  ]
  const history = await request<{ items: { phone: string; outcome: string; callId: string | null }[] }>(
    `${workerUrl}/api/admin/agents/${agentId}/history?limit=20`,
    { token: LOCAL.adminToken },
  )
  expect(history.items.map((h) => [h.phone, h.outcome])).toEqual(expected)
  const simCallIds = sim.calls().map((c) => c.id)
  expect(history.items.filter((h) => h.callId).map((h) => h.callId).reverse()).toEqual(simCallIds)
  await expect
    .poll(async () =>
      serviceWorker.evaluate(async () => {
        const { db } = (globalThis as unknown as { __dialerE2E: { db: { history: { toArray(): Promise<{ phone: string; outcome: string; startedAt: string | null; endedAt: string | null }[]> } } } }).__dialerE2E
        const rows = await db.history.toArray()
        return rows.map((r) => [r.phone, r.outcome])
      }),
    )
    .toEqual(expect.arrayContaining(expected))
  const recent = popup.getByTestId("recent-outcomes")
  await expect(recent).toContainText("No answer")
  await expect(recent).toContainText(PEOPLE.tomas.name)
  await expect(popup.getByTestId("queue-counts")).toContainText("4 done")

  // The full history page lists the same five outcomes, newest first.
  const [historyTab] = await Promise.all([context.waitForEvent("page"), popup.getByTestId("open-history").click()])
  await historyTab.setViewportSize({ width: 1100, height: 560 })
  const rows = historyTab.getByTestId("history-row")
  await expect(rows).toHaveCount(5)
  const labels = { answered: "Answered", no_answer: "No answer", skipped: "Skipped" } as Record<string, string>
  for (const [i, [, outcome]] of expected.entries()) await expect(rows.nth(i)).toContainText(labels[outcome!]!)
  await expect(historyTab.getByTestId("history-totals")).toContainText("4 calls · 2 answered")
  await shot(historyTab, "full-run-history-page", testInfo)
})
