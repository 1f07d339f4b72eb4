import { DEFAULT_DISPOSITIONS } from "@dialer/shared"
import { describe, expect, it } from "vitest"

import { translatorFor } from "../i18n"
import { BUILT_IN_LABELS, choiceLabel } from "./choice-label"

describe("disposition names", () => {
  it("knows every built-in disposition with its English label", () => {
    expect(Object.fromEntries(DEFAULT_DISPOSITIONS.map((d) => [d.id, d.label]))).toEqual(BUILT_IN_LABELS)
  })
  it("translates the built-in ones, keeps the company's own words", () => {
    const fr = translatorFor("fr")
    expect(DEFAULT_DISPOSITIONS.map((d) => choiceLabel(d, fr))).toEqual(["Joint", "Message laissé", "Sans réponse", "Mauvais numéro", "Ne plus appeler", "Rappeler"])
    expect(DEFAULT_DISPOSITIONS.map((d) => choiceLabel(d, translatorFor("en")))).toEqual(DEFAULT_DISPOSITIONS.map((d) => d.label))
    expect(choiceLabel({ id: "connected", label: "Spoke to them" }, fr)).toBe("Spoke to them")
    expect(choiceLabel({ id: "demo", label: "Demo booked" }, fr)).toBe("Demo booked")
  })
})
