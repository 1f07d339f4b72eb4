/**
 * The history page's wrap-up column: the disposition, note and callback of each call, and, for the
 * last 24 hours, "Wrap up" or "Correct", which opens the form for that call.
 */
import type { HistoryEntry } from "@dialer/shared"
import { useEffect, useState } from "react"

import type { Locale } from "@dialer/shared/i18n"

import { useT } from "../i18n"
import { sendRequest } from "../lib/runtime"
import { CORRECTION_WINDOW_MS, type WrapUpChoice, type WrapUpPrompt } from "./types"
import { choiceLabel } from "./choice-label"
import { WrapUpForm } from "./WrapUpForm"
import "./wrapup.css"

let choicesOnce: Promise<WrapUpChoice[]> | null = null
function useChoices(): WrapUpChoice[] {
  const [choices, setChoices] = useState<WrapUpChoice[]>([])
  useEffect(() => {
    choicesOnce ??= sendRequest({ type: "wrapup.choices" }).then((r) => r?.choices ?? [])
    void choicesOnce.then(setChoices).catch(() => (choicesOnce = null))
  }, [])
  return choices
}

const shortTime = (iso: string, locale: Locale) => new Date(iso).toLocaleString(locale, { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" })

export function WrapUpCell({ row }: { row: HistoryEntry & { key: string } }) {
  const { t, locale } = useT()
  const choices = useChoices()
  const [prompt, setPrompt] = useState<WrapUpPrompt | null>(null)
  const [error, setError] = useState<string | null>(null)
  const choice = choices.find((c) => c.id === row.disposition)
  const open = row.outcome !== "skipped" && !!row.callId && Date.now() - Date.parse(row.at) <= CORRECTION_WINDOW_MS
  const edit = async () => {
    const r = await sendRequest({ type: "wrapup.forEntry", key: row.key })
    setPrompt(r?.prompt ?? null)
    setError(r?.prompt ? null : t("wrapup.history.tooLate"))
  }
  return (
    <div className="wrapup-cell" data-testid="history-wrapup">
      {row.disposition ? (
        <span className={`chip kind-${choice?.kind ?? "unknown"}`} data-testid="history-disposition">{choice ? choiceLabel(choice, locale) : row.disposition}</span>
      ) : row.outcome === "answered" ? (
        <span className="muted" title={t("wrapup.history.notRecordedTitle")} data-testid="history-not-recorded">{t("wrapup.history.notRecorded")}</span>
      ) : null}
      {row.callbackAt && <span className="muted"> · {t("wrapup.history.callBack", { when: shortTime(row.callbackAt, locale) })}</span>}
      {row.note && (
        <div className="wrapup-note-text" title={row.note} data-testid="history-note">{row.note}</div>
      )}
      {open && !prompt && (
        <button className="link" onClick={() => void edit()} data-testid="history-wrapup-edit">
          {row.disposition ? t("wrapup.history.correct") : t("wrapup.history.wrapUp")}
        </button>
      )}
      {error && <span className="wrapup-error">{error}</span>}
      {prompt && (
        <div className="wrapup-modal" role="dialog" aria-label={t("wrapup.title")} data-testid="history-wrapup-modal">
          <WrapUpForm
            prompt={prompt}
            autoFocus
            testId="history-wrapup-form"
            onSubmit={async (body) => {
              const r = await sendRequest({ type: "dialer.wrapUp", ...body })
              if (r.ok) setPrompt(null)
              return r.ok ? { ok: true } : { ok: false, error: r.error }
            }}
            onLater={() => setPrompt(null)}
          />
        </div>
      )}
    </div>
  )
}
