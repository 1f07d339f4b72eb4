/** "+ Queue" and "Add all" in French once the agent chose it; relabelled when the language changes. */
import { afterEach, describe, expect, it, vi } from "vitest"

import { createAddAllButton } from "./add-all"
import { createQueueButton, followLocale, setQueued } from "./controls"

type Listener = (changes: Record<string, { newValue?: unknown }>, area: string) => void

function stubLanguage(language: string) {
  const listeners: Listener[] = []
  vi.stubGlobal("chrome", {
    storage: {
      local: { get: async () => ({ settings: { language } }) },
      onChanged: { addListener: (l: Listener) => listeners.push(l), removeListener: () => undefined },
    },
  })
  return (next: string) => listeners.forEach((l) => l({ settings: { newValue: { language: next } } }, "local"))
}

afterEach(() => {
  vi.unstubAllGlobals()
  document.body.replaceChildren()
})

describe("page controls in French", () => {
  it("label + Queue, ✓ Queued and Add all in French, and follow a switch back to English", async () => {
    const switchTo = stubLanguage("fr")
    const button = createQueueButton(document, "+33612345678", { country: "FR" })
    document.body.append(button)
    followLocale(document)
    await new Promise((r) => setTimeout(r, 0))
    expect(button.textContent).toBe("+ File")
    expect(button.getAttribute("aria-label")).toMatch(/^Ajouter \+33 .+ \(France\) à la file d'appels\.$/)
    setQueued(button, true)
    expect(button.textContent).toBe("✓ En file")
    expect(button.title).toMatch(/est déjà dans la file d'appels\.$/)

    const addAll = createAddAllButton(document, () => undefined, () => 3)
    addAll.update(3)
    expect(addAll.element.textContent).toBe("Ajouter les 3 numéros de cette page")
    expect(addAll.element.getAttribute("aria-label")).toBe("Ajouter les 3 numéros de cette page à la file d'appels")

    switchTo("en")
    expect(button.textContent).toBe("✓ Queued")
    addAll.remove()
  })
})
