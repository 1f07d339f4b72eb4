import { act } from "react"
import { describe, expect, it } from "vitest"

import { catalogues } from "../i18n/catalogue"
import { settle, stubChrome } from "../options/test-chrome"
import { PERMISSIONS } from "./permissions"
import { PrivacyPage } from "./PrivacyPage"
import { mountEach } from "../ui/test-mount"

const { mount: render } = mountEach()

async function mount(language: string) {
  stubChrome({ settings: { language } })
  const host = render(<PrivacyPage />)
  await settle(act, 2)
  return host
}

describe("the privacy page", () => {
  it("reads entirely in French, every permission justified in French", async () => {
    const page = await mount("fr")
    expect(page.querySelector("h1")!.textContent).toBe("Confidentialité et autorisations")
    expect([...page.querySelectorAll("h2")].map((h) => h.textContent)).toEqual([
      "Stocké dans ce navigateur, sur cet ordinateur",
      "Envoyé au worker de votre entreprise",
      "Pages que vous visitez",
      "Autorisations, et pourquoi",
      "Défini par votre entreprise",
    ])
    const permissions = [...page.querySelectorAll('[data-testid="permission"]')]
    expect(permissions.map((p) => p.querySelector("dt")!.textContent)).toEqual(PERMISSIONS.map((p) => p.name))
    for (const p of permissions) {
      const why = p.querySelector("dd")!.textContent!
      expect(why).not.toMatch(/^privacy\./) // a message, not its key
      expect(Object.values(catalogues.fr)).toContain(why)
    }
    expect(page.textContent).toContain("Rien n'est envoyé aux auteurs de l'extension")
    expect(page.textContent).not.toMatch(/\b(the|your|and)\b/)
  })

  it("keeps the English policy in English", async () => {
    const page = await mount("en")
    expect(page.querySelector("h1")!.textContent).toBe("Privacy and permissions")
    expect(page.querySelector('[data-testid="permission"] dd')!.textContent).toMatch(/^Keeps your settings/)
  })
})
