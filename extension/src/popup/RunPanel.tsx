import type { DialerState } from "@dialer/shared"
import { useEffect, useState } from "react"

import type { ConnectionView } from "../lib/messages"
import { clockNow, isFrozen, timeOfDay } from "../lib/user-messages"
import { isRunActive } from "../ui/run-status"
import { clock, secondsSince, statusLabel, toneOf } from "../ui/format"
import { useT } from "../i18n"
import { displayPhone } from "../ui/phone"
import { useNow } from "../ui/use-now"
import { Controls } from "./Controls"
import { callGoesOn, callIsLive, pausedText, stopCallNote } from "./run-words"

const IDLE: DialerState = { status: "idle", remaining: 0, delaySeconds: 0 }

type Props = { state: DialerState | null; pending: number; connection?: ConnectionView; next?: string | null }

/**
 * The current call with a live timer, or the countdown to the next dial, then the controls. While
 * offline the timers stop where they were when the link was lost: beyond that nothing is known.
 */
export function RunPanel({ state, pending, connection, next = null }: Props) {
  const { t, locale } = useT()
  const active = isRunActive(state)
  const frozen = isFrozen(connection)
  const now = clockNow(connection, useNow(active && !frozen))
  // After Stop the worker may still name the last call: it is Aircall's now, not the run's.
  const current = callIsLive(state) ? state?.current : undefined
  // Stopped during a call: the call itself goes on in Aircall; say so instead of a frozen timer.
  const [lastCall, setLastCall] = useState<string | null>(null)
  const liveName = current ? (current.name ?? displayPhone(current.phone)) : null
  useEffect(() => {
    if (liveName) setLastCall(liveName)
    else if (state?.status !== "stopped") setLastCall(null)
  }, [liveName, state?.status])
  const leftInAircall = state?.status === "stopped" && (!!state.current || lastCall !== null)
  const since = current ? secondsSince(current.answeredAt ?? current.startedAt, now) : null
  const untilNext = state?.nextDialAt && !current ? -(secondsSince(state.nextDialAt, now) ?? 0) : null

  return (
    <section className="card run" data-testid="run-panel">
      {current && state ? (
        <div className={`current tone-${frozen ? "idle" : toneOf(state.status)}`} data-testid="current-call">
          <div className="current-main">
            <strong className="current-name">{current.name ?? t("run.unknownContact")}</strong>
            <span className="current-phone">{displayPhone(current.phone)}</span>
          </div>
          <div className="current-side">
            <span className="status-label">{statusLabel(state.status, locale)}</span>
            <span className="timer" data-testid="call-timer" data-frozen={frozen}>
              {since === null ? "–" : clock(since)}
            </span>
            {frozen && connection && <span className="frozen-note">{t("popup.asOf", { time: timeOfDay(connection.since, locale) })}</span>}
          </div>
        </div>
      ) : untilNext !== null && active ? (
        <div className="countdown tone-waiting" data-testid="countdown">
          {t("popup.nextCallIn")} <strong>{t("popup.seconds", { count: Math.max(0, Math.ceil(untilNext)) })}</strong>
          {next && (
            <span className="next-contact" data-testid="next-contact">
              {" "}
              · {next}
            </span>
          )}
        </div>
      ) : leftInAircall ? (
        <p className="stopped-note" data-testid="stopped-note">
          {t("popup.runStopped")} {callGoesOn(lastCall, locale)} {stopCallNote(locale)}
        </p>
      ) : (
        <p className="muted run-idle">
          {state?.status === "paused"
            ? pausedText(state.pausedReason, locale)
            : pending > 0
              ? t("popup.ready", { count: pending })
              : t("popup.emptyRun")}
        </p>
      )}
      {current?.waitingForSlot && state?.status === "dialing" && !frozen && (
        <p className="slot-note muted" data-testid="waiting-for-slot">
          {t("run.waitingForSlot")}
        </p>
      )}
      {state?.status === "paused" && current && state.pausedReason && (
        <p className="paused-reason">{pausedText(state.pausedReason, locale)}</p>
      )}
      {current && next && !frozen && (
        <p className="next-line muted" data-testid="next-contact">
          {t("popup.next", { who: next })}
        </p>
      )}
      <Controls state={state ?? IDLE} pending={pending} offline={frozen} />
    </section>
  )
}
