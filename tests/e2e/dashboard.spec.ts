import { join } from "node:path"

import { type Browser, chromium, expect, type Page, test } from "@playwright/test"

import { DEMO_USER } from "../aircall-sim/options"
import { AdminClient, AgentClient } from "../system/api-client"
import { CHROMIUM, CHROMIUM_ARGS } from "../system/chromium"
import { LOCAL, ROOT, startSystem, type System } from "../system/start-system"

/**
 * The team dashboard (/admin, served by wrangler dev) in Chromium: sign in with the admin token,
 * watch an agent's run change state live over the admin WebSocket, then read the day's figures.
 * Needs no extension: the agents are driven through the API, the simulator answers the calls.
 */
const MAYA = { id: 1002, name: "Maya Chen", email: "maya.chen@example.com", numbers: [{ id: 2002, digits: "+1 555-010-0002", name: "Outbound" }], wrapUpTime: 0 }

let system: System
let browser: Browser
test.describe.configure({ mode: "serial" })

test.beforeAll(async () => {
  test.setTimeout(120_000)
  system = await startSystem({ quiet: true, sim: { users: [DEMO_USER, MAYA], createdDelayMs: 50, ringMs: 700, talkMs: 1200, endedDelayMs: 800 } })
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
  })
})
test.afterAll(async () => {
  await browser?.close()
  await system?.stop()
})

async function enrolled(userId: number, numberId: number, name: string) {
  const { agentId, enrollmentCode } = await new AdminClient(system.workerUrl).createAgent(userId, numberId, name)
  return { agentId, client: await AgentClient.enroll(system.workerUrl, enrollmentCode) }
}

async function openDashboard(token = LOCAL.adminToken): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
  await page.goto(`${system.workerUrl}/admin`)
  await page.getByTestId("admin-token").fill(token)
  await page.getByTestId("sign-in").click()
  return page
}

async function waitUntil(agent: AgentClient, status: string) {
  await expect.poll(async () => (await agent.state()).status, { timeout: 30_000 }).toBe(status)
}

test("a wrong admin token is refused on the sign-in page", async () => {
  const page = await openDashboard("not-the-admin-token")
  await expect(page.getByRole("alert")).toContainText("This token was refused")
  await page.close()
})

test("an agent's run shows up live, then in the day's figures and history", async () => {
  const maya = await enrolled(MAYA.id, 2002, MAYA.name)
  const demo = await enrolled(DEMO_USER.id, 2001, "Sam Rivera")
  system.sim.setScript({
    "+14155550102": { outcome: "no_answer" },
    "+442079460958": { outcome: "answered", talkMs: 2500 },
    "+14155550199": { outcome: "answered", talkMs: 60_000 },
    default: { outcome: "answered" },
  })
  // Maya's morning: four calls, finished before the dashboard opens
  await maya.client.start(
    ["+14155550101", "+14155550102", "+442079460958", "+33142685300"].map((phone, i) => ({ id: `m${i}`, phone, name: ["Ada Park", "Ben Ortiz", "Cleo Hart", "Dov Levi"][i] })),
    0,
  )
  await waitUntil(maya.client, "completed")

  const page = await openDashboard()
  const row = page.getByTestId(`agent-${demo.agentId}`)
  await expect(page.getByTestId("live")).toHaveText(/Live/)
  await expect(row.getByTestId("dialer-status")).toHaveText("Idle")

  await demo.client.start([{ id: "s1", phone: "+14155550199", name: "Grace Kim" }, { id: "s2", phone: "+14155550105", name: "Hugo Marsh" }], 2)
  await expect(row.getByTestId("dialer-status")).toHaveText(/Dialing|Ringing/) // no reload: pushed over the admin WebSocket
  await expect(row.getByTestId("dialer-status")).toHaveText("In call", { timeout: 15_000 })
  await expect(row).toContainText("Grace Kim")
  await expect(row.getByTestId("availability")).toHaveText("On a call", { timeout: 20_000 }) // Aircall's own view, polled sparingly

  await expect(page.getByTestId("kpi-today-calls")).toContainText("4", { timeout: 10_000 })
  await expect(page.getByTestId("history").locator("tbody tr")).toHaveCount(4)
  // docs/dashboard.png (in the README) is a copy of this, refreshed by hand when the dashboard changes
  await page.screenshot({ path: join(ROOT, "tests/e2e/screenshots/dashboard.png"), fullPage: true })

  await page.getByTestId("filter-outcome").selectOption("answered")
  await expect(page.getByTestId("history").locator("tbody tr")).toHaveCount(3)
  const download = page.waitForEvent("download")
  await page.getByTestId("export-csv").click()
  expect((await download).suggestedFilename()).toMatch(/^call-history-\d{4}-\d\d-\d\d\.csv$/)
  await demo.client.command("stop")
  await expect(row.getByTestId("dialer-status")).toHaveText("Stopped")
  await page.close()
})

test("the Aircall webhook card: a webhook Aircall disabled is re-activated by Check now", async () => {
  const admin = { authorization: `Bearer ${LOCAL.adminToken}`, "content-type": "application/json" }
  expect((await fetch(`${system.workerUrl}/api/admin/connect`, { method: "POST", headers: admin, body: "{}" })).status).toBe(200)
  const hooks = () => system.sim.state().webhooks as { webhook_id: string; url: string; active: boolean; events: string[] }[]
  const ours = hooks().find((h) => h.url === `${system.workerUrl}/webhooks/aircall`)!
  const simAuth = `Basic ${Buffer.from(`${LOCAL.apiId}:${LOCAL.apiToken}`).toString("base64")}`
  // Aircall gives up on the webhook after failed deliveries
  await fetch(`${system.sim.url}/v1/webhooks/${ours.webhook_id}`, { method: "PUT", headers: { authorization: simAuth, "content-type": "application/json" }, body: JSON.stringify({ active: false, events: ours.events }) })

  const page = await openDashboard()
  const card = page.getByTestId("webhook-health")
  await expect(card.getByTestId("webhook-state")).toHaveText("Active") // as connect left it: nothing has told the worker yet
  await card.getByRole("button", { name: "Check now" }).click()
  await expect(card.getByTestId("webhook-state")).toHaveText("Re-activated")
  await expect(card.getByTestId("webhook-reactivations")).toHaveText("1")
  await expect(card).toContainText("asked by an admin")
  expect(hooks().find((h) => h.webhook_id === ours.webhook_id)?.active).toBe(true)
  await page.close()
})
