import { DEFAULT_DISPOSITIONS } from "@dialer/shared"
import { describe, expect, it } from "vitest"

import { choiceLabel } from "./choice-label"

describe("disposition names", () => {
  it("translates the built-in ones with the shared wording, keeps the company's own words", () => {
    expect(DEFAULT_DISPOSITIONS.map((d) => choiceLabel(d, "fr"))).toEqual(["Personne jointe", "Message laissé", "Sans réponse", "Numéro invalide", "Ne plus appeler", "À rappeler"])
    expect(DEFAULT_DISPOSITIONS.map((d) => choiceLabel(d, "en"))).toEqual(DEFAULT_DISPOSITIONS.map((d) => d.label))
    expect(choiceLabel({ id: "connected", label: "Spoke to them" }, "fr")).toBe("Spoke to them")
    expect(choiceLabel({ id: "demo", label: "Demo booked" }, "fr")).toBe("Demo booked")
    expect(choiceLabel({ id: "hasOwnProperty", label: "x" }, "fr")).toBe("x")
  })
})
