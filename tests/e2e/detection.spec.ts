import { expect, test } from "./fixtures"

test("controls appear next to numbers rendered after the page loaded", async ({ context, site }) => {
  const page = await context.newPage()
  await page.goto(`${site.origin}/pages/late/`)
  await expect(page.locator("[data-dialer-number]")).toHaveCount(0)
  await expect(page.locator('[data-dialer-number="+14155550161"]')).toBeVisible({ timeout: 10_000 })
})

test("controls follow a pushState route change", async ({ context, site }) => {
  const page = await context.newPage()
  await page.goto(`${site.origin}/pages/spa/contacts/1`)
  await expect(page.locator('[data-dialer-number="+14155550171"]')).toBeVisible()
  await page.locator("#to-second").click()
  await expect(page).toHaveURL(/contacts\/2$/)
  await expect(page.locator('[data-dialer-number="+16285550172"]')).toBeVisible()
  await expect(page.locator('[data-dialer-number="+14155550171"]')).toHaveCount(0)
})
