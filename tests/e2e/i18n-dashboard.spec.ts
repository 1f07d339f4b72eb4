import { join } from "node:path"

import { type Browser, chromium, expect, type Page, test } from "@playwright/test"

import { DEMO_USER } from "../aircall-sim/options"
import { AdminClient, AgentClient } from "../system/api-client"
import { CHROMIUM, CHROMIUM_ARGS } from "../system/chromium"
import { LOCAL, startSystem, type System } from "../system/start-system"
import { SCREENSHOTS } from "./fixtures"

/**
 * The team dashboard in French (issue 16): the browser's language by default, the header's switch
 * overrides it and is remembered across reloads, `<html lang>` follows, figures are written the
 * French way, and French's longer words clip no button or table header at 1280 or 1024 px.
 */
let system: System
let browser: Browser
test.describe.configure({ mode: "serial" })

test.beforeAll(async () => {
  test.setTimeout(150_000)
  system = await startSystem({ quiet: true, sim: { users: [DEMO_USER], createdDelayMs: 50, ringMs: 300, talkMs: 900, endedDelayMs: 300 } })
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
  // a morning of calls, so the figures, the agents table and the history have rows to translate
  const { enrollmentCode } = await new AdminClient(system.workerUrl).createAgent(DEMO_USER.id, 2001, "Sam Rivera")
  const agent = await AgentClient.enroll(system.workerUrl, enrollmentCode)
  system.sim.setScript({ "+14155550102": { outcome: "no_answer" }, default: { outcome: "answered" } })
  await agent.start(["+14155550101", "+14155550102", "+442079460958"].map((phone, i) => ({ id: `c${i}`, phone, name: ["Ada Park", "Ben Ortiz", "Cleo Hart"][i] })), 0)
  await expect.poll(async () => (await agent.state()).status, { timeout: 60_000 }).toBe("completed")
})
test.afterAll(async () => {
  await browser?.close()
  await system?.stop()
})

async function signIn(page: Page) {
  await page.goto(`${system.workerUrl}/admin`)
  await page.getByTestId("admin-token").fill(LOCAL.adminToken)
  await page.getByTestId("sign-in").click()
  await expect(page.getByTestId("agents")).toBeVisible()
}

/** Buttons and table headers whose text does not fit their box (French runs longer than English). */
async function clipped(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>("button, th, label.file-button, .pill, select")]
      .filter((el) => el.offsetParent !== null && el.scrollWidth > el.clientWidth + 1)
      .map((el) => `${el.tagName.toLowerCase()} "${el.textContent?.trim()}" (${el.scrollWidth} > ${el.clientWidth})`),
  )
}

