/**
 * Queued numbers the worker will not dial now, with why: "on the do-not-call list", "outside calling
 * hours — dial after 08:00 their time". Asked when the popup opens and whenever the queue changes.
 */
import { useQuery } from "@tanstack/react-query"

import { useT } from "../i18n"
import { sendRequest } from "../lib/runtime"
import { useQueue } from "../popup/use-live"
import { markLabel } from "./marks"
import "./compliance.css"

export function PopupComplianceMarks() {
  const { t, locale } = useT()
  const queue = useQueue()
  const pending = queue.rows.filter((r) => r.status === "pending")
  const key = pending.map((r) => r.phone).join(",")
  const marks = useQuery({
    queryKey: ["compliance.marks", key],
    enabled: pending.length > 0,
    refetchInterval: 60_000,
    queryFn: async () => {
      const r = await sendRequest({ type: "compliance.marks" })
      if (!r.ok) throw new Error(r.error)
      return r.marks
    },
  })
  const byPhone = new Map((marks.data ?? []).map((m) => [m.phone, m]))
  const rows = pending.filter((r) => byPhone.has(r.phone))
  if (!rows.length) return null
  return (
    <section className="card compliance-marks" data-testid="compliance-marks" aria-label={t("compliance.region")}>
      <h2>{t("compliance.title", { count: rows.length })}</h2>
      <ul>
        {rows.slice(0, 20).map((r) => {
          const mark = byPhone.get(r.phone)!
          return (
            <li key={r.id} title={mark.reason} data-testid="compliance-mark">
              <span className="compliance-who">{r.name ?? r.phone}</span>
              <span className={`compliance-why compliance-${mark.reasonCode ?? "other"}`}>{markLabel(mark, locale)}</span>
            </li>
          )
        })}
      </ul>
      {rows.length > 20 && <p className="compliance-more">{t("compliance.more", { count: rows.length - 20 })}</p>}
      <p className="compliance-more">{t("compliance.explain")}</p>
    </section>
  )
}
