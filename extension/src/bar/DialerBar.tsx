import { useState } from "react"

import type { DialerCommand, DialerView } from "../lib/messages"
import { sendRequest } from "../lib/runtime"
import { clock, prettyPhone, secondsSince, STATUS_LABEL, toneOf } from "../ui/format"
import { canSkip, isCountingDown, isRunActive, SKIP_DURING_CALL } from "../ui/run-status"
import { useNow } from "../ui/use-now"
import { useBarView } from "./use-bar-view"

/** The in-page dialer bar: shown only while a run is going. */
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

  const run = async (command: DialerCommand) => {
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
        <button className="primary" onClick={() => void run(paused ? "resume" : "pause")} data-testid="bar-toggle">
          {paused ? "Resume" : "Pause"}
        </button>
        <button
          onClick={() => void run("skip")}
          disabled={!canSkip(state)}
          title={current ? SKIP_DURING_CALL : "Skip the next number"}
          data-testid="bar-skip">
          Skip
        </button>
        <button className="danger" onClick={() => void run("stop")} data-testid="bar-stop">Stop</button>
      </span>
      {error && <span className="bar-error" role="alert">{error}</span>}
    </div>
  )
}
