import type { DialerState } from "@dialer/shared"
import { describe, expect, it } from "vitest"

import { canSkip, isCountingDown } from "./run-status"

const base: DialerState = { status: "wrap_up", remaining: 2, delaySeconds: 5, nextDialAt: "2030-01-01T00:00:05.000Z" }
const current = { itemId: "a", phone: "+14155550132" }

describe("run status helpers", () => {
  it("skip is offered during the countdown or a pause between calls, never during a call", () => {
    expect(canSkip(base)).toBe(true)
    expect(canSkip({ ...base, status: "paused", nextDialAt: undefined })).toBe(true)
    expect(canSkip({ ...base, status: "ringing", current })).toBe(false)
    expect(canSkip({ ...base, status: "paused", current })).toBe(false) // paused mid-call
    expect(canSkip({ ...base, remaining: 0 })).toBe(false)
    expect(canSkip(null)).toBe(false)
  })

  it("counting down means a dial time and no call", () => {
    expect(isCountingDown(base)).toBe(true)
    expect(isCountingDown({ ...base, current })).toBe(false)
  })
})
