import type { DialerStatus } from "@dialer/shared"

import { type ControlAction, useDialerControl } from "./requests"

const LIVE: DialerStatus[] = ["dialing", "ringing", "in_call", "wrap_up"]

/** Which buttons make sense in a status. */
export function enabledActions(status: DialerStatus, pending: number): Set<ControlAction> {
  if (status === "paused") return new Set(["resume", "skip", "stop"])
  if (LIVE.includes(status)) return new Set(["pause", "skip", "stop"])
  return new Set(pending > 0 ? ["start"] : [])
}

const BUTTONS: { action: ControlAction; label: string; kind: string }[] = [
  { action: "start", label: "Start", kind: "primary" },
  { action: "pause", label: "Pause", kind: "" },
  { action: "resume", label: "Resume", kind: "primary" },
  { action: "skip", label: "Skip", kind: "" },
  { action: "stop", label: "Stop", kind: "danger" },
]

export function Controls({ status, pending }: { status: DialerStatus; pending: number }) {
  const control = useDialerControl()
  const enabled = enabledActions(status, pending)
  const paused = status === "paused"
  const running = paused || LIVE.includes(status)
  // Idle: Start alone. During a run: Pause (or Resume), Skip, Stop.
  const shown = BUTTONS.filter((b) =>
    running ? b.action !== "start" && b.action !== (paused ? "pause" : "resume") : b.action === "start",
  )
  return (
    <div className="controls">
      {shown.map((b) => (
        <button
          key={b.action}
          className={b.kind}
          data-testid={`control-${b.action}`}
          disabled={!enabled.has(b.action) || control.isPending}
          onClick={() => control.mutate(b.action)}>
          {b.label}
        </button>
      ))}
      {control.error && <p className="inline-error">{control.error.message}</p>}
    </div>
  )
}
