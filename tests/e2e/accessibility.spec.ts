import { join } from "node:path"

import AxeBuilder from "@axe-core/playwright"
import type { Page } from "@playwright/test"

import { expect, SCREENSHOTS, signIn, test } from "./fixtures"
import { GOOD_CODE } from "./stub-worker"

/**
 * WCAG 2.2 AA, checked by axe-core in Chromium on the extension's pages in the states an agent
 * meets them: the popup idle and during a call, the options page signed in, the history page, and
 * the in-page bar. Serious and critical findings fail the test; the rest are listed in the output.
 * (The dashboard's scan runs in accessibility-dashboard.spec.ts, beside the worker it needs.)
 */
export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

type Finding = { id: string; impact: string; help: string; targets: string[] }

export async function scan(page: Page, name: string): Promise<Finding[]> {
  const result = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze()
  const findings = result.violations.map((v) => ({
    id: v.id,
    impact: v.impact ?? "unknown",
    help: v.help,
    targets: v.nodes.map((n) => n.target.join(" ")),
  }))
  if (findings.length) console.log(`axe on ${name}:\n${findings.map((f) => `  ${f.impact} ${f.id}: ${f.help} — ${f.targets.join(", ")}`).join("\n")}`)
  return findings.filter((f) => f.impact === "serious" || f.impact === "critical")
}

type DomNode = { backendNodeId: number; attributes?: string[]; children?: DomNode[]; shadowRoots?: DomNode[] }

function findInShadow(node: DomNode, testId: string, inside = false): number | null {
  const attrs = node.attributes ?? []
  for (let i = 0; i + 1 < attrs.length; i += 2) if (inside && attrs[i] === "data-testid" && attrs[i + 1] === testId) return node.backendNodeId
  for (const root of node.shadowRoots ?? []) {
    const found = findInShadow(root, testId, true)
    if (found !== null) return found
  }
  for (const child of node.children ?? []) {
    const found = findInShadow(child, testId, inside)
    if (found !== null) return found
  }
  return null
}

/** The bar lives in a closed shadow root axe cannot enter: copy its markup and styles into a page of its own. */
async function barMarkup(page: Page): Promise<string> {
  const cdp = await page.context().newCDPSession(page)
  const { root } = (await cdp.send("DOM.getDocument", { depth: -1, pierce: true })) as { root: DomNode }
  const id = findInShadow(root, "dialer-bar")
  if (id === null) throw new Error("no bar on the page")
  const { object } = await cdp.send("DOM.resolveNode", { backendNodeId: id })
  const { result } = await cdp.send("Runtime.callFunctionOn", {
    objectId: object.objectId,
    functionDeclaration: "function () { return this.getRootNode().innerHTML }",
    returnByValue: true,
  })
  return String(result.value)
}

test("popup, options, history and the in-page bar: no serious WCAG 2.2 AA findings", async ({ context, extensionId, stub, site, openPopup }) => {
  test.setTimeout(90_000)
  const serious: Record<string, Finding[]> = {}
  const check = async (page: Page, name: string) => {
    const found = await scan(page, name)
    if (found.length) serious[name] = found
  }
  const options = await signIn(context, extensionId, stub, GOOD_CODE)
  await expect(options.getByTestId("agent-name")).toHaveText("Erin Agent")
  await check(options, "options")

  const crm = await context.newPage()
  await crm.setViewportSize({ width: 1280, height: 720 })
  await crm.goto(`${site.origin}/crm/hubspot-contact.html`)
  const controls = crm.locator("[data-dialer-number]")
  await expect(controls.first()).toBeVisible()
  const numbers = [...new Set(await controls.evaluateAll((els) => els.map((el) => el.getAttribute("data-dialer-number"))))]
  for (const phone of numbers.slice(0, 3)) await crm.locator(`[data-dialer-number="${phone}"]`).first().click()

  const popup = await openPopup()
  await expect(popup.getByTestId("queue-row")).toHaveCount(Math.min(3, numbers.length))
  await check(popup, "popup (idle, queue)")

  await popup.getByTestId("control-start").click()
  await expect(popup.getByTestId("current-call")).toContainText("Ringing")
  stub.endCall("answered", 95)
  await expect(popup.getByTestId("countdown")).toBeVisible()
  await check(popup, "popup (countdown, recent outcomes)")
  stub.dialNext()
  await expect(popup.getByTestId("current-call")).toBeVisible()
  await check(popup, "popup (in a call)")
  await popup.screenshot({ path: join(SCREENSHOTS, "a11y-popup-in-call.png"), fullPage: true })

  const markup = await barMarkup(crm)
  expect(markup).toContain("<style") // the bar's own styles come along, so colours are checked as shown
  const bar = await context.newPage()
  await bar.setContent(`<!doctype html><html lang="en"><head><title>Bar</title></head><body><main>${markup}</main></body></html>`)
  await bar.screenshot({ path: join(SCREENSHOTS, "a11y-bar-copy.png") })
  await check(bar, "in-page bar")

  const history = await context.newPage()
  await history.setViewportSize({ width: 1100, height: 700 })
  await history.goto(`chrome-extension://${extensionId}/tabs/history.html`)
  await expect(history.getByRole("table").or(history.getByText(/no calls/i)).first()).toBeVisible()
  await check(history, "history")

  expect(serious).toEqual({})
})
