import type { Outcome } from "@dialer/shared"
import { useLiveQuery } from "dexie-react-hooks"
import { useState } from "react"

import { ExportHistoryButton } from "../csv/ExportHistoryButton"
import { db } from "../db/db"
import { recentHistory } from "../db/history"
import { talkTime } from "../ui/format"
import { displayPhone } from "../ui/phone"
import { filterHistory, summarize, type HistoryFilter } from "./filter"
import { WrapUpCell } from "../wrapup/HistoryWrapUp"
import { SkippedReason } from "../compliance/SkippedReason"

const OUTCOMES: { value: Outcome | "all"; label: string }[] = [
  { value: "all", label: "All outcomes" },
  { value: "answered", label: "Answered" },
  { value: "no_answer", label: "No answer" },
  { value: "failed", label: "Failed" },
  { value: "skipped", label: "Skipped" },
]
const LABEL: Record<Outcome, string> = { answered: "Answered", no_answer: "No answer", failed: "Failed", skipped: "Skipped" }
const PAGE = 200

const when = (iso: string) => new Date(iso).toLocaleString(undefined, { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" })

/** Every call the worker reported, mirrored in IndexedDB, newest first. */
export function HistoryPage() {
  const [filter, setFilter] = useState<HistoryFilter>({ outcome: "all", text: "" })
  const [limit, setLimit] = useState(PAGE)
  const rows = useLiveQuery(() => recentHistory(db, limit), [limit], undefined)
  if (rows === undefined) return null
  const shown = filterHistory(rows, filter)
  const totals = summarize(shown)
  return (
    <main className="history" data-testid="history-page">
      <header className="history-header">
        <h1>Call history</h1>
        <ExportHistoryButton />
        <p className="muted" data-testid="history-totals">
          {totals.calls} calls · {totals.answered} answered · {talkTime(totals.talkSeconds)} talk time
        </p>
      </header>
      <div className="history-filters">
        <select aria-label="Outcome" value={filter.outcome} onChange={(e) => setFilter({ ...filter, outcome: e.target.value as HistoryFilter["outcome"] })} data-testid="history-outcome">
          {OUTCOMES.map((o) => (
            <option key={o.value} value={o.value}>{o.label}</option>
          ))}
        </select>
        <input type="search" placeholder="Search name or number" aria-label="Search" value={filter.text} onChange={(e) => setFilter({ ...filter, text: e.target.value })} data-testid="history-search" />
      </div>
      {shown.length === 0 ? (
        <p className="muted" data-testid="history-empty">{rows.length === 0 ? "No calls yet: start a run from the popup." : "No call matches."}</p>
      ) : (
        <table className="history-table">
          <thead>
            <tr><th>When</th><th>Contact</th><th>Number</th><th>Outcome</th><th className="num">Talk</th><th className="num">Duration</th><th>Wrap-up</th></tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr key={r.key} data-testid="history-row">
                <td>{when(r.at)}</td>
                <td>{r.name ?? "Unknown"}</td>
                <td className="phone">{displayPhone(r.phone)}</td>
                <td><span className={`chip outcome-${r.outcome}`} title={r.reason ?? undefined}>{LABEL[r.outcome]}</span><SkippedReason outcome={r.outcome} reason={r.reason} /></td>
                <td className="num">{r.talkSeconds ? talkTime(r.talkSeconds) : "–"}</td>
                <td className="num">{r.durationSeconds !== null ? talkTime(r.durationSeconds) : "–"}</td>
                <td><WrapUpCell row={r} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {rows.length === limit && (
        <button className="history-more" onClick={() => setLimit(limit + PAGE)}>Show older calls</button>
      )}
    </main>
  )
}
