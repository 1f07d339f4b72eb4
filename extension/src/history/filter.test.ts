import { describe, expect, it } from "vitest"

import type { HistoryRow } from "../db/types"
import { filterHistory, summarize } from "./filter"

const row = (itemId: string, name: string | null, phone: string, outcome: HistoryRow["outcome"], talkSeconds: number | null = null): HistoryRow => ({
  key: itemId, itemId, at: "2030-01-01T10:00:00.000Z", name, phone, outcome, talkSeconds, callId: null,
  startedAt: null, answeredAt: null, endedAt: null, durationSeconds: null,
})

const rows = [
  row("a", "Ada Lovelace", "+14155550132", "answered", 95),
  row("b", "Bob Ortiz", "+14155550199", "no_answer"),
  row("c", null, "+442079460958", "skipped"),
]

describe("history filter", () => {
  it("filters by outcome and by name or digits of the number", () => {
    expect(filterHistory(rows, { outcome: "answered", text: "" }).map((r) => r.itemId)).toEqual(["a"])
    expect(filterHistory(rows, { outcome: "all", text: "bob" }).map((r) => r.itemId)).toEqual(["b"])
    expect(filterHistory(rows, { outcome: "all", text: "(415) 555-0132" }).map((r) => r.itemId)).toEqual(["a"])
    expect(filterHistory(rows, { outcome: "all", text: "20 7946" }).map((r) => r.itemId)).toEqual(["c"])
    expect(filterHistory(rows, { outcome: "all", text: "nobody" })).toEqual([])
  })

  it("sums calls placed (not skips), answered and talk time", () => {
    expect(summarize(rows)).toEqual({ calls: 2, answered: 1, talkSeconds: 95 })
  })
})
