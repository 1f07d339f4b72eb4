import { join } from "node:path"

import type { Page, Worker } from "@playwright/test"

import { closedShadow } from "./closed-shadow"
import { expect, SCREENSHOTS, signIn, test } from "./fixtures"
import { GOOD_CODE, type StubWorker } from "./stub-worker"

/**
 * A CRM page whose own script attacks the extension (pages/hostile/): it clicks "+ Queue" and
 * "Add all" by script, rewrites the number a control carries, and hunts for the dialer bar to read
 * the current call and press Stop. None of it may work; the agent's own clicks still do.
 */
const ALICE = "+14155550101"
const BOB = "+14155550102"
const PREMIUM = "+19005550199"

type Results = { syntheticClicks: string[]; barText: string | null; stopClicked: boolean; shadowRoots: number }

const queued = (sw: Worker) =>
  sw.evaluate(async () => {
    const { db } = (globalThis as unknown as { __dialerE2E: { db: { queue: { toArray(): Promise<{ phone: string }[]> } } } }).__dialerE2E
    return (await db.queue.toArray()).map((r) => r.phone).sort()
  })
const control = (page: Page, phone: string) => page.locator(`[data-dialer-number="${phone}"]`).first()
const sentPhones = (stub: StubWorker, path: string) =>
  stub.calls.filter((c) => c.path === path).map((c) => (c.body as { items: { phone: string }[] }).items.map((i) => i.phone))

test("a hostile page can neither queue nor dial a number, read the run, nor stop it", async ({ context, extensionId, stub, site, openPopup, serviceWorker }) => {
  const options = await signIn(context, extensionId, stub, GOOD_CODE)
  await expect(options.getByTestId("agent-name")).toHaveText("Erin Agent")
  await options.close()

  const crm = await context.newPage()
  await crm.setViewportSize({ width: 1280, height: 720 })
  await crm.goto(`${site.origin}/pages/hostile/`)
  await expect(control(crm, BOB)).toBeVisible()
  expect(await crm.evaluate(() => typeof (window as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime?.sendMessage)).toBe("undefined")

  // 1. Script clicks on every control and on "Add all" (click(), dispatchEvent, Enter) queue nothing.
  await crm.evaluate(() => (window as unknown as { __inject(): void }).__inject())
  await expect(control(crm, PREMIUM)).toBeVisible()
  await expect(crm.locator("[data-dialer-add-all]")).toBeVisible()
  const clicked = await crm.evaluate(() => (window as unknown as { __clickAll(): string[] }).__clickAll())
  expect(clicked).toEqual(expect.arrayContaining([ALICE, BOB, PREMIUM]))
  await crm.waitForTimeout(1000)
  expect(await queued(serviceWorker)).toEqual([])
  await expect(control(crm, PREMIUM)).toHaveAttribute("data-queued", "false")

  // 2. The page points Alice's control at its premium number: the agent's click still queues Alice.
  expect(await crm.evaluate(() => (window as unknown as { __rewrite(): boolean }).__rewrite())).toBe(true)
  await crm.locator('[data-dialer-number]').first().click() // Alice's control, now labelled +1 900
  await expect.poll(() => queued(serviceWorker)).toEqual([ALICE])

  // 3. The agent queues the premium number by hand: it waits for a confirmation and Start leaves it out.
  await crm.locator("#later [data-dialer-number]").first().click() // the real +1 900 control
  await expect.poll(() => queued(serviceWorker)).toEqual([ALICE, PREMIUM])
  const popup = await openPopup()
  const premiumRow = popup.locator(`[data-testid="queue-row"][data-phone="${PREMIUM}"]`)
  await expect(premiumRow.getByTestId("queue-risk")).toHaveText("Premium rate")
  await expect(premiumRow.getByTestId("queue-confirm")).toBeVisible()
  await popup.getByTestId("control-start").click()
  await expect.poll(() => sentPhones(stub, "/api/dialer/start")).toEqual([[ALICE]])

  // 4. The bar shows the run, but the page finds no shadow root, cannot read it, cannot press Stop.
  const bar = await closedShadow(crm)
  await expect.poll(() => bar.text("dialer-bar")).toContain("Alice Legit")
  expect(await crm.evaluate(() => document.querySelector("plasmo-csui")?.shadowRoot)).toBeNull()
  expect(await crm.evaluate(() => (window as unknown as { __readBar(): string | null }).__readBar())).toBeNull()
  expect(await crm.evaluate(() => (window as unknown as { __stop(): boolean }).__stop())).toBe(false)
  expect(await crm.evaluate(() => document.documentElement.innerText)).not.toContain("Ringing")
  const results = await crm.evaluate(() => (window as unknown as { __results: Results }).__results)
  expect(results).toMatchObject({ barText: null, stopClicked: false })
  expect(stub.calls.some((c) => c.path === "/api/dialer/stop")).toBe(false)

  // 5. A number the agent adds from the page during the run waits in the popup until included.
  await control(crm, BOB).click()
  const bobRow = popup.locator(`[data-testid="queue-row"][data-phone="${BOB}"]`)
  await expect(bobRow.getByTestId("queue-awaiting")).toHaveText("From page")
  await expect(popup.getByTestId("queue-held")).toHaveText("2 to review")
  await popup.screenshot({ path: join(SCREENSHOTS, "popup-held-numbers.png") })
  expect(sentPhones(stub, "/api/queue").flat()).not.toContain(BOB)
  await bobRow.getByTestId("queue-include").click()
  await expect.poll(() => sentPhones(stub, "/api/queue").at(-1)).toEqual([BOB])
  await expect(bobRow.getByTestId("queue-awaiting")).toHaveCount(0)

  // The premium number, once confirmed, joins the run too.
  await premiumRow.getByTestId("queue-confirm").click()
  await expect.poll(() => sentPhones(stub, "/api/queue").at(-1)).toEqual([PREMIUM, BOB]) // queue order: it was added first
})
