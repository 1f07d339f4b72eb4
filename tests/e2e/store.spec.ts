import { execFileSync } from "node:child_process"
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"

import { chromium, type Page } from "@playwright/test"

import { DEMO_USER } from "../aircall-sim/options"
import { AdminClient, AgentClient } from "../system/api-client"
import { CHROMIUM, CHROMIUM_ARGS, withExtension } from "../system/chromium"
import { LOCAL, ROOT, startSystem } from "../system/start-system"
import { closedShadow } from "./closed-shadow"
import { expect, EXTENSION_DIR, SCREENSHOTS, signIn, test } from "./fixtures"
import { GOOD_CODE } from "./stub-worker"

/**
 * Store listing material, made from the product itself: 1280×800 screenshots of the popup, the bar
 * on a CRM page and the team dashboard, and the 440×280 tile, into tests/e2e/screenshots/store/
 * (`pnpm store` runs this file and copies them to store/). Also: the privacy page lists every
 * permission the manifest asks for, and a build carrying `pnpm keys`' public key gets the id it printed.
 */
const OUT = join(SCREENSHOTS, "store")
const ICON = `data:image/png;base64,${readFileSync(join(ROOT, "extension/assets/icon.png")).toString("base64")}`
const STORE = { width: 1280, height: 800 }

/** A 1280×800 frame: a headline beside a picture of the product (the popup is 380 px wide). */
async function framed(page: Page, shot: Buffer, headline: string, sub: string, file: string) {
  await page.setViewportSize(STORE)
  await page.setContent(`<!doctype html><html><body style="margin:0;width:1280px;height:800px;display:flex;align-items:center;gap:64px;padding:0 96px;box-sizing:border-box;
    background:linear-gradient(135deg,#0d6643,#117a52 55%,#16a34a);font-family:system-ui,sans-serif;color:#fff">
    <div style="flex:1"><img src="${ICON}" width="72" height="72" style="border-radius:16px;background:#fff;padding:6px">
      <h1 style="font-size:44px;line-height:1.15;margin:28px 0 16px">${headline}</h1><p style="font-size:22px;line-height:1.45;margin:0;opacity:.92">${sub}</p></div>
    <img src="data:image/png;base64,${shot.toString("base64")}" style="max-height:700px;border-radius:12px;box-shadow:0 24px 60px rgba(0,0,0,.35)">
  </body></html>`)
  await page.waitForLoadState("load")
  const path = join(OUT, file)
  await page.screenshot({ path })
  return path
}

/** The store takes 24-bit PNGs without alpha (colour type 2) at exact sizes. */
const pngSize = (path: string) => {
  const b = readFileSync(path)
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20), rgbNoAlpha: b[24] === 8 && b[25] === 2 }
}

test.beforeAll(() => mkdirSync(OUT, { recursive: true }))

test("store screenshots: the popup during a run and the bar on a CRM page", async ({ context, extensionId, stub, site, openPopup }) => {
  const options = await signIn(context, extensionId, stub, GOOD_CODE)
  await expect(options.getByTestId("agent-name")).toBeVisible()
  const crm = await context.newPage()
  await crm.setViewportSize(STORE)
  await crm.goto(`${site.origin}/pages/store/contacts.html`)
  const controls = crm.locator("[data-dialer-number]")
  await expect(controls.first()).toBeVisible()
  const numbers = [...new Set(await controls.evaluateAll((els) => els.map((el) => el.getAttribute("data-dialer-number"))))]
  for (const phone of numbers.slice(0, 5)) await crm.locator(`[data-dialer-number="${phone}"]`).first().click()

  const popup = await openPopup()
  await expect(popup.getByTestId("queue-row").first()).toBeVisible()
  await popup.getByTestId("control-start").click()
  await expect(popup.getByTestId("current-call")).toContainText("Ringing")
  stub.endCall("answered", 142)
  stub.dialNext()
  await expect(popup.getByTestId("stat-calls")).toHaveText("1")
  await expect(popup.getByTestId("error-banner")).toHaveCount(0) // no listing picture with an error in it
  const popupShot = await popup.screenshot()

  const bar = await closedShadow(crm)
  await expect.poll(() => bar.visible("dialer-bar")).toBe(true)
  await expect.poll(() => bar.text("dialer-bar")).toContain("Ringing")
  const barPath = join(OUT, "2-bar-on-crm-1280x800.png")
  await crm.screenshot({ path: barPath })
  expect(pngSize(barPath)).toEqual({ ...STORE, rgbNoAlpha: true })

  const page = await context.newPage()
  const popupPath = await framed(page, popupShot, "Dial your CRM's numbers one after another", "Queue numbers from HubSpot, Salesforce, Pipedrive and more. Calls go out through your company's Aircall, with a pause between them that you choose.", "1-popup-1280x800.png")
  expect(pngSize(popupPath)).toEqual({ ...STORE, rgbNoAlpha: true })
})

