import { afterEach, describe, expect, it, vi } from "vitest"

import { followPageLang } from "./page-lang"

type Listener = (changes: Record<string, { newValue?: unknown }>, area: string) => void

afterEach(() => vi.unstubAllGlobals())

describe("<html lang>", () => {
  it("says the agent's language once read, and follows a switch", async () => {
    const listeners: Listener[] = []
    vi.stubGlobal("chrome", {
      storage: {
        local: { get: async () => ({ settings: { language: "fr" } }) },
        onChanged: { addListener: (l: Listener) => listeners.push(l), removeListener: () => undefined },
      },
    })
    const doc = document.implementation.createHTMLDocument("page")
    followPageLang(doc)
    await new Promise((r) => setTimeout(r, 0))
    expect(doc.documentElement.lang).toBe("fr")
    listeners.forEach((l) => l({ settings: { newValue: { language: "en" } } }, "local"))
    expect(doc.documentElement.lang).toBe("en")
  })
})
