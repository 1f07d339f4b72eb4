import { readdirSync } from "node:fs"
import { join } from "node:path"
import { fileURLToPath } from "node:url"

import type { Page } from "@playwright/test"

import { closedShadow, type Rect } from "./closed-shadow"
import { expect, signIn, test } from "./fixtures"
import { GOOD_CODE } from "./stub-worker"

const FIXTURES = fileURLToPath(new URL("../../extension/src/adapters/fixtures/", import.meta.url))
const CRM_PAGES = readdirSync(FIXTURES).filter((file) => file.endsWith(".html")).sort()
const WIDTHS = [800, 1024, 1440]
/** The bar's parts, left to right; each must sit inside the bar and clear of the others. */
const PARTS = ["bar-status", "bar-current", "bar-notice", "bar-next", "bar-actions"]

const LONG_REASON =
  "Aircall Workspace is closed or you are not available in Aircall: open Workspace, set yourself Available and keep the tab open, then resume the run from the popup so that the next number is dialed"

const overlap = (a: Rect, b: Rect) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5

async function addAllRect(page: Page): Promise<Rect | null> {
  return page.evaluate(() => {
    const el = document.querySelector("[data-dialer-add-all]")
    if (!el || (el as HTMLElement).hidden) return null
    const r = el.getBoundingClientRect()
    return r.width > 0 ? { left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height } : null
  })
}

test("the bar fits on one line at 800, 1024 and 1440 px on every saved CRM page, clear of Add all", async ({ context, extensionId, stub, site, openPopup }, testInfo) => {
  test.setTimeout(CRM_PAGES.length * WIDTHS.length * 6_000 + 60_000)
  expect(CRM_PAGES.length).toBeGreaterThanOrEqual(12)
  await signIn(context, extensionId, stub, GOOD_CODE)
  await expect.poll(() => stub.connections()).toBe(1)

  // A crowded run: paused during a call with a long reason, a long name, and a next contact.
  const crm = await context.newPage()
  await crm.goto(`${site.origin}/crm/hubspot-contact.html`)
  const controls = crm.locator("[data-dialer-number]")
  await expect(controls.first()).toBeVisible()
  const numbers = [...new Set(await controls.evaluateAll((els) => els.map((el) => el.getAttribute("data-dialer-number"))))]
  // Two numbers: the bar then shows "Next:" as well.
  for (const phone of numbers.slice(0, 2)) await crm.locator(`[data-dialer-number="${phone}"]`).first().click()
  const popup = await openPopup()
  await expect(popup.getByTestId("queue-row")).toHaveCount(2)
  await popup.getByTestId("control-start").click()
  await expect(popup.getByTestId("current-call")).toBeVisible()
  const now = new Date().toISOString()
  stub.setState({
    status: "paused",
    pausedFrom: "in_call",
    pausedReason: LONG_REASON,
    remaining: 12,
    delaySeconds: 5,
    current: { itemId: stub.state.current!.itemId, phone: "+14155550132", name: "Maximiliana Bartholomew-Fitzgerald of Northumberland", startedAt: now, answeredAt: now },
  })
  await popup.close()

  for (const file of CRM_PAGES) {
    await crm.goto(`${site.origin}/crm/${file}`)
    const bar = await closedShadow(crm)
    for (const width of WIDTHS) {
      await crm.setViewportSize({ width, height: 720 })
      await expect.poll(() => bar.visible("dialer-bar"), { message: `${file} @ ${width}` }).toBe(true)
      await crm.waitForTimeout(150) // media queries and Add all's recount settle
      const where = `${file} @ ${width}px`
      const box = (await bar.rect("dialer-bar"))!
      expect(box.left, where).toBeGreaterThanOrEqual(0)
      expect(box.right, where).toBeLessThanOrEqual(width)
      expect(box.height, `${where}: one line`).toBeLessThanOrEqual(50)
      const parts: { id: string; rect: Rect }[] = []
      for (const id of PARTS) {
        const rect = await bar.rect(id)
        if (rect) parts.push({ id, rect })
      }
      expect(parts.map((p) => p.id), where).toEqual(expect.arrayContaining(["bar-status", "bar-current", "bar-notice", "bar-actions"]))
      if (width >= 1024) expect(parts.map((p) => p.id), `${where}: Next shown`).toContain("bar-next")
      for (const [i, a] of parts.entries()) {
        expect(a.rect.left, `${where}: ${a.id} inside the bar`).toBeGreaterThanOrEqual(box.left - 0.5)
        expect(a.rect.right, `${where}: ${a.id} inside the bar`).toBeLessThanOrEqual(box.right + 0.5)
        for (const b of parts.slice(i + 1)) expect(overlap(a.rect, b.rect), `${where}: ${a.id} overlaps ${b.id}`).toBe(false)
      }
      // The reason is cut (enough of it stays to read), and can be read in full.
      expect((await bar.rect("bar-notice-text"))?.width ?? 0, `${where}: room for the reason`).toBeGreaterThanOrEqual(90)
      expect(await bar.attribute("bar-notice-text", "title"), where).toContain(LONG_REASON)
      const addAll = await addAllRect(crm)
      if (addAll) expect(overlap(addAll, box), `${where}: Add all collides with the bar`).toBe(false)
      await crm.screenshot({ path: testInfo.outputPath(`bar-${file.replace(".html", "")}-${width}.png`) })
    }
  }

  // "More" opens the whole reason above the bar.
  await crm.setViewportSize({ width: 800, height: 720 })
  const bar = await closedShadow(crm)
  await bar.click("bar-more")
  await expect.poll(() => bar.text("bar-notice-full")).toContain(LONG_REASON)
  await crm.screenshot({ path: testInfo.outputPath("bar-more-800.png") })
})
