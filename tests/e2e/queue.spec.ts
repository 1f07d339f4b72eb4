import { join } from "node:path"

import { expect, SCREENSHOTS, test } from "./fixtures"

test("a number clicked on a CRM page shows in the popup queue and reorders by keyboard and by drag", async ({ context, site, openPopup }) => {
  const crm = await context.newPage()
  await crm.goto(`${site.origin}/crm/hubspot-contact.html`)
  const controls = crm.locator("[data-dialer-number]")
  await expect(controls.first()).toBeVisible()
  const numbers = [...new Set(await controls.evaluateAll((els) => els.map((el) => el.getAttribute("data-dialer-number"))))]
  expect(numbers.length).toBeGreaterThanOrEqual(2)
  const [first, second] = numbers as [string, string]

  await crm.locator(`[data-dialer-number="${first}"]`).first().click()
  await expect(crm.locator(`[data-dialer-number="${first}"]`).first()).toHaveAttribute("data-queued", "true")
  await crm.locator(`[data-dialer-number="${second}"]`).first().click()
  await expect(crm.locator(`[data-dialer-number="${second}"]`).first()).toHaveAttribute("data-queued", "true")

  const popup = await openPopup()
  const rows = popup.getByTestId("queue-row")
  await expect(rows).toHaveCount(2)
  await expect(rows.nth(0)).toHaveAttribute("data-phone", first)
  await expect(rows.nth(1)).toHaveAttribute("data-phone", second)
  await expect(popup.getByTestId("queue-counts")).toContainText("2 pending")
  await expect(popup.getByTestId("signed-out")).toBeVisible()

  // Keyboard reorder: Alt+↑ on the focused second row moves it first and keeps focus on it.
  await rows.nth(1).focus()
  await popup.keyboard.press("Alt+ArrowUp")
  await expect(rows.nth(0)).toHaveAttribute("data-phone", second)
  await expect(rows.nth(0)).toBeFocused()
  await popup.keyboard.press("Alt+ArrowDown")
  await expect(rows.nth(1)).toHaveAttribute("data-phone", second)
  await popup.screenshot({ path: join(SCREENSHOTS, "popup-signed-out-queue.png") })

  // Mouse drag by the handle: the second row dropped above the first.
  const handle = rows.nth(1).locator(".drag-handle")
  const from = (await handle.boundingBox())!
  const to = (await rows.nth(0).boundingBox())!
  await popup.mouse.move(from.x + from.width / 2, from.y + from.height / 2)
  await popup.mouse.down()
  for (let step = 1; step <= 8; step++) await popup.mouse.move(from.x + from.width / 2, from.y + from.height / 2 - ((from.y - to.y + 6) * step) / 8)
  await popup.mouse.up()
  await expect(rows.nth(0)).toHaveAttribute("data-phone", second)
  await expect(rows.nth(1)).toHaveAttribute("data-phone", first)

  // Removing a row from the popup frees the page's control again (queue.changed broadcast).
  await rows.nth(0).getByTestId("queue-remove").click()
  await expect(rows).toHaveCount(1)
  await expect(crm.locator(`[data-dialer-number="${second}"]`).first()).toHaveAttribute("data-queued", "false")
  await expect(crm.locator(`[data-dialer-number="${first}"]`).first()).toHaveAttribute("data-queued", "true")
})

test("the popup list stays responsive with 10,000 numbers", async ({ serviceWorker, openPopup }) => {
  await serviceWorker.evaluate(async () => {
    const { db } = (globalThis as any).__dialerE2E
    const rows = Array.from({ length: 10_000 }, (_, i) => ({
      id: `bulk-${i}`, listId: "default", phone: `+1415${String(5500000 + i).padStart(7, "0")}`, name: `Contact ${i + 1}`,
      position: i + 1, status: "pending", attempts: 0, addedAt: new Date().toISOString(), lastOutcome: null,
    }))
    await db.queue.bulkAdd(rows)
  })
  const popup = await openPopup()
  await expect(popup.getByTestId("queue-counts")).toContainText("10000 pending")
  const rendered = await popup.getByTestId("queue-row").count()
  expect(rendered).toBeLessThan(40) // virtualised: only the visible rows exist
  await popup.getByTestId("queue-list").evaluate((el) => (el.scrollTop = el.scrollHeight))
  await expect(popup.locator('[data-row-id="bulk-9999"]')).toBeVisible()
})

test("a big Add all answers once the numbers are durable, and the popup opened right after shows them all", async ({ context, extensionId, serviceWorker, openPopup }) => {
  const sender = await context.newPage()
  await sender.goto(`chrome-extension://${extensionId}/options.html`)
  const items = Array.from({ length: 3_000 }, (_, i) => ({ phone: `+1415${String(5600000 + i)}`, name: `Lead ${i + 1}` }))
  const answer = await sender.evaluate(async (list) => (globalThis as any).chrome.runtime.sendMessage({ type: "queue.add", items: list }), items)
  expect(answer).toMatchObject({ added: 3_000 })
  expect(Object.keys(answer as object).sort()).toEqual(["added", "phones"])
  const popup = await openPopup()
  await expect(popup.getByTestId("queue-counts")).toContainText(/3,?000 pending/)
  await expect(popup.getByTestId("queue-row").first()).toHaveAttribute("data-phone", items[0]!.phone)
  // Nothing is left staged once the rows are there, and each number has its contact.
  expect(await serviceWorker.evaluate(async () => {
    const { db } = (globalThis as any).__dialerE2E
    return [await db.staged.count(), await db.contacts.count(), await db.queue.count()]
  })).toEqual([0, 3_000, 3_000])
})
