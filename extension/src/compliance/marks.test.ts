import { describe, expect, it } from "vitest"

import { ComplianceMarks, markLabel, MARK_TTL_MS } from "./marks"
import { skipLabel } from "./SkippedReason"

const NIGHT = { phone: "+12125550143", ok: false, reasonCode: "outside_calling_hours" as const, reason: "Outside calling hours: it is Thu 22:00 in America/New_York (calling hours 08:00–21:00, every day). Dial after 08:00 their time (Fri).", retryAt: "2026-12-04T13:00:00.000Z" }

describe("compliance marks of queued numbers", () => {
  it("asks the worker only about numbers without a fresh mark, in batches of 1,000", async () => {
    const asked: string[][] = []
    let now = Date.parse("2026-12-04T03:00:00Z")
    const marks = new ComplianceMarks(async (phones) => (asked.push(phones), phones.map((phone) => (phone === NIGHT.phone ? NIGHT : { phone, ok: true }))), () => now)
    const many = Array.from({ length: 1500 }, (_, i) => `+1212555${String(i).padStart(4, "0")}`)
    expect(await marks.refresh(many)).toHaveLength(1500)
    expect(asked.map((a) => a.length)).toEqual([1000, 500])
    expect((await marks.refresh([NIGHT.phone, NIGHT.phone])).map((m) => m.ok)).toEqual([false])
    expect(asked).toHaveLength(2) // fresh: not asked again
    now += MARK_TTL_MS + 1
    await marks.refresh([NIGHT.phone])
    expect(asked.at(-1)).toEqual([NIGHT.phone])
  })

  it("asks again once the calling window has opened", async () => {
    let now = Date.parse("2026-12-04T12:59:00Z")
    let calls = 0
    const marks = new ComplianceMarks(async (phones) => (calls++, phones.map(() => ({ ...NIGHT, retryAt: "2026-12-04T13:00:00.000Z" }))), () => now)
    await marks.refresh([NIGHT.phone])
    now = Date.parse("2026-12-04T13:00:30Z")
    await marks.refresh([NIGHT.phone])
    expect(calls).toBe(2)
  })

  it("says why in the popup's words", () => {
    expect(markLabel(NIGHT)).toBe("outside calling hours — dial after 08:00 their time")
    expect(markLabel({ phone: "+1", ok: false, reasonCode: "do_not_call", reason: "…" })).toBe("on the do-not-call list")
    expect(markLabel({ phone: "+1", ok: false, reasonCode: "outside_calling_hours", reason: "Not dialed: +15550000001 is not a valid phone number…" })).toBe("not dialed: its time zone is unknown")
    expect(markLabel({ phone: "+1", ok: true })).toBe("")
  })
})

describe("compliance words in French", () => {
  it("marks and skip reasons by code or known text", () => {
    expect(markLabel({ phone: "+1", ok: false, reasonCode: "do_not_call", reason: "…" }, "fr")).toBe("sur la liste d'opposition")
    expect(markLabel({ phone: "+1", ok: false, reasonCode: "outside_calling_hours", reason: "… Dial after 08:00 their time (Fri).", retryAt: "2030-01-01T08:00:00.000Z" }, "fr")).toBe(
      "hors des heures d'appel — appeler après 08:00, heure du contact",
    )
    expect(skipLabel("+14155550132 is on the company's do-not-call list (added 2026-12-03).", "fr")).toBe("Sur la liste d'opposition")
    expect(skipLabel("Skipped by the agent", "fr")).toBe("Skipped by the agent")
  })
})
