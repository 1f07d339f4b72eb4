import { join } from "node:path"

import { expect, SCREENSHOTS, test } from "./fixtures"

/**
 * Settings IT sets by Chrome policy show locked in the options page. A real policy needs files under
 * /etc (shared by every browser on the machine), so the page's chrome.storage.managed.get is
 * replaced before the page's scripts run: what Chrome would give an extension under this policy.
 */
const POLICY = { workerUrl: "https://dialer.example.com", defaultCountry: "FR", allowedSites: ["crm.example.com"] }

test("values set by policy are locked in the options page; the agent's own sites stay editable", async ({ context, extensionId }) => {
  await context.addInitScript((policy) => {
    const area = (globalThis as { chrome?: { storage?: { managed?: { get: unknown } } } }).chrome?.storage?.managed
    if (area) area.get = async () => policy
  }, POLICY)
  const page = await context.newPage()
  await page.goto(`chrome-extension://${extensionId}/options.html`)
  const url = page.getByTestId("worker-url")
  await expect(url).toHaveValue("https://dialer.example.com")
  await expect(url).toHaveAttribute("readonly", "")
  await expect(page.getByTestId("default-country")).toBeDisabled()
  await expect(page.getByTestId("default-country")).toHaveValue("FR")
  await expect(page.getByTestId("managed-note")).toHaveCount(2)
  await expect(page.getByTestId("managed-site")).toContainText("https://crm.example.com/*")
  await expect(page.getByTestId("managed-site")).toContainText("set by your company")
  await expect(page.getByTestId("managed-site-allow")).toBeVisible() // Chrome grants no site by policy: one click each
  await expect(page.getByTestId("managed-site").getByRole("button", { name: "Remove" })).toHaveCount(0)
  await expect(page.getByTestId("delay-seconds")).toBeEnabled() // not managed
  await page.screenshot({ path: join(SCREENSHOTS, "options-managed.png"), fullPage: true })
})
