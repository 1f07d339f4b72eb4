import { expect, test } from "./fixtures"

/**
 * The agent's default country is the UK; the page lists US contacts. Every number gets one
 * control, read the US way (tel: link first, then the page's hints), with its country on hover,
 * and the one whose reading was assumed is flagged.
 */
test("a UK-default agent on a page of US numbers: one control per number", async ({ context, extensionId, site, openPopup }, testInfo) => {
  const options = await context.newPage()
  await options.goto(`chrome-extension://${extensionId}/options.html`)
  await options.getByTestId("default-country").selectOption("GB")
  type Storage = { storage: { local: { get(key: string): Promise<{ settings?: { defaultCountry?: string } }> } } }
  const savedCountry = () => options.evaluate(async () => (await (globalThis as unknown as { chrome: Storage }).chrome.storage.local.get("settings")).settings?.defaultCountry)
  await expect.poll(savedCountry).toBe("GB")

  const page = await context.newPage()
  await page.setViewportSize({ width: 1024, height: 600 })
  await page.goto(`${site.origin}/pages/locale/uk-default-us-numbers.html`)
  const controls = page.locator("[data-dialer-number]")
  await expect(controls).toHaveCount(4)
  const read = await controls.evaluateAll((els) => els.map((el) => [el.getAttribute("data-dialer-number"), el.getAttribute("data-assumed-country")]))
  expect(read).toEqual([
    ["+14155550132", null],
    ["+14155550133", "US"],
    ["+442079460958", null],
    ["+12125550143", null],
  ])
  for (const person of ["ada", "bo", "cy", "di"]) await expect(page.locator(`[data-person="${person}"] [data-dialer-number]`)).toHaveCount(1)
  await expect(controls.nth(0)).toHaveAttribute("title", "Dials +1 415-555-0132 (United States).")
  await expect(controls.nth(1)).toHaveAttribute("title", /Dials \+1 415-555-0133 \(United States\)\. Written without a country code/)
  await expect(controls.nth(2)).toHaveAttribute("aria-label", /United Kingdom/)
  await expect(page.locator("[data-dialer-add-all]")).toHaveAttribute("data-pending", "4")
  await controls.nth(1).hover()
  await page.screenshot({ path: testInfo.outputPath("uk-default-us-numbers.png") })

  // The queue says which number will be dialed, with its country.
  await controls.nth(1).click()
  const popup = await openPopup()
  await expect(popup.getByTestId("queue-phone")).toHaveText("+1 415 555 0133 · United States")
})
