import { describe, expect, it } from "vitest"

import { clock, prettyPhone, secondsSince, statusLabel, talkTime, toneOf } from "./format"

describe("format", () => {
  it("formats clocks and talk time", () => {
    expect(clock(0)).toBe("0:00")
    expect(clock(75)).toBe("1:15")
    expect(clock(3725)).toBe("1:02:05")
    expect(talkTime(42)).toBe("42s")
    expect(talkTime(95)).toBe("1m 35s")
    expect(talkTime(3725)).toBe("1h 2m")
  })

  it("writes statuses and talk time in French", () => {
    expect(talkTime(42, "fr")).toBe("42 s")
    expect(talkTime(95, "fr")).toBe("1 min 35 s")
    expect(talkTime(3725, "fr")).toBe("1 h 2 min")
    expect(statusLabel("in_call", "fr")).toBe("Appel en cours")
    expect(statusLabel("paused", "fr")).toBe("En pause")
    expect(statusLabel("in_call", "en")).toBe("In call")
  })

  it("groups phone numbers", () => {
    expect(prettyPhone("+15551234567")).toBe("+1 555 123 4567")
    expect(prettyPhone("+33612345678")).toBe("+33612345678")
    expect(prettyPhone("bad")).toBe("bad")
  })

  it("derives tones and elapsed time", () => {
    expect(toneOf("ringing")).toBe("live")
    expect(toneOf("paused")).toBe("waiting")
    expect(toneOf("idle", true)).toBe("waiting")
    expect(toneOf("completed")).toBe("idle")
    expect(secondsSince("2030-01-01T00:00:00.000Z", Date.parse("2030-01-01T00:01:00.000Z"))).toBe(60)
    expect(secondsSince(undefined, 0)).toBeNull()
  })
})
