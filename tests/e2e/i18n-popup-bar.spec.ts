import { join } from "node:path"

import { closedShadow, type Rect } from "./closed-shadow"
import { expect, SCREENSHOTS, signIn, test } from "./fixtures"
import { GOOD_CODE } from "./stub-worker"

/** Where the screenshots go (outside the repo when I18N_SCREENSHOTS is set). */
const SHOTS = process.env.I18N_SCREENSHOTS ?? SCREENSHOTS
const PARTS = ["bar-status", "bar-current", "bar-notice", "bar-next", "bar-actions"]
const overlap = (a: Rect, b: Rect) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5

/**
 * Issue 16: a French-speaking agent picks Français in Options; the "+ Queue" controls of a CRM page,
 * the popup and the in-page bar then speak French, and the longer French words still fit the
 * popup's 380 px and the bar on one line at 800 px.
 */
test("after choosing Français, the CRM page's controls, the popup and the bar are French and still fit", async ({ context, extensionId, stub, site, openPopup }) => {
  const options = await signIn(context, extensionId, stub, GOOD_CODE)
  await expect(options.getByTestId("agent-name")).toHaveText("Erin Agent")
  await options.getByTestId("language").selectOption("fr")
  await expect(options.locator("html")).toHaveAttribute("lang", "fr")

  // The CRM page: "+ File" next to each number, "✓ En file" once queued.
  const crm = await context.newPage()
  await crm.setViewportSize({ width: 800, height: 600 })
  await crm.goto(`${site.origin}/crm/hubspot-contact.html`)
  const controls = crm.locator("[data-dialer-number]")
  await expect(controls.first()).toHaveText("+ File")
  await expect(controls.first()).toHaveAttribute("aria-label", /^Ajouter .+ à la file d'appels\./)
  const numbers = [...new Set(await controls.evaluateAll((els) => els.map((el) => el.getAttribute("data-dialer-number"))))]
  for (const phone of numbers.slice(0, 2)) await crm.locator(`[data-dialer-number="${phone}"]`).first().click()
  await expect(crm.locator(`[data-dialer-number="${numbers[0]}"]`).first()).toHaveText("✓ En file")

  // The popup, idle: French words at 380 px, nothing wider than the popup.
  const popup = await openPopup()
  await expect(popup.locator("html")).toHaveAttribute("lang", "fr")
  await expect(popup.getByTestId("queue-row")).toHaveCount(2)
  await expect(popup.getByTestId("queue-panel").locator("h2")).toHaveText("File d'appels")
  await expect(popup.getByTestId("queue-counts")).toContainText("2 en attente")
  await expect(popup.getByTestId("run-status")).toHaveText("Prêt")
  await expect(popup.getByTestId("run-panel")).toContainText("2 numéros prêts à appeler")
  await expect(popup.getByTestId("control-start")).toHaveText("Démarrer")
  await expect(popup.getByTestId("shortcuts-help").locator("summary")).toHaveText("Raccourcis clavier")
  const fits = () => popup.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)
  expect(await fits()).toBe(true)
  await popup.screenshot({ path: join(SHOTS, "i18n-popup-idle.png"), fullPage: true })

  // A call: the popup and the bar say so in French.
  await popup.getByTestId("control-start").click()
  await expect(popup.getByTestId("current-call")).toContainText("Sonnerie")
  await expect(popup.getByTestId("control-pause")).toHaveText("Pause")
  await expect(popup.getByTestId("control-skip")).toHaveText("Passer")
  await expect(popup.getByTestId("control-stop")).toHaveText("Arrêter")
  await expect(popup.getByTestId("next-contact")).toContainText("Suivant :")
  expect(await fits()).toBe(true)
  await popup.screenshot({ path: join(SHOTS, "i18n-popup-call.png"), fullPage: true })

  const bar = await closedShadow(crm)
  await expect.poll(() => bar.text("bar-status")).toBe("Sonnerie")
  expect(await bar.text("bar-toggle")).toBe("Pause")
  expect(await bar.text("bar-stop")).toBe("Arrêter")
  expect(await bar.attribute("dialer-bar", "aria-label")).toBe("Power dialer")
  await crm.screenshot({ path: join(SHOTS, "i18n-bar-ringing.png") })

  // Paused from the bar: the reason and the way to resume, in French, on one line at 800 px.
  await bar.click("bar-toggle")
  await expect.poll(() => bar.text("bar-status")).toBe("En pause")
  expect(await bar.text("bar-notice-text")).toBe("Mis en pause par vous")
  expect(await bar.text("bar-resume-hint")).toContain("Alt+Shift+P")
  await crm.waitForTimeout(150)
  const box = (await bar.rect("dialer-bar"))!
  expect(box.right).toBeLessThanOrEqual(800)
  expect(box.height, "one line").toBeLessThanOrEqual(50)
  const parts: { id: string; rect: Rect }[] = []
  for (const id of PARTS) {
    const rect = await bar.rect(id)
    if (rect) parts.push({ id, rect })
  }
  for (const [i, a] of parts.entries()) {
    expect(a.rect.right, `${a.id} inside the bar`).toBeLessThanOrEqual(box.right + 0.5)
    for (const b of parts.slice(i + 1)) expect(overlap(a.rect, b.rect), `${a.id} overlaps ${b.id}`).toBe(false)
  }
  await crm.screenshot({ path: join(SHOTS, "i18n-bar-paused.png") })
  await expect(popup.getByTestId("run-status")).toHaveText("En pause")
  await expect(popup.getByTestId("control-resume")).toHaveText("Reprendre")
  await popup.screenshot({ path: join(SHOTS, "i18n-popup-paused.png"), fullPage: true })

  // Stop during a call asks once more, in French.
  await bar.click("bar-stop")
  await expect.poll(() => bar.text("bar-stop")).toBe("Arrêter ?")
  expect(await bar.text("bar-stop-confirm")).toContain("Aucun autre numéro n'est appelé.")
  await crm.screenshot({ path: join(SHOTS, "i18n-bar-stop.png") })

  // Back to English: the page's controls and the popup follow without a reload.
  await options.getByTestId("language").selectOption("en")
  await expect(popup.getByTestId("control-resume")).toHaveText("Resume")
  await expect(crm.locator(`[data-dialer-number="${numbers[0]}"]`).first()).toHaveText("✓ Queued")
})

