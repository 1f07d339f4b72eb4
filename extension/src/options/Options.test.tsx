import "fake-indexeddb/auto"

import { act } from "react"
import { beforeEach, describe, expect, it, vi } from "vitest"

import { db } from "../db/db"
import Options from "./index"
import { settle, stubChrome } from "./test-chrome"
import { mountEach } from "../ui/test-mount"

const { mount: render } = mountEach()

beforeEach(async () => {
  await db.settings.clear()
})
async function mount() {
  const host = render(<Options />)
  await settle(act)
  const q = (id: string) => host.querySelector(`[data-testid="${id}"]`) as HTMLElement
  return { q, h1: () => host.querySelector("h1")!.textContent, text: () => host.textContent ?? "" }
}

async function choose(select: HTMLElement, value: string) {
  await act(async () => {
    ;(select as HTMLSelectElement).value = value
    select.dispatchEvent(new Event("change", { bubbles: true }))
  })
  await settle(act)
}

describe("the options page's language", () => {
  it("choosing Français turns the open page French at once, and English brings it back", async () => {
    const { stored } = stubChrome()
    const page = await mount()
    expect(page.h1()).toBe("Power Dialer settings")
    expect(page.q("delay-note").textContent).toBe("0 to 3600 seconds; saved when you leave the field.")
    const language = page.q("language") as HTMLSelectElement
    expect([...language.options].map((o) => [o.value, o.textContent])).toEqual([
      ["auto", "Browser language"],
      ["en", "English"],
      ["fr", "Français"],
    ])

    await choose(language, "fr")
    expect(stored.settings).toMatchObject({ language: "fr" }) // saved through the settings store's mirror
    expect(page.h1()).toBe("Paramètres de Power Dialer")
    expect(page.text()).toContain("Préférences")
    expect(page.text()).toContain("Connexion")
    expect(page.text()).toContain("Langue du navigateur")
    expect(page.q("delay-note").textContent).toBe("De 0 à 3600 secondes ; enregistré quand vous quittez le champ.")
    expect(page.q("privacy-link").textContent).toBe("Confidentialité et autorisations")
    // countries are named in French, in French order
    const countries = [...(page.q("default-country") as HTMLSelectElement).options].map((o) => o.textContent)
    expect(countries).toContain("Allemagne (DE)")
    expect(countries.indexOf("Allemagne (DE)")).toBeLessThan(countries.indexOf("Belgique (BE)"))

    await choose(page.q("language"), "en")
    expect(page.h1()).toBe("Power Dialer settings")
    expect(page.text()).toContain("Germany (DE)")
  })

  it("follows the browser's language until the agent picks one", async () => {
    vi.stubGlobal("navigator", { ...navigator, languages: ["fr-CA", "en"], language: "fr-CA" })
    stubChrome()
    const page = await mount()
    expect(page.h1()).toBe("Paramètres de Power Dialer")
    expect((page.q("language") as HTMLSelectElement).value).toBe("auto")
  })

  it("refuses a bad delay in the agent's language, and rewords the refusal when the language changes", async () => {
    stubChrome({ settings: { language: "en" } })
    const page = await mount()
    const delay = page.q("delay-seconds") as HTMLInputElement
    await act(async () => {
      const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")!.set!
      setter.call(delay, "-3")
      delay.dispatchEvent(new Event("input", { bubbles: true }))
    })
    await act(async () => void delay.dispatchEvent(new FocusEvent("focusout", { bubbles: true })))
    await settle(act)
    expect(page.q("delay-note").textContent).toBe("Use a whole number of seconds from 0 to 3600.")
    await choose(page.q("language"), "fr")
    expect(page.q("delay-note").textContent).toBe("Indiquez un nombre entier de secondes, de 0 à 3600.")
  })
})
