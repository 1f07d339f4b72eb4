import { type MouseEvent, useState } from "react"

import type { DialerView } from "../lib/messages"
import { sendRequest } from "../lib/runtime"
import { clock, prettyPhone, secondsSince, STATUS_LABEL, toneOf } from "../ui/format"
import { isCountingDown, isRunActive } from "../ui/run-status"
import { useNow } from "../ui/use-now"
import { useBarView } from "./use-bar-view"

/** What the bar may ask the background for: it can only ever stop dialing (see background/sender.ts). */
export type BarCommand = "pause" | "stop"

export const RESUME_HINT = "Resume from the extension's popup or with Alt+Shift+P"

/** Only a real click by the user: page script cannot reach a closed shadow root, and this makes sure. */
export function fromUser(event: Pick<MouseEvent, "nativeEvent">): boolean {
  return event.nativeEvent.isTrusted === true
}

/**
 * The in-page dialer bar: shown only while a run is going. It shows the run and offers Pause and
 * Stop; resuming and skipping (which lead to dials) stay in the popup and the keyboard shortcuts.
 */
export function DialerBar() {
  const view = useBarView()
  if (!view?.signedIn || !isRunActive(view.state)) return null
  return <BarContent view={view} />
}

function BarContent({ view }: { view: DialerView }) {
  const state = view.state!
  const now = useNow(true)
  const [error, setError] = useState<string | null>(null)
  const countingDown = isCountingDown(state)
  const current = state.current
  const since = current ? secondsSince(current.answeredAt ?? current.startedAt, now) : null
  const untilNext = countingDown ? Math.max(0, Math.ceil(-(secondsSince(state.nextDialAt, now) ?? 0))) : null
  const paused = state.status === "paused"

  const run = (command: BarCommand) => async (event: MouseEvent) => {
    if (!fromUser(event)) return
    const result = await sendRequest({ type: "dialer.command", command })
    setError(result.ok ? null : result.error)
  }

  return (
    <div className={`bar tone-${toneOf(state.status, countingDown)}`} role="region" aria-label="Power dialer" data-testid="dialer-bar">
      <span className="bar-status">
        <span className="dot" />
        {countingDown ? "Next call" : STATUS_LABEL[state.status]}
      </span>
      <span className="bar-call" data-testid="bar-current">
        {current ? (
          <>
            <strong>{view.current?.name ?? current.name ?? "Unknown"}</strong>
            <span className="phone">{prettyPhone(current.phone)}</span>
            <span className="timer">{since === null ? "" : clock(since)}</span>
          </>
        ) : untilNext !== null ? (
          <span className="countdown" data-testid="bar-countdown">in {untilNext} s</span>
        ) : paused && state.pausedReason ? (
          <span className="reason">{state.pausedReason}</span>
        ) : null}
      </span>
      {view.next && (
        <span className="bar-next" data-testid="bar-next">
          Next: {view.next.name ?? prettyPhone(view.next.phone)}
        </span>
      )}
      <span className="bar-actions">
        {paused ? (
          <span className="bar-hint" data-testid="bar-resume-hint">{RESUME_HINT}</span>
        ) : (
          <button className="primary" onClick={(e) => void run("pause")(e)} data-testid="bar-toggle">
            Pause
          </button>
        )}
        <button className="danger" onClick={(e) => void run("stop")(e)} data-testid="bar-stop">Stop</button>
      </span>
      {error && <span className="bar-error" role="alert">{error}</span>}
    </div>
  )
}
