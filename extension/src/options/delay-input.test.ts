import { MAX_DELAY_SECONDS } from "@dialer/shared"
import { describe, expect, it } from "vitest"

import { parseDelay } from "./delay-input"

describe("the delay field", () => {
  it("takes whole seconds from 0 to the maximum", () => {
    expect(parseDelay("0")).toEqual({ seconds: 0 })
    expect(parseDelay(" 12 ")).toEqual({ seconds: 12 })
    expect(parseDelay(String(MAX_DELAY_SECONDS))).toEqual({ seconds: MAX_DELAY_SECONDS })
  })
  it("refuses, with a reason, what it would otherwise change quietly", () => {
    for (const bad of ["", "-3", "2.5", "abc", "1e3"]) expect(parseDelay(bad)).toHaveProperty("error")
    expect(parseDelay("100000")).toEqual({ error: `At most ${MAX_DELAY_SECONDS} seconds.` })
  })
})
