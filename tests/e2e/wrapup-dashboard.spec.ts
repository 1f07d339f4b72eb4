import { join } from "node:path"
import { SCREENSHOTS } from "./fixtures"
import { type Browser, chromium, expect, test } from "@playwright/test"

import { DEMO_USER } from "../aircall-sim/options"
import { AdminClient, request } from "../system/api-client"
import { CHROMIUM, CHROMIUM_ARGS } from "../system/chromium"
import { LOCAL, startSystem, type System } from "../system/start-system"

/**
 * The real worker (wrangler dev) and the Aircall simulator: a wrap-up puts the note and the tag on
 * the call in Aircall, and the team dashboard counts people reached, not answered calls; its
 * dispositions editor saves the company's list.
 */
let system: System
let browser: Browser
test.describe.configure({ mode: "serial" })

test.beforeAll(async () => {
  test.setTimeout(120_000)
  system = await startSystem({ quiet: true, sim: { users: [DEMO_USER], createdDelayMs: 50, ringMs: 300, talkMs: 600, endedDelayMs: 300 } })
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
})
test.afterAll(async () => {
  await browser?.close()
  await system?.stop()
})

async function openDashboard() {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } })
  await page.goto(`${system.workerUrl}/admin`)
  await page.getByTestId("admin-token").fill(LOCAL.adminToken)
  await page.getByTestId("sign-in").click()
  return page
}

test("a wrap-up writes the note and tag on the call in Aircall; the dashboard's connect rate counts people reached, and calls nobody wrapped up as not recorded", async () => {
  const { agentId, enrollmentCode } = await new AdminClient(system.workerUrl).createAgent(DEMO_USER.id, 2001, "Sam Rivera")
  const { accessToken } = await request<{ accessToken: string }>(`${system.workerUrl}/api/auth/enroll`, { method: "POST", json: { code: enrollmentCode } })
  const agent = (path: string, init: { method?: string; json?: unknown } = {}) => request<any>(`${system.workerUrl}${path}`, { ...init, token: accessToken })
  system.sim.setScript({ default: { outcome: "answered" } })
  await agent("/api/dialer/start", { method: "POST", json: { items: [{ id: "w1", phone: "+14155550101", name: "Ada Park" }, { id: "w2", phone: "+14155550102", name: "Ben Ortiz" }], delaySeconds: 0 } })
  await expect.poll(async () => (await agent("/api/dialer")).status, { timeout: 30_000 }).toBe("completed")
  await expect.poll(async () => (await agent("/api/history")).items.filter((e: { final?: boolean }) => e.final).length, { timeout: 20_000 }).toBe(2)

  const { entry } = await agent("/api/dialer/wrap-up", { method: "POST", json: { itemId: "w1", disposition: "connected", note: "Demo booked for Tuesday" } })
  expect(entry).toMatchObject({ itemId: "w1", disposition: "connected", note: "Demo booked for Tuesday" })
  // Written to Aircall through the outbox: the comment, and the "Connected" tag (found or created by name).
  const writes = () => system.sim.requests().filter((r) => r.path === `/v1/calls/${entry.callId}/comments` || r.path === `/v1/calls/${entry.callId}/tags`)
  await expect.poll(() => writes().filter((r) => r.status === 201).map((r) => r.path.split("/").pop()).sort(), { timeout: 20_000 }).toEqual(["comments", "tags"])
  expect(writes().find((r) => r.path.endsWith("/comments"))?.body).toEqual({ content: "Demo booked for Tuesday" })
  const simAuth = `Basic ${Buffer.from(`${LOCAL.apiId}:${LOCAL.apiToken}`).toString("base64")}`
  const { tags } = (await (await fetch(`${system.sim.url}/v1/tags?per_page=50`, { headers: { authorization: simAuth } })).json()) as { tags: { id: number; name: string }[] }
  const tagId = (writes().find((r) => r.path.endsWith("/tags"))?.body as { tags: number[] }).tags[0]
  expect(tags.find((t) => t.id === tagId)?.name).toBe("Connected")

  const page = await openDashboard()
  const row = page.getByTestId(`breakdown-${agentId}`)
  await expect(row.getByTestId("breakdown-conversations")).toHaveText("1", { timeout: 15_000 })
  await expect(row.getByTestId("breakdown-connect-rate")).toHaveText("50%")
  await expect(row.getByTestId("breakdown-not-recorded")).toHaveText("1") // answered, nobody said by whom
  await page.getByTestId("disposition-breakdown").screenshot({ path: join(SCREENSHOTS, "i12-dashboard-breakdown.png") })
  // The history carries the wrap-up too.
  await expect(page.getByTestId("history").getByTestId("history-disposition")).toContainText("Demo booked for Tuesday")
  await expect(page.getByTestId("history")).toContainText("not recorded")
  await page.close()
})

test("the dispositions editor: the default set, edit and add, a bad id refused with nothing saved", async () => {
  const page = await openDashboard()
  const panel = page.getByTestId("dispositions-panel")
  await expect(panel.getByTestId("disposition-row")).toHaveCount(6)
  await expect(panel.getByTestId("disposition-label").first()).toHaveValue("Connected")
  await panel.getByTestId("disposition-label").first().fill("Talked to someone")
  await panel.getByTestId("disposition-add").click()
  await panel.getByTestId("disposition-id").last().fill("Hot Lead")
  await panel.getByTestId("disposition-label").last().fill("Hot lead")
  await panel.getByTestId("dispositions-save").click()
  await expect(panel.getByTestId("dispositions-error")).toContainText("Row 7")
  const saved = () => request<{ dispositions: { id: string; label: string; kind: string }[] }>(`${system.workerUrl}/api/admin/dispositions`, { token: LOCAL.adminToken })
  expect((await saved()).dispositions[0]!.label).toBe("Connected")
  await panel.getByTestId("disposition-id").last().fill("hot")
  await panel.getByTestId("dispositions-save").click()
  await expect(panel.getByTestId("dispositions-message")).toContainText("Saved 7 dispositions")
  const list = (await saved()).dispositions
  expect(list[0]).toMatchObject({ id: "connected", label: "Talked to someone", kind: "connected" })
  expect(list[6]).toEqual({ id: "hot", label: "Hot lead", kind: "connected" })
  await panel.screenshot({ path: join(SCREENSHOTS, "i12-dashboard-dispositions.png") })
  await page.close()
})
