import { act } from "react"
import { createRoot, type Root } from "react-dom/client"
import { afterEach, describe, expect, it, vi } from "vitest"

import { catalogues } from "../i18n/catalogue"
import { settle, stubChrome } from "../options/test-chrome"
import { PERMISSIONS } from "./permissions"
import { PrivacyPage } from "./PrivacyPage"

;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

let root: Root | undefined
let host: HTMLElement | undefined
afterEach(() => {
  act(() => root?.unmount())
  host?.remove()
  vi.unstubAllGlobals()
})

async function mount(language: string) {
  stubChrome({ settings: { language } })
  host = document.createElement("div")
  document.body.append(host)
  root = createRoot(host)
  act(() => root!.render(<PrivacyPage />))
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
