import { describe, expect, it } from "vitest"

import { catalogues, translatorFor } from "./catalogue"

describe("extension catalogue", () => {
  it("has every English key in French, and no extra ones", () => {
    expect(Object.keys(catalogues.fr).sort()).toEqual(Object.keys(catalogues.en).sort())
  })
  it("has no empty message in either language", () => {
    for (const cat of [catalogues.en, catalogues.fr])
      for (const [key, msg] of Object.entries(cat)) expect(JSON.stringify(msg), key).not.toMatch(/^""$|:""/)
  })
  it("keeps the same {placeholders} in French as in English", () => {
    const holes = (m: unknown) => [...new Set(JSON.stringify(m).match(/\{\w+\}/g) ?? [])].sort()
    for (const key of Object.keys(catalogues.en) as (keyof typeof catalogues.en)[])
      expect(holes(catalogues.fr[key]), key).toEqual(holes(catalogues.en[key]))
  })
  it("translates", () => {
    expect(translatorFor("fr")("common.cancel")).toBe("Annuler")
    expect(translatorFor("en")("common.cancel")).toBe("Cancel")
  })
  it("writes a counted English noun with its plural forms, never '{count} things' alone (1 would read '1 things')", () => {
    const unforked = Object.entries(catalogues.en).filter(([, m]) => typeof m === "string" && /\{count\}\s+(?:[a-z-]+\s+)?[a-z]+s\b/.test(m))
    expect(unforked.map(([key]) => key)).toEqual([])
  })
})