test("store tile 440×280", async () => {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
  const page = await browser.newPage({ viewport: { width: 440, height: 280 } })
  await page.setContent(`<!doctype html><html><body style="margin:0;width:440px;height:280px;display:flex;flex-direction:column;justify-content:center;padding:0 36px;box-sizing:border-box;
    background:linear-gradient(135deg,#0d6643,#117a52 55%,#16a34a);font-family:system-ui,sans-serif;color:#fff">
    <div style="display:flex;align-items:center;gap:16px"><img src="${ICON}" width="64" height="64" style="border-radius:14px;background:#fff;padding:5px">
    <div style="font-size:30px;font-weight:700;line-height:1.1">Aircall<br>Power Dialer</div></div>
    <p style="font-size:17px;line-height:1.4;margin:22px 0 0;opacity:.92">Call your CRM's numbers one after another, through your company's Aircall.</p></body></html>`)
  const path = join(OUT, "tile-440x280.png")
  await page.screenshot({ path })
  await browser.close()
  expect(pngSize(path)).toEqual({ width: 440, height: 280, rgbNoAlpha: true })
})

test("store screenshot: the team dashboard", async () => {
  test.setTimeout(120_000)
  const MAYA = { id: 1002, name: "Maya Chen", email: "maya.chen@example.com", numbers: [{ id: 2002, digits: "+1 555-010-0002", name: "Outbound" }], wrapUpTime: 0 }
  const system = await startSystem({ quiet: true, sim: { users: [DEMO_USER, MAYA], createdDelayMs: 50, ringMs: 400, talkMs: 700, endedDelayMs: 500 } })
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
  try {
    const admin = new AdminClient(system.workerUrl)
    const agents = await Promise.all(
      [[MAYA.id, 2002, MAYA.name] as const, [DEMO_USER.id, 2001, "Sam Rivera"] as const].map(async ([user, number, name]) => AgentClient.enroll(system.workerUrl, (await admin.createAgent(user, number, name)).enrollmentCode)),
    )
    system.sim.setScript({ "+14155550102": { outcome: "no_answer" }, default: { outcome: "answered" } })
    const people = ["Ada Park", "Ben Ortiz", "Cleo Hart", "Dov Levi"]
    await agents[0]!.start(["+14155550101", "+14155550102", "+442079460958", "+33142685300"].map((phone, i) => ({ id: `m${i}`, phone, name: people[i] })), 0)
    await expect.poll(async () => (await agents[0]!.state()).status, { timeout: 40_000 }).toBe("completed")
    const page = await browser.newPage({ viewport: STORE })
    await page.goto(`${system.workerUrl}/admin`)
    await page.getByTestId("admin-token").fill(LOCAL.adminToken)
    await page.getByTestId("sign-in").click()
    await expect(page.getByTestId("kpi-today-calls")).toContainText("4", { timeout: 15_000 })
    await expect(page.getByTestId("history").locator("tbody tr")).toHaveCount(4)
    const path = join(OUT, "3-dashboard-1280x800.png")
    await page.screenshot({ path })
    expect(pngSize(path)).toEqual({ ...STORE, rgbNoAlpha: true })
  } finally {
    await browser.close()
    await system.stop()
  }
})

test("the options page links to the privacy page, which justifies every permission the manifest asks for", async ({ context, extensionId }) => {
  const options = await context.newPage()
  await options.goto(`chrome-extension://${extensionId}/options.html`)
  const [privacy] = await Promise.all([context.waitForEvent("page"), options.getByTestId("privacy-link").click()])
  await expect(privacy.getByRole("heading", { name: "Privacy and permissions" })).toBeVisible()
  const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, "manifest.json"), "utf8")) as { permissions: string[]; optional_host_permissions: string[] }
  const listed = await privacy.getByTestId("permission").locator("dt").allTextContents()
  for (const permission of [...manifest.permissions, ...manifest.optional_host_permissions]) expect(listed).toContain(permission)
  await privacy.setViewportSize({ width: 900, height: 1000 })
  await privacy.screenshot({ path: join(SCREENSHOTS, "privacy.png"), fullPage: true })
})

test("a build carrying pnpm keys' public key loads with the id pnpm keys printed", async () => {
  const dir = mkdtempSync(join(tmpdir(), "dialer-keys-"))
  try {
    const printed = execFileSync("node", [join(ROOT, "scripts/extension-keys.mjs")], { env: { ...process.env, EXTENSION_KEYS_DIR: join(dir, "keys") }, encoding: "utf8" })
    const id = /Extension id: ([a-p]{32})/.exec(printed)?.[1]
    expect(id, printed).toBeDefined()
    const build = join(dir, "build")
    cpSync(EXTENSION_DIR, build, { recursive: true })
    const manifestPath = join(build, "manifest.json")
    const key = readFileSync(join(dir, "keys/public-key.txt"), "utf8").trim()
    writeFileSync(manifestPath, JSON.stringify({ ...JSON.parse(readFileSync(manifestPath, "utf8")), key }))
    const context = await chromium.launchPersistentContext(join(dir, "profile"), { executablePath: CHROMIUM, headless: true, args: withExtension(build) })
    try {
      const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent("serviceworker", { timeout: 30_000 }))
      expect(new URL(worker.url()).host).toBe(id)
    } finally {
      await context.close()
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})
