import { join } from "node:path"
import { fileURLToPath } from "node:url"

import AxeBuilder from "@axe-core/playwright"
import type { Page } from "@playwright/test"

import { expect, SCREENSHOTS, signIn, test } from "./fixtures"
import { GOOD_CODE } from "./stub-worker"

const here = fileURLToPath(new URL(".", import.meta.url))
const CSV = join(here, "../../extension/src/csv/fixtures/hubspot-export.csv")
/** Where the French pages' screenshots go (outside the repo when I18N_SCREENSHOTS is set). */
const SHOTS = process.env.I18N_SCREENSHOTS ?? SCREENSHOTS

/** Serious or critical WCAG 2.2 AA findings on a page in French (a wrong lang, an unnamed control). */
async function axeFindings(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze()
  return result.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)
}

/**
 * Issue 16: the agent picks Français in Options and every extension page speaks French: the
 * Options page itself and an already open Lists page at once (no reload), the CSV import dialog
 * with its refused rows, Contacts, History after a call, the privacy policy and the popup's list
 * picker. Each French page also passes an axe WCAG 2.2 AA scan (language, names of controls).
 */
test("after choosing Français in Options, the Options, Lists (import), History and privacy pages are French", async ({ context, extensionId, stub, openPopup }) => {
  const options = await signIn(context, extensionId, stub, GOOD_CODE)
  await expect(options.getByTestId("agent-name")).toHaveText("Erin Agent")
  await expect(options.locator("h1")).toHaveText("Power Dialer settings")

  // A Lists page open before the switch follows it without a reload.
  const lists = await context.newPage()
  await lists.setViewportSize({ width: 1280, height: 900 })
  await lists.goto(`chrome-extension://${extensionId}/tabs/lists.html`)
  await expect(lists.getByTestId("list-import")).toHaveText("Import CSV…")

  await options.getByTestId("language").selectOption("fr")
  await expect(options.locator("h1")).toHaveText("Paramètres de Power Dialer")
  await expect(options.locator("html")).toHaveAttribute("lang", "fr")
  await expect(options.getByTestId("account")).toContainText("Connecté en tant que")
  await expect(options.getByTestId("sign-out")).toHaveText("Se déconnecter")
  await expect(options.getByTestId("delay-note")).toHaveText("De 0 à 3600 secondes ; enregistré quand vous quittez le champ.")
  await expect(options.getByTestId("default-country").locator("option:checked")).toHaveText("États-Unis (US)")
  await expect(options.getByTestId("sites")).toContainText("Les numéros sont détectés sur ces CRM")
  await options.setViewportSize({ width: 900, height: 1300 })
  await options.screenshot({ path: join(SHOTS, "i18n-pages-options.png"), fullPage: true })
  expect(await axeFindings(options)).toEqual([])

  await expect(lists.getByTestId("list-import")).toHaveText("Importer un CSV…")
  await expect(lists.locator("h1")).toHaveText("Listes")
  await expect(lists.locator("html")).toHaveAttribute("lang", "fr")
  await expect(lists.getByTestId("list-title")).toHaveText("Ma file d'attente") // the first list, never renamed
  await lists.getByTestId("list-import").click()
  await expect(lists.getByTestId("import-dialog")).toContainText("Importer un fichier CSV ou TSV")
  await expect(lists.getByTestId("import-dialog")).toContainText("Choisir un fichier…")
  await expect(lists.getByTestId("import-file-name")).toHaveText("Aucun fichier choisi")
  await expect(lists.getByTestId("import-file")).toBeFocused() // the keyboard starts on the file button
  await lists.getByTestId("import-file").setInputFiles(CSV)
  await expect(lists.getByTestId("import-summary")).toContainText("2 numéros à importer")
  await expect(lists.getByTestId("import-file-name")).toHaveText("hubspot-export.csv")
  await expect(lists.getByTestId("import-summary")).toContainText("1 ligne en double fusionnée")
  await expect(lists.getByTestId("import-summary")).toContainText("2 lignes ne peuvent pas être importées")
  await expect(lists.getByTestId("import-invalid")).toContainText("Ligne 5 : « not a number » n'est pas un numéro de téléphone")
  await expect(lists.getByTestId("import-invalid")).toContainText("Ligne 7 : aucun numéro de téléphone")
  await expect(lists.getByTestId("import-mapping")).toContainText("Numéro de téléphone")
  await expect(lists.getByTestId("map-company").locator("option").first()).toHaveText("— aucune —")
  await expect(lists.getByTestId("import-run")).toHaveText("Importer 2 numéros")
  await expect(lists.getByTestId("import-dialog")).toContainText("Dans « Ma file d'attente »")
  await lists.screenshot({ path: join(SHOTS, "i18n-pages-lists-import.png"), fullPage: true })
  expect(await axeFindings(lists)).toEqual([])
  await lists.getByTestId("import-new-name").fill("Webinaire")
  await lists.getByTestId("import-run").click()
  await expect(lists.getByTestId("lists-notice")).toContainText("2 numéros importés")
  await expect(lists.getByTestId("lists-notice")).toContainText("2 lignes non importées")
  await expect(lists.getByTestId("list-row").first()).toContainText("En attente")
  await lists.getByTestId("list-make-active").click()
  await expect(lists.getByTestId("list-entry").filter({ hasText: "Webinaire" })).toContainText("Active")
  await expect(lists.getByTestId("list-selected")).toHaveText("Cliquez ou utilisez ↑/↓, Maj, Espace, Ctrl+A pour sélectionner")
  await lists.screenshot({ path: join(SHOTS, "i18n-pages-lists.png"), fullPage: true })

  // Contacts: the numbers just imported, in French.
  const contacts = await context.newPage()
  await contacts.setViewportSize({ width: 1280, height: 700 })
  await contacts.goto(`chrome-extension://${extensionId}/tabs/contacts.html`)
  await expect(contacts.locator("h1")).toHaveText("Contacts")
  await expect(contacts.getByTestId("contacts-count")).toHaveText("2 contacts")
  await expect(contacts.getByTestId("contacts-search")).toHaveAttribute("placeholder", "Rechercher un nom, une entreprise ou un numéro")
  await expect(contacts.getByTestId("contacts-add-all-to").locator("option").first()).toHaveText("Ajouter les 2 contacts affichés à…")
  await contacts.getByTestId("contact-row").first().click()
  await expect(contacts.getByTestId("contact-detail")).toContainText("Aucun appel vers ce numéro pour l'instant.")
  await expect(contacts.getByTestId("contact-delete")).toHaveText("Supprimer")
  await contacts.screenshot({ path: join(SHOTS, "i18n-pages-contacts.png"), fullPage: true })
  expect(await axeFindings(contacts)).toEqual([])

  // One answered call, then History in French.
  const popup = await openPopup()
  await expect(popup.getByTestId("queue-row")).toHaveCount(2)
  // The popup's list picker (from the Lists area) speaks French too.
  await expect(popup.getByTestId("list-picker-select").locator("option:checked")).toHaveText("Webinaire (2)")
  await expect(popup.getByTestId("list-mode")).toHaveText("Appelée par la session de cette extension.")
  await expect(popup.getByTestId("open-lists")).toHaveText("Listes")
  await popup.getByTestId("control-start").click()
  await expect.poll(() => stub.calls.some((c) => c.path === "/api/dialer/start")).toBe(true)
  stub.endCall("answered", 95)
  const history = await context.newPage()
  await history.setViewportSize({ width: 1100, height: 600 })
  await history.goto(`chrome-extension://${extensionId}/tabs/history.html`)
  await expect(history.getByTestId("history-row")).toHaveCount(1)
  await expect(history.locator("h1")).toHaveText("Historique des appels")
  await expect(history.getByTestId("history-totals")).toHaveText("1 appel · 1 avec réponse · 1 min 35 s de conversation")
  await expect(history.getByTestId("history-row")).toContainText("Répondu")
  await expect(history.getByTestId("history-export")).toHaveText("Exporter en CSV")
  await expect(history.getByTestId("history-search")).toHaveAttribute("placeholder", "Rechercher un nom ou un numéro")
  await history.screenshot({ path: join(SHOTS, "i18n-pages-history.png"), fullPage: true })
  expect(await axeFindings(history)).toEqual([])

  // The privacy policy, from the Options page's footer.
  const [privacy] = await Promise.all([context.waitForEvent("page"), options.getByTestId("privacy-link").click()])
  await expect(privacy.getByRole("heading", { name: "Confidentialité et autorisations" })).toBeVisible()
  await expect(privacy.getByTestId("permission").first()).toContainText("Conserve vos paramètres")
  await expect(privacy.locator("html")).toHaveAttribute("lang", "fr")
  await privacy.setViewportSize({ width: 900, height: 1000 })
  await privacy.screenshot({ path: join(SHOTS, "i18n-pages-privacy.png"), fullPage: true })
  expect(await axeFindings(privacy)).toEqual([])

  // And back: English everywhere again, without reloading.
  await options.getByTestId("language").selectOption("en")
  await expect(history.locator("h1")).toHaveText("Call history")
  await expect(lists.locator("h1")).toHaveText("Lists")
  await expect(privacy.locator("h1")).toHaveText("Privacy and permissions")
})
