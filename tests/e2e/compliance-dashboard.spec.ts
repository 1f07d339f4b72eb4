import { join } from "node:path"
import { SCREENSHOTS } from "./fixtures"
import { type Browser, chromium, expect, type Page, test } from "@playwright/test"

import { CHROMIUM, CHROMIUM_ARGS } from "../system/chromium"
import { LOCAL, startSystem, type System } from "../system/start-system"

/**
 * The team dashboard's compliance cards in Chromium: the do-not-call list (add with a reason,
 * search, remove) and the calling hours (change the window and days, switch on local presence).
 */
let system: System
let browser: Browser
test.describe.configure({ mode: "serial" })

test.beforeAll(async () => {
  test.setTimeout(120_000)
  system = await startSystem({ quiet: true, callingHours: "default" })
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
})
test.afterAll(async () => {
  await browser?.close()
  await system?.stop()
})

async function openDashboard(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1400 } })
  await page.goto(`${system.workerUrl}/admin`)
  await page.getByTestId("admin-token").fill(LOCAL.adminToken)
  await page.getByTestId("sign-in").click()
  return page
}

const admin = { authorization: `Bearer ${LOCAL.adminToken}`, "content-type": "application/json" }

test("the do-not-call list: add with a reason, search, remove", async () => {
  const page = await openDashboard()
  const panel = page.getByTestId("dnc-panel")
  await expect(panel).toContainText("No number is on the list.")
  await page.getByTestId("dnc-phones").fill("+1 212 555 0143, +33142685300")
  await page.getByTestId("dnc-reason").fill("asked not to be called")
  await page.getByTestId("dnc-add").click()
  await expect(page.getByTestId("dnc-message")).toHaveText("Added 2; 0 already on the list.")
  const table = page.getByTestId("dnc-table")
  await expect(table).toContainText("+12125550143")
  await expect(table).toContainText("asked not to be called")
  await expect(table).toContainText("admin-token")

  await page.getByTestId("dnc-search").fill("+33")
  await expect(table).not.toContainText("+12125550143")
  await expect(table).toContainText("+33142685300")

  await page.getByRole("button", { name: "Remove +33142685300" }).click()
  await expect(page.getByTestId("dnc-message")).toHaveText("+33142685300 is off the list.")
  await expect(panel).toContainText('No listed number matches "+33".')
  const left = (await (await fetch(`${system.workerUrl}/api/admin/dnc`, { headers: admin })).json()) as { items: { phone: string }[] }
  expect(left.items.map((i) => i.phone)).toEqual(["+12125550143"])

  await page.getByTestId("dnc-phones").fill("2125550143")
  await page.getByTestId("dnc-add").click()
  await expect(panel).toContainText("Not E.164 (add the country code): 2125550143")
  await page.getByTestId("dnc-search").fill("")
  await expect(page.getByTestId("dnc-table")).toContainText("+12125550143")
  await panel.screenshot({ path: join(SCREENSHOTS, "i13-dashboard-dnc.png") }) // last: a full-page shot resizes the page under the next click
  await page.close()
})

test("the do-not-call list: CSV import (lines it cannot read are named) and export (formula cells neutralised)", async () => {
  const page = await openDashboard()
  await page.getByTestId("dnc-import").setInputFiles({
    name: "dnc.csv",
    mimeType: "text/csv",
    buffer: Buffer.from('phone,reason\n+442079460958,"=HYPERLINK(""http://x"")"\n0049 30 1234 5678,moved\nnot-a-number,x\n'),
  })
  await expect(page.getByTestId("dnc-message")).toHaveText("Imported dnc.csv: 2 added, 0 already on the list; 1 line skipped (not E.164: line 4).")
  await expect(page.getByTestId("dnc-table")).toContainText("+493012345678")
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export CSV" }).last().click()])
  const csv = await (await import("node:fs/promises")).readFile((await download.path())!, "utf8")
  const lines = csv.split("\r\n")
  expect(lines[0]).toBe("phone,reason,added_at,added_by")
  expect(lines).toContainEqual(expect.stringMatching(/^\+442079460958,"'=HYPERLINK\(""http:\/\/x""\)",/))
  expect(lines).toContainEqual(expect.stringMatching(/^\+493012345678,moved,/))
  await page.close()
})

test("calling hours and local presence are saved", async () => {
  const page = await openDashboard()
  await expect(page.getByTestId("calling-hours-start")).toHaveValue("08:00")
  await page.waitForLoadState("networkidle") // the card may load the settings again: edit after that
  await expect(async () => {
    await page.getByTestId("calling-hours-start").fill("09:30")
    await expect(page.getByTestId("calling-hours-start")).toHaveValue("09:30", { timeout: 500 })
  }).toPass({ timeout: 5000 })
  await page.getByTestId("calling-hours").getByLabel("Sun").uncheck()
  await page.getByTestId("calling-hours").getByLabel("Sat").uncheck()
  await page.getByTestId("local-presence").check()
  await page.getByTestId("calling-hours-save").click()
  await expect(page.getByTestId("calling-hours")).toContainText("Saved.")
  await page.getByTestId("calling-hours").screenshot({ path: join(SCREENSHOTS, "i13-dashboard-hours.png") })
  const { settings } = (await (await fetch(`${system.workerUrl}/api/admin/settings`, { headers: admin })).json()) as {
    settings: { callingHours: unknown; localPresence: boolean }
  }
  expect(settings.callingHours).toEqual({ start: "09:30", end: "21:00", days: [1, 2, 3, 4, 5] })
  expect(settings.localPresence).toBe(true)

  await page.getByTestId("calling-hours-start").fill("22:00")
  await page.getByTestId("calling-hours-save").click()
  await expect(page.getByTestId("calling-hours")).toContainText("start must be before end")
  await page.close()
})
