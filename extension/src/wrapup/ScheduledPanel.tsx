/**
 * "Scheduled" in the popup: numbers the worker brings back later (retries and callbacks) with their
 * time; dial one now (it goes to the head of the run's queue) or drop it. The worker owns the
 * schedule; this list is asked again whenever the run says its count or next time changed.
 */
import { useEffect, useState } from "react"

import type { Locale } from "@dialer/shared/i18n"

import { useT } from "../i18n"
import { sendRequest } from "../lib/runtime"
import { useDialerState } from "../popup/use-live"
import { displayPhone } from "../ui/phone"
import type { ScheduledView } from "./types"
import "./wrapup.css"

const when = (iso: string, locale: Locale) => new Date(iso).toLocaleString(locale, { weekday: "short", hour: "2-digit", minute: "2-digit" })

export function ScheduledPanel() {
  const { t, locale } = useT()
  const state = useDialerState()
  const [items, setItems] = useState<ScheduledView[]>([])
  const [error, setError] = useState<string | null>(null)
  const [tick, setTick] = useState(0)
  const mark = `${state?.scheduled ?? ""}|${state?.nextScheduledAt ?? ""}|${state?.status ?? ""}|${tick}`
  useEffect(() => {
    let alive = true
    sendRequest({ type: "wrapup.scheduled" })
      .then((r) => {
        if (!alive) return
        if (r.ok) setItems(r.items)
        setError(r.ok ? null : r.error)
      })
      .catch((e: unknown) => console.warn("scheduled", e))
    return () => {
      alive = false
    }
  }, [mark])
  if (items.length === 0) return null
  const act = async (request: Promise<{ ok: true } | { ok: false; error: string }>) => {
    const r = await request
    setError(r.ok ? null : r.error)
    setTick((t) => t + 1)
  }
  return (
    <section className="card scheduled" data-testid="scheduled">
      <h2>{t("wrapup.scheduled", { count: items.length })}</h2>
      <ul>
        {items.map((s) => (
          <li key={s.itemId} data-testid="scheduled-row">
            <span className="scheduled-who">
              <strong>{s.name ?? displayPhone(s.phone)}</strong>
              {s.name && <span className="muted">{displayPhone(s.phone)}</span>}
            </span>
            <span className="scheduled-when" title={s.dueAt}>
              {s.due ? t("wrapup.dueNow") : when(s.dueAt, locale)} · {s.why === "callback" ? t("wrapup.callback") : t("wrapup.retry", { count: s.attempts + 1 })}
            </span>
            <button className="link" onClick={() => void act(sendRequest({ type: "wrapup.scheduledNow", itemId: s.itemId }))} data-testid="scheduled-now">
              {t("wrapup.dialNow")}
            </button>
            <button className="link danger" onClick={() => void act(sendRequest({ type: "wrapup.scheduledDrop", itemId: s.itemId }))} data-testid="scheduled-drop">
              {t("wrapup.drop")}
            </button>
          </li>
        ))}
      </ul>
      {error && <p className="wrapup-error" role="alert">{error}</p>}
    </section>
  )
}
