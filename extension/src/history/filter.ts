import type { Outcome } from "@dialer/shared"

import type { HistoryRow } from "../db/types"

export type HistoryFilter = { outcome: Outcome | "all"; text: string }

/** Rows matching an outcome and a free-text search over name and number (digits compare loosely). */
export function filterHistory(rows: HistoryRow[], filter: HistoryFilter): HistoryRow[] {
  const text = filter.text.trim().toLowerCase()
  const digits = text.replace(/\D/g, "")
  return rows.filter((row) => {
    if (filter.outcome !== "all" && row.outcome !== filter.outcome) return false
    if (!text) return true
    if ((row.name ?? "").toLowerCase().includes(text)) return true
    return digits.length > 0 && row.phone.replace(/\D/g, "").includes(digits)
  })
}

/** Totals of what is shown: calls placed, answered, talk time. */
export function summarize(rows: HistoryRow[]): { calls: number; answered: number; talkSeconds: number } {
  const calls = rows.filter((r) => r.outcome !== "skipped")
  const answered = calls.filter((r) => r.outcome === "answered")
  return { calls: calls.length, answered: answered.length, talkSeconds: answered.reduce((n, r) => n + (r.talkSeconds ?? 0), 0) }
}
