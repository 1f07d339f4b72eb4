import type { DialerState } from "@dialer/shared"

import { holdOf } from "../db/queue"
import type { QueueRow } from "../db/types"
import { isCountingDown, isRunActive } from "../ui/run-status"
import { prettyPhone, STATUS_LABEL } from "../ui/format"

/**
 * The words the popup uses for the run: each state labelled by what it is, the next contact
 * named, and one sentence per state change for screen readers (the aria-live region).
 */

/** The pill: "Next call" during a plain countdown (not "Wrapping up"), else the status. */
export function statusWord(state: DialerState | null | undefined): string {
  if (!state) return STATUS_LABEL.idle
  if (isCountingDown(state)) return "Next call"
  return STATUS_LABEL[state.status]
}

/** "Paused by you", never "Paused: Paused by you"; "Paused: <why>" otherwise. */
export function pausedText(reason: string | undefined): string {
  if (!reason) return "Paused"
  return /^paused\b/i.test(reason.trim()) ? reason.trim() : `Paused: ${reason}`
}

type Contact = { name?: string | null; phone: string }

/** The same person: the same name (numbers of one contact come from one record). */
function sameContact(a: Contact, b: Contact): boolean {
  return !!a.name && !!b.name && a.name.trim().toLowerCase() === b.name.trim().toLowerCase()
}

/**
 * Who the run dials next: the first pending row that is not held for the agent. When it is the
 * contact of the current call (the same person queued under another number) it says so.
 */
export function nextContact(rows: readonly QueueRow[], current?: Contact | null): string | null {
  const next = rows.find((r) => r.status === "pending" && !holdOf(r) && r.phone !== current?.phone)
  if (!next) return null
  const who = next.name ?? prettyPhone(next.phone)
  return current && sameContact(next, current) ? `${who}, another number` : who
}

/** The live call is only "live" while the run goes on; after Stop it is Aircall's alone. */
export function callIsLive(state: DialerState | null | undefined): boolean {
  return isRunActive(state) && !!state?.current
}

/** What a stopped run leaves behind: a call still up goes on in Aircall. */
export const STOP_CALL_NOTE = "Hang up in Aircall when you are done; no further numbers are dialed."

/** "Your call with Ann Lee goes on in Aircall." — Aircall's API cannot end a call. */
export const callGoesOn = (who: string | null) => `Your call${who ? ` with ${who}` : ""} goes on in Aircall.`

/** One sentence for screen readers when the run's state changes (never the ticking timer). */
export function announcement(state: DialerState | null | undefined, next: string | null, offline: boolean): string {
  if (offline) return "Offline. Your calls in Aircall are not affected; commands wait until the connection is back."
  if (!state) return ""
  const who = state.current ? (state.current.name ?? prettyPhone(state.current.phone)) : null
  if (isCountingDown(state)) return next ? `Call ended. Next call: ${next}.` : "Call ended. Next call soon."
  switch (state.status) {
    case "dialing":
      return `Dialing ${who ?? "the next number"}.`
    case "ringing":
      return `Ringing ${who ?? ""}`.trim() + "."
    case "in_call":
      return `In call with ${who ?? "the contact"}.`
    case "wrap_up":
      return "Wrapping up the call."
    case "paused":
      return `${pausedText(state.pausedReason)}.`
    case "stopped":
      return "Run stopped."
    case "completed":
      return "Run completed: every number has been called."
    default:
      return ""
  }
}