test("English by default in an English browser; Français from the header's switch, kept across a reload", async () => {
  const context = await browser.newContext({ locale: "en-US", viewport: { width: 1280, height: 1000 } })
  const page = await context.newPage()
  await signIn(page)
  await expect(page.locator("html")).toHaveAttribute("lang", "en")
  await expect(page.getByTestId("sign-out")).toHaveText("Sign out")
  await expect(page.getByTestId("kpi-today-calls")).toContainText("Calls")

  await page.getByTestId("language").selectOption("fr")
  await expect(page.locator("html")).toHaveAttribute("lang", "fr")
  await expect(page).toHaveTitle("Équipe · Aircall Power Dialer")
  await expect(page.getByTestId("sign-out")).toHaveText("Se déconnecter")
  await expect(page.getByTestId("live")).toHaveText(/En direct|Connexion|Reconnexion/)
  await expect(page.getByTestId("kpi-today-calls")).toContainText("Appels")
  await expect(page.getByTestId("kpi-today-answered")).toContainText(/\d+\s%/) // "67 %": French puts a (narrow no-break) space before %
  await expect(page.getByTestId("agents").locator("thead")).toContainText("File d'attente")
  await expect(page.getByTestId("dialer-status")).toHaveText("Terminé")
  await expect(page.getByTestId("history").locator("thead")).toContainText("Résultat")
  await expect(page.getByTestId("history")).toContainText("Sans réponse")
  await expect(page.getByTestId("calling-hours")).toContainText("lun.")
  await expect(page.getByTestId("dnc-panel")).toContainText("Liste d'opposition")

  await page.reload()
  await expect(page.getByTestId("agents")).toBeVisible() // still signed in: the token lives in this tab's sessionStorage
  await expect(page.locator("html")).toHaveAttribute("lang", "fr")
  await expect(page.getByTestId("sign-out")).toHaveText("Se déconnecter")
  await expect(page.getByTestId("language")).toHaveValue("fr")

  for (const width of [1280, 1024]) {
    await page.setViewportSize({ width, height: 1000 })
    await expect(page.getByTestId("hour-chart")).toBeVisible()
    expect(await clipped(page), `clipped at ${width} px`).toEqual([])
    expect(await page.evaluate(() => document.documentElement.scrollWidth), `the page scrolls sideways at ${width} px`).toBeLessThanOrEqual(width)
    await page.screenshot({ path: join(SCREENSHOTS, `i18n-dashboard-fr-${width}.png`), fullPage: true })
  }

  // back to the browser's language: English again, and the choice is forgotten
  await page.getByTestId("language").selectOption("auto")
  await expect(page.getByTestId("sign-out")).toHaveText("Sign out")
  await page.reload()
  await expect(page.locator("html")).toHaveAttribute("lang", "en")
  await context.close()
})

test("a French browser gets French from the sign-in page on, until the admin picks English", async () => {
  const context = await browser.newContext({ locale: "fr-FR", viewport: { width: 1024, height: 900 } })
  const page = await context.newPage()
  await page.goto(`${system.workerUrl}/admin`)
  await expect(page.locator("html")).toHaveAttribute("lang", "fr")
  await expect(page.getByTestId("sign-in")).toHaveText("Se connecter")
  await page.getByTestId("admin-token").fill("not-the-admin-token")
  await page.getByTestId("sign-in").click()
  await expect(page.getByRole("alert")).toContainText("Ce jeton a été refusé")
  await page.screenshot({ path: join(SCREENSHOTS, "i18n-dashboard-fr-signin.png") })

  await page.getByTestId("language").selectOption("en")
  await expect(page.getByTestId("sign-in")).toHaveText("Sign in")
  await signIn(page)
  await expect(page.getByTestId("sign-out")).toHaveText("Sign out")
  await context.close()
})

test("in French, the dashboard's own checks are French and the worker's English refusals come in a French frame", async () => {
  const context = await browser.newContext({ locale: "fr-FR", viewport: { width: 1280, height: 900 } })
  const page = await context.newPage()
  await signIn(page)
  const dnc = page.getByTestId("dnc-panel")
  await page.getByTestId("dnc-phones").fill("12345")
  await page.getByTestId("dnc-add").click()
  await expect(dnc).toContainText("Pas au format E.164 (ajoutez l'indicatif pays) : 12345")
  await page.getByTestId("dnc-phones").fill("+12125550143")
  await page.getByTestId("dnc-add").click()
  await expect(page.getByTestId("dnc-message")).toHaveText("1 numéro ajouté ; 0 déjà dans la liste.")

  const hours = page.getByTestId("calling-hours")
  await page.waitForLoadState("networkidle") // the card loads its settings once: edit after that
  await expect(async () => {
    await page.getByTestId("calling-hours-start").fill("23:00")
    await page.getByTestId("calling-hours-end").fill("22:00")
    await expect(page.getByTestId("calling-hours-end")).toHaveValue("22:00", { timeout: 500 })
  }).toPass({ timeout: 5000 })
  await page.getByTestId("calling-hours-save").click()
  await expect(hours.locator(".banner.error")).toHaveText(/^Le serveur a répondu : .*start must be before end/)
  await context.close()
})