/** The wrap-up after a call, in the popup and in the panel above the bar, in French. */
test("in French, the wrap-up asks in French in the popup and on the CRM page", async ({ context, extensionId, stub, site, openPopup }) => {
  const options = await signIn(context, extensionId, stub, GOOD_CODE)
  await expect(options.getByTestId("agent-name")).toHaveText("Erin Agent")
  await options.getByTestId("language").selectOption("fr")
  await expect(options.locator("html")).toHaveAttribute("lang", "fr")

  const crm = await context.newPage()
  await crm.setViewportSize({ width: 800, height: 700 })
  await crm.goto(`${site.origin}/crm/hubspot-contact.html`)
  const controls = crm.locator("[data-dialer-number]")
  await expect(controls.first()).toHaveText("+ File")
  const numbers = [...new Set(await controls.evaluateAll((els) => els.map((el) => el.getAttribute("data-dialer-number"))))]
  for (const phone of numbers.slice(0, 2)) await crm.locator(`[data-dialer-number="${phone}"]`).first().click()

  const popup = await openPopup()
  await popup.getByTestId("control-start").click()
  await expect(popup.getByTestId("current-call")).toBeVisible()
  stub.endCall("answered", 60)
  const form = popup.getByTestId("wrapup-form")
  await expect(form).toBeVisible()
  await expect(form).toHaveAttribute("aria-label", /^Clôturer l'appel avec /)
  await expect(form).toContainText("Clôture")
  await expect(popup.getByTestId("wrapup-note")).toHaveAttribute("placeholder", "Note (écrite sur l'appel dans Aircall) — Maj+Entrée pour aller à la ligne")
  await expect(popup.getByTestId("wrapup-submit")).toContainText("Enregistrer")
  await expect(popup.getByTestId("wrapup-later")).toHaveText("Plus tard")
  await expect(popup.getByTestId("wrapup-choice-voicemail")).toContainText("Message laissé")
  await expect(popup.getByTestId("countdown")).toContainText("Appel suivant dans")
  await popup.screenshot({ path: join(SHOTS, "i18n-popup-wrapup.png"), fullPage: true })
  await popup.getByTestId("wrapup-submit").click()
  await expect(popup.getByTestId("wrapup-error")).toHaveText("Choisissez le résultat (touches 1 à 9).")

  stub.dialNext()
  await expect(popup.getByTestId("current-call")).toBeVisible()
  const page = await closedShadow(crm)
  stub.endCall("answered", 20)
  await expect.poll(() => page.visible("page-wrapup-form")).toBe(true)
  expect(await page.attribute("page-wrapup", "aria-label")).toBe("Clôturer l'appel")
  expect(await page.text("wrapup-choice-callback")).toContain("À rappeler") // the built-in dispositions, translated
  await page.click("wrapup-choice-callback")
  await expect.poll(() => page.text("wrapup-zone")).toMatch(/^à (l'heure du contact|votre heure)/)
  expect(await page.text("wrapup-later")).toBe("Plus tard")
  await crm.screenshot({ path: join(SHOTS, "i18n-page-wrapup.png") })
})
