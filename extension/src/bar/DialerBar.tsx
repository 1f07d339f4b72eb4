import { type MouseEvent, useEffect, useState } from "react"

import type { DialerView } from "../lib/messages"
import { sendRequest } from "../lib/runtime"
import { isRunActive } from "../ui/run-status"
import { useNow } from "../ui/use-now"
import { useContentT } from "../i18n/content"
import { barModel } from "./bar-model"
import { useBarView } from "./use-bar-view"

/** What the bar may ask the background for: it can only ever stop dialing (see background/sender.ts). */
export type BarCommand = "pause" | "stop"


/** Only a real click by the user: page script cannot reach a closed shadow root, and this makes sure. */
export function fromUser(event: Pick<MouseEvent, "nativeEvent">): boolean {
  return event.nativeEvent.isTrusted === true
}

/**
 * The in-page dialer bar: shown only while a run is going. It shows the run and offers Pause and
 * Stop; resuming and skipping (which lead to dials) stay in the popup and the keyboard shortcuts.
 * One line at any width: long texts are cut with "…" and read in full with "More".
 */
export function DialerBar() {
  const view = useBarView()
  if (!view?.signedIn || !isRunActive(view.state)) return null
  return <BarContent view={view} />
}

function BarContent({ view }: { view: DialerView }) {
  const { t, locale } = useContentT()
  const [error, setError] = useState<string | null>(null)
  const [open, setOpen] = useState(false)
  const model = barModel(view, useNow(!isFrozenView(view)), error, locale)
  const stopQuestion = t("bar.stopQuestion")
  // A failure is stale as soon as the run moves or the link comes back.
  useEffect(() => setError(null), [view.state?.updatedAt, view.state?.status, view.connection?.status])
  useEffect(() => {
    if (!model.notice) setOpen(false)
  }, [model.notice])

  // Stop during a call asks once more (the call itself goes on in Aircall); the question lapses after 5 s.
  const [confirmStop, setConfirmStop] = useState(false)
  const onCall = !!view.state?.current
  useEffect(() => {
    if (!confirmStop) return
    const timer = setTimeout(() => setConfirmStop(false), 5000)
    return () => clearTimeout(timer)
  }, [confirmStop])
  useEffect(() => {
    if (!onCall) setConfirmStop(false)
  }, [onCall])

  const run = (command: BarCommand) => async (event: MouseEvent) => {
    if (!fromUser(event) || model.held) return
    if (command === "stop" && onCall && !confirmStop) return setConfirmStop(true)
    setConfirmStop(false)
    const result = await sendRequest({ type: "dialer.command", command })
    setError(result.ok ? null : result.error)
  }
  const notice = model.notice
  const noticeText = notice ? [notice.what, notice.todo].filter(Boolean).join(" ") : ""

  return (
    <div className={`bar tone-${model.tone}`} role="region" aria-label={t("bar.region")} data-testid="dialer-bar">
      <span className="bar-status" data-testid="bar-status" role="status">
        <span className="dot" />
        {model.label}
      </span>
      {(model.call || model.countdown) && (
        <span className="bar-call" data-testid="bar-current">
          {model.call ? (
            <>
              <strong className="bar-name">{model.call.name}</strong>
              <span className="phone">{model.call.phone}</span>
              <span className="timer" data-testid="bar-timer" data-frozen={model.frozen}>{model.call.timer}</span>
            </>
          ) : (
            <span className="countdown" data-testid="bar-countdown">{model.countdown}</span>
          )}
        </span>
      )}
      {notice && (
        <span className={`bar-notice notice-${notice.id === "offline" || notice.id === "connecting" ? "offline" : error ? "error" : "info"}`} data-testid="bar-notice">
          <span className="bar-notice-text" title={noticeText} data-testid="bar-notice-text">{noticeText}</span>
          <button className="link" aria-expanded={open} aria-controls="bar-notice-full" onClick={() => setOpen(!open)} data-testid="bar-more">
            {open ? t("bar.less") : t("bar.more")}
          </button>
        </span>
      )}
      {model.next && (
        <span className="bar-next" data-testid="bar-next" title={t("bar.next", { who: model.next })}>
          {t("bar.next", { who: model.next })}
        </span>
      )}
      <span className="bar-actions" data-testid="bar-actions">
        {model.paused ? (
          <span className="bar-hint" data-testid="bar-resume-hint" title={t("bar.resumeHint")}>
            <span className="hint-long">{t("bar.resumeHint")}</span>
            <span className="hint-short">{t("bar.resumeHintShort")}</span>
          </span>
        ) : (
          <button className="primary" onClick={(e) => void run("pause")(e)} disabled={!!model.held} title={model.held ?? t("bar.pauseTitle")} data-testid="bar-toggle">
            {t("bar.pause")}
          </button>
        )}
        <button
          className="danger"
          onClick={(e) => void run("stop")(e)}
          disabled={!!model.held}
          title={model.held ?? (confirmStop ? stopQuestion : t("bar.stopTitle"))}
          aria-describedby={confirmStop ? "bar-stop-question" : undefined}
          data-testid="bar-stop">
          {confirmStop ? t("bar.stopAsk") : t("bar.stop")}
        </button>
      </span>
      {confirmStop && (
        <div className="bar-panel" id="bar-stop-question" role="alert" data-testid="bar-stop-confirm">
          <strong>{stopQuestion}</strong>
          <p>{t("bar.stopExplain")}</p>
        </div>
      )}
      {notice && open && !confirmStop && (
        <div className="bar-panel" id="bar-notice-full" role="note" data-testid="bar-notice-full">
          <strong>{notice.what}</strong>
          {notice.todo && <p>{notice.todo}</p>}
          {notice.detail && <code>{notice.detail}</code>}
        </div>
      )}
    </div>
  )
}

function isFrozenView(view: DialerView): boolean {
  return !!view.connection && view.connection.status !== "online"
}
