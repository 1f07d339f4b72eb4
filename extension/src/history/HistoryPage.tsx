import type { Outcome } from "@dialer/shared"
import { formatDateTime } from "@dialer/shared/i18n"
import { useLiveQuery } from "dexie-react-hooks"
import { useState } from "react"

import { ExportHistoryButton } from "../csv/ExportHistoryButton"
import { db } from "../db/db"
import { recentHistory } from "../db/history"
import { useT } from "../i18n"
import { talkTime } from "../ui/format"
import { displayPhone } from "../ui/phone"
import { filterHistory, summarize, type HistoryFilter } from "./filter"
import { WrapUpCell } from "../wrapup/HistoryWrapUp"
import { SkippedReason } from "../compliance/SkippedReason"

const OUTCOMES: (Outcome | "all")[] = ["all", "answered", "no_answer", "failed", "skipped"]
const PAGE = 200

/** Every call the worker reported, mirrored in IndexedDB, newest first. */
export function HistoryPage() {
  const { t, locale } = useT()
  const [filter, setFilter] = useState<HistoryFilter>({ outcome: "all", text: "" })
  const [limit, setLimit] = useState(PAGE)
  const rows = useLiveQuery(() => recentHistory(db, limit), [limit], undefined)
  if (rows === undefined) return null
  const shown = filterHistory(rows, filter)
  const totals = summarize(shown)
  const label = (o: Outcome | "all") => (o === "all" ? t("history.filter.all") : t(`history.outcome.${o}`))
  return (
    <main className="history" data-testid="history-page">
      <header className="history-header">
        <h1>{t("history.title")}</h1>
        <ExportHistoryButton />
        <p className="muted" data-testid="history-totals">
          {[
            t("history.totals.calls", { count: totals.calls }),
            t("history.totals.answered", { count: totals.answered }),
            t("history.totals.talk", { time: talkTime(totals.talkSeconds, locale) }),
          ].join(" · ")}
        </p>
      </header>
      <div className="history-filters">
        <select aria-label={t("history.filter.outcome")} value={filter.outcome} onChange={(e) => setFilter({ ...filter, outcome: e.target.value as HistoryFilter["outcome"] })} data-testid="history-outcome">
          {OUTCOMES.map((o) => (
            <option key={o} value={o}>{label(o)}</option>
          ))}
        </select>
        <input type="search" placeholder={t("history.filter.searchPlaceholder")} aria-label={t("history.filter.search")} value={filter.text} onChange={(e) => setFilter({ ...filter, text: e.target.value })} data-testid="history-search" />
      </div>
      {shown.length === 0 ? (
        <p className="muted" data-testid="history-empty">{rows.length === 0 ? t("history.empty") : t("history.noMatch")}</p>
      ) : (
        <table className="history-table">
          <thead>
            <tr>
              <th>{t("history.col.when")}</th>
              <th>{t("history.col.contact")}</th>
              <th>{t("history.col.number")}</th>
              <th>{t("history.col.outcome")}</th>
              <th className="num">{t("history.col.talk")}</th>
              <th className="num">{t("history.col.duration")}</th>
              <th>{t("history.col.wrapUp")}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr key={r.key} data-testid="history-row">
                <td>{formatDateTime(locale, r.at)}</td>
                <td>{r.name ?? t("history.unknown")}</td>
                <td className="phone">{displayPhone(r.phone)}</td>
                <td><span className={`chip outcome-${r.outcome}`} title={r.reason ?? undefined}>{label(r.outcome)}</span><SkippedReason outcome={r.outcome} reason={r.reason} /></td>
                <td className="num">{r.talkSeconds ? talkTime(r.talkSeconds, locale) : "–"}</td>
                <td className="num">{r.durationSeconds !== null ? talkTime(r.durationSeconds, locale) : "–"}</td>
                <td><WrapUpCell row={r} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {rows.length === limit && (
        <button className="history-more" onClick={() => setLimit(limit + PAGE)}>{t("history.more")}</button>
      )}
    </main>
  )
}
