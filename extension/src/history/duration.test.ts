import { describe, expect, it } from "vitest"

import { translatorFor } from "../i18n"
import { talkTime } from "../ui/format"
import { duration } from "./duration"

describe("talk time in the agent's language", () => {
  it("reads as before in English", () => {
    for (const s of [0, 42, 95, 3725]) expect(duration(translatorFor("en"), s)).toBe(talkTime(s))
  })
  it("uses French units", () => {
    const fr = translatorFor("fr")
    expect(duration(fr, 42)).toBe("42 s")
    expect(duration(fr, 95)).toBe("1 min 35 s")
    expect(duration(fr, 3725)).toBe("1 h 2 min")
  })
})
