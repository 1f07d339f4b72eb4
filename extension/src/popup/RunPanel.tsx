import type { DialerState } from "@dialer/shared"

import type { ConnectionView } from "../lib/messages"
import { clockNow, isFrozen, timeOfDay } from "../lib/user-messages"
import { isRunActive } from "../ui/run-status"
import { clock, secondsSince, STATUS_LABEL, toneOf } from "../ui/format"
import { displayPhone } from "../ui/phone"
import { useNow } from "../ui/use-now"
import { Controls } from "./Controls"

const IDLE: DialerState = { status: "idle", remaining: 0, delaySeconds: 0 }

type Props = { state: DialerState | null; pending: number; connection?: ConnectionView }

/**
 * The current call with a live timer, or the countdown to the next dial, then the controls. While
 * offline the timers stop where they were when the link was lost: beyond that nothing is known.
 */
export function RunPanel({ state, pending, connection }: Props) {
  const active = isRunActive(state)
  const frozen = isFrozen(connection)
  const now = clockNow(connection, useNow(active && !frozen))
  const current = state?.current
  const since = current ? secondsSince(current.answeredAt ?? current.startedAt, now) : null
  const untilNext = state?.nextDialAt && !current ? -(secondsSince(state.nextDialAt, now) ?? 0) : null

  return (
    <section className="card run" data-testid="run-panel">
      {current && state ? (
        <div className={`current tone-${frozen ? "idle" : toneOf(state.status)}`} data-testid="current-call">
          <div className="current-main">
            <strong className="current-name">{current.name ?? "Unknown contact"}</strong>
            <span className="current-phone">{displayPhone(current.phone)}</span>
          </div>
          <div className="current-side">
            <span className="status-label">{STATUS_LABEL[state.status]}</span>
            <span className="timer" data-testid="call-timer" data-frozen={frozen}>
              {since === null ? "–" : clock(since)}
            </span>
            {frozen && connection && <span className="frozen-note">as of {timeOfDay(connection.since)}</span>}
          </div>
        </div>
      ) : untilNext !== null && active ? (
        <div className="countdown tone-waiting" data-testid="countdown">
          Next call in <strong>{Math.max(0, Math.ceil(untilNext))} s</strong>
        </div>
      ) : (
        <p className="muted run-idle">
          {state?.status === "paused"
            ? `Paused${state.pausedReason ? `: ${state.pausedReason}` : ""}`
            : pending > 0
              ? `${pending} number${pending === 1 ? "" : "s"} ready to dial`
              : "Add numbers from a CRM page to build your queue."}
        </p>
      )}
      {state?.status === "paused" && current && state.pausedReason && (
        <p className="paused-reason">Paused: {state.pausedReason}</p>
      )}
      <Controls state={state ?? IDLE} pending={pending} offline={frozen} />
    </section>
  )
}
