/**
 * What the in-page bar shows, worked out from the background's view (pure, so it is tested
 * without a page): one line of status, the call or countdown, one notice at most (a failed
 * command, then the connection, then why the run is paused), the next contact and whether the
 * buttons can act.
 */
import type { DialerView } from "../lib/messages"
import { clockNow, connectionMessage, explainError, HELD_WHILE_OFFLINE, isFrozen, timeOfDay, type UserMessage } from "../lib/user-messages"
import { clock, prettyPhone, secondsSince, STATUS_LABEL, toneOf, type Tone } from "../ui/format"
import { isCountingDown } from "../ui/run-status"

export type BarModel = {
  tone: Tone | "offline"
  label: string
  call: { name: string; phone: string; timer: string } | null
  countdown: string | null
  notice: UserMessage | null
  next: string | null
  paused: boolean
  /** Why the buttons cannot act now; null when they can. */
  held: string | null
  frozen: boolean
}

export function barModel(view: DialerView, wallNow: number, commandError: string | null = null): BarModel {
  const state = view.state!
  const connection = view.connection
  const frozen = isFrozen(connection)
  const now = clockNow(connection, wallNow)
  const countingDown = isCountingDown(state)
  const current = state.current
  const since = current ? secondsSince(current.answeredAt ?? current.startedAt, now) : null
  const untilNext = countingDown ? Math.max(0, Math.ceil(-(secondsSince(state.nextDialAt, now) ?? 0))) : null
  const paused = state.status === "paused"
  const reason = paused && state.pausedReason ? { id: "paused", what: `Paused: ${state.pausedReason}` } : null
  const notice = (commandError ? explainError(commandError) : null) ?? connectionMessage(connection) ?? reason
  return {
    tone: frozen ? "offline" : toneOf(state.status, countingDown),
    label: frozen ? (connection?.status === "offline" ? "Offline" : "Connecting") : countingDown ? "Next call" : STATUS_LABEL[state.status],
    call: current
      ? {
          name: view.current?.name ?? current.name ?? "Unknown contact",
          phone: prettyPhone(current.phone),
          timer: since === null ? "" : clock(since) + (frozen && connection ? ` (as of ${timeOfDay(connection.since)})` : ""),
        }
      : null,
    countdown: untilNext === null ? null : frozen ? "paused while offline" : `in ${untilNext} s`,
    notice,
    next: view.next ? view.next.name ?? prettyPhone(view.next.phone) : null,
    paused,
    held: frozen ? HELD_WHILE_OFFLINE : null,
    frozen,
  }
}
