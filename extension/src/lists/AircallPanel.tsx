import type { CampaignNumber } from "@dialer/shared"
import { useCallback, useEffect, useState } from "react"

import type { ListSummary } from "../db/lists"
import { useT } from "../i18n"
import { sendRequest } from "../lib/runtime"
import { listErrorText } from "./list-errors"

type Props = {
  list: ListSummary
  /** Our run is dialing this list now. */
  dialingHere: boolean
  onCampaign: (numbers: CampaignNumber[] | null) => void
}

const REFRESH_MS = 30_000

/**
 * Aircall's own Power Dialer for one list: send its pending numbers to the agent's Aircall dialer
 * campaign, see which ones Aircall has called, clear the campaign to give the list back to our run.
 */
export function AircallPanel({ list, dialingHere, onCampaign }: Props) {
  const { t } = useT()
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<string | null>(null)
  const [failed, setFailed] = useState<{ phone: string; message: string }[]>([])
  const [confirming, setConfirming] = useState(false)
  /** undefined until Aircall answered; null when the agent has no campaign. */
  const [numbers, setNumbers] = useState<CampaignNumber[] | null | undefined>(undefined)
  const [readError, setReadError] = useState<string | null>(null)

  const refresh = useCallback(async () => {
    const answer = await sendRequest({ type: "campaign.get" })
    if (!answer.ok) return setReadError(listErrorText(t, answer.error))
    setReadError(null)
    setNumbers(answer.numbers)
    onCampaign(answer.numbers)
  }, [onCampaign, t])

  useEffect(() => {
    if (list.mode !== "aircall") {
      onCampaign(null)
      return
    }
    void refresh()
    const timer = setInterval(() => void refresh(), REFRESH_MS)
    return () => clearInterval(timer)
  }, [list.mode, list.id, refresh, onCampaign])

  const send = async () => {
    setBusy(true)
    setMessage(null)
    const answer = await sendRequest({ type: "campaign.send", listId: list.id })
    setBusy(false)
    if (!answer.ok) return setMessage(listErrorText(t, answer.error))
    const r = answer.result
    setFailed(r.failed)
    const counts = { count: r.sent, added: r.added, already: r.alreadyThere, refused: r.failed.length }
    setMessage(t(r.failed.length ? "lists.aircall.sentRefused" : "lists.aircall.sent", counts))
  }
  const clear = async () => {
    if (!confirming) return setConfirming(true)
    setConfirming(false)
    setBusy(true)
    const answer = await sendRequest({ type: "campaign.clear" })
    setBusy(false)
    setMessage(answer.ok ? t("lists.aircall.cleared") : listErrorText(t, answer.error))
    setNumbers(null)
    onCampaign(null)
  }

  const called = numbers?.filter((n) => n.called).length ?? 0
  return (
    <section className={`aircall-panel ${list.mode}`} data-testid="aircall-panel">
      {list.mode === "aircall" ? (
        <>
          <p data-testid="aircall-status">
            <strong>{t("lists.aircall.status")}</strong> {t("lists.aircall.statusMore")}
            {numbers && <> {t("lists.aircall.progress", { called, total: numbers.length })}</>}
            {numbers === null && <> {t("lists.aircall.none")}</>}
          </p>
          <div className="aircall-actions">
            <button className="small" onClick={() => void refresh()} disabled={busy}>
              {t("lists.aircall.refresh")}
            </button>
            <button className={`small ${confirming ? "danger" : ""}`} onClick={() => void clear()} disabled={busy} data-testid="aircall-clear">
              {confirming ? t("lists.aircall.confirmClear") : t("lists.aircall.clear")}
            </button>
          </div>
        </>
      ) : (
        <div className="aircall-actions">
          <button
            className="small"
            onClick={() => void send()}
            disabled={busy || dialingHere || list.pending === 0}
            title={dialingHere ? t("lists.aircall.dialingHere") : t("lists.aircall.sendHint")}
            data-testid="aircall-send">
            {busy ? t("lists.aircall.sending") : t("lists.aircall.send")}
          </button>
        </div>
      )}
      {readError && (
        <p className="aircall-message" role="alert" data-testid="aircall-read-error">
          {t("lists.aircall.readError", { error: readError })}
        </p>
      )}
      {message && (
        <p className="aircall-message" role="status" data-testid="aircall-message">
          {message}
        </p>
      )}
      {failed.length > 0 && (
        <ul className="aircall-failed">
          {failed.slice(0, 50).map((f) => (
            <li key={f.phone}>
              {f.phone}: {f.message}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
