import { join } from "node:path"

import AxeBuilder from "@axe-core/playwright"
import { type Browser, chromium, expect, type Page, test } from "@playwright/test"

import { DEMO_USER } from "../aircall-sim/options"
import { AdminClient, AgentClient } from "../system/api-client"
import { CHROMIUM, CHROMIUM_ARGS } from "../system/chromium"
import { LOCAL, ROOT, startSystem, type System } from "../system/start-system"

/**
 * The team dashboard (/admin) against WCAG 2.2 AA with axe-core: the sign-in page, then the
 * dashboard with an agent who has made calls (agents table, figures, chart, history). Serious and
 * critical findings fail; the rest are listed. The extension's pages are in accessibility.spec.ts.
 */
const MAYA = { id: 1002, name: "Maya Chen", email: "maya.chen@example.com", numbers: [{ id: 2002, digits: "+1 555-010-0002", name: "Outbound" }], wrapUpTime: 0 }
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

let system: System
let browser: Browser
test.describe.configure({ mode: "serial" })

test.beforeAll(async () => {
  test.setTimeout(120_000)
  system = await startSystem({ quiet: true, sim: { users: [DEMO_USER, MAYA], createdDelayMs: 50, ringMs: 300, talkMs: 600, endedDelayMs: 300 } })
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
})
test.afterAll(async () => {
  await browser?.close()
  await system?.stop()
})

async function serious(page: Page, name: string) {
  const result = await new AxeBuilder({ page }).withTags(TAGS).analyze()
  const all = result.violations.map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)
  if (all.length) console.log(`axe on ${name}:\n  ${all.join("\n  ")}`)
  return result.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)
}

test("the dashboard and its sign-in page: no serious WCAG 2.2 AA findings", async () => {
  const { enrollmentCode } = await new AdminClient(system.workerUrl).createAgent(DEMO_USER.id, 2001, "Sam Rivera")
  const agent = await AgentClient.enroll(system.workerUrl, enrollmentCode)
  await agent.start([{ id: "a1", phone: "+14155550101", name: "Ada Park" }, { id: "a2", phone: "+14155550102", name: "Ben Ortiz" }], 0)
  await expect.poll(async () => (await agent.state()).status, { timeout: 30_000 }).toBe("completed")

  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } }) // axe needs a context of its own
  const page = await context.newPage()
  await page.goto(`${system.workerUrl}/admin`)
  await expect(page.getByTestId("admin-token")).toBeVisible()
  const found: Record<string, string[]> = {}
  const signInFindings = await serious(page, "dashboard sign-in")
  if (signInFindings.length) found["sign-in"] = signInFindings
  await page.getByTestId("admin-token").fill(LOCAL.adminToken)
  await page.getByTestId("sign-in").click()
  await expect(page.getByTestId("history").locator("tbody tr")).toHaveCount(2, { timeout: 15_000 })
  await expect(page.getByTestId("recording-play")).toHaveCount(2)
  const dashboardFindings = await serious(page, "dashboard")
  if (dashboardFindings.length) found.dashboard = dashboardFindings
  expect(found).toEqual({})

  // Recordings play from the history: each press fetches a fresh URL from Aircall through the worker.
  const play = page.getByTestId("recording-play").first()
  await expect(play).toBeVisible()
  await play.click()
  await expect(page.getByTestId("recording-audio").first()).toHaveAttribute("src", /\/_sim\/recordings\/\d+\.mp3$/)

  // Enrol an agent from the dashboard: find the Aircall user, pick the number, get a code that works.
  await page.getByTestId("enrol-who").fill(MAYA.email)
  await page.getByTestId("enrol-find").click()
  await expect(page.getByTestId("enrol-number")).toHaveValue("2002") // her only number, picked
  await expect(page.getByTestId("enrol-name")).toHaveValue("Maya Chen")
  await page.getByTestId("enrol-submit").click()
  const issued = page.getByTestId("enrol-panel").getByTestId("issued-code")
  await expect(issued).toContainText("Code for Maya Chen")
  const code = (await issued.locator("code").first().innerText()).trim()
  await expect(page.getByTestId("agents").locator("tbody tr")).toHaveCount(2)
  expect(await serious(page, "dashboard (code issued)")).toEqual([])
  await page.screenshot({ path: join(ROOT, "tests/e2e/screenshots/dashboard-a11y.png"), fullPage: true })
  // A new code for her replaces the first one, which no longer signs in.
  const mayaRow = page.getByTestId("agents").locator("tbody tr").filter({ hasText: "Maya Chen" })
  await mayaRow.getByTestId("new-code").click()
  await expect(mayaRow.getByTestId("issued-code")).toBeVisible()
  const second = (await mayaRow.getByTestId("issued-code").locator("code").first().innerText()).trim()
  expect(second).not.toBe(code)
  await expect(AgentClient.enroll(system.workerUrl, code)).rejects.toThrow()
  const maya = await AgentClient.enroll(system.workerUrl, second)
  expect((await maya.state()).status).toBe("idle")
  await context.close()
})
