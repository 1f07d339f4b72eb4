import type { DialerState } from "@dialer/shared"
import type { Locale } from "@dialer/shared/i18n"

import { holdOf } from "../db/queue"
import type { QueueRow } from "../db/types"
import { translatorFor } from "../i18n/catalogue"
import { activeLocale } from "../i18n/locale"
import { isCountingDown, isRunActive } from "../ui/run-status"
import { prettyPhone, statusLabel } from "../ui/format"
import { pausedText } from "../ui/pause-words"

/**
 * The words the popup uses for the run: each state labelled by what it is, the next contact
 * named, and one sentence per state change for screen readers (the aria-live region). Each takes
 * the locale (by default the one in force).
 */

/** The pill: "Next call" during a plain countdown (not "Wrapping up"), else the status. */
export function statusWord(state: DialerState | null | undefined, locale: Locale = activeLocale()): string {
  if (!state) return statusLabel("idle", locale)
  if (isCountingDown(state)) return translatorFor(locale)("run.nextCall")
  return statusLabel(state.status, locale)
}

export { pausedText, pauseReasonText } from "../ui/pause-words"

type Contact = { name?: string | null; phone: string }

/** The same person: the same name (numbers of one contact come from one record). */
function sameContact(a: Contact, b: Contact): boolean {
  return !!a.name && !!b.name && a.name.trim().toLowerCase() === b.name.trim().toLowerCase()
}

/**
 * Who the run dials next: the first pending row that is not held for the agent. When it is the
 * contact of the current call (the same person queued under another number) it says so.
 */
export function nextContact(rows: readonly QueueRow[], current?: Contact | null, locale: Locale = activeLocale()): string | null {
  const next = rows.find((r) => r.status === "pending" && !holdOf(r) && r.phone !== current?.phone)
  if (!next) return null
  const who = next.name ?? prettyPhone(next.phone)
  return current && sameContact(next, current) ? translatorFor(locale)("run.anotherNumber", { who }) : who
}

/** The live call is only "live" while the run goes on; after Stop it is Aircall's alone. */
export function callIsLive(state: DialerState | null | undefined): boolean {
  return isRunActive(state) && !!state?.current
}

/** What a stopped run leaves behind: a call still up goes on in Aircall. */
export function stopCallNote(locale: Locale = activeLocale()): string {
  return translatorFor(locale)("run.stopCallNote")
}

/** "Your call with Ann Lee goes on in Aircall." — Aircall's API cannot end a call. */
export function callGoesOn(who: string | null, locale: Locale = activeLocale()): string {
  const t = translatorFor(locale)
  return who ? t("run.callWithGoesOn", { who }) : t("run.callGoesOn")
}

/** One sentence for screen readers when the run's state changes (never the ticking timer). */
export function announcement(state: DialerState | null | undefined, next: string | null, offline: boolean, locale: Locale = activeLocale()): string {
  const t = translatorFor(locale)
  if (offline) return t("run.say.offline")
  if (!state) return ""
  const who = state.current ? (state.current.name ?? prettyPhone(state.current.phone)) : null
  if (isCountingDown(state)) return next ? t("run.say.nextCall", { who: next }) : t("run.say.nextCallSoon")
  switch (state.status) {
    case "dialing":
      return who ? t("run.say.dialing", { who }) : t("run.say.dialingNext")
    case "ringing":
      return who ? t("run.say.ringing", { who }) : t("run.say.ringingAlone")
    case "in_call":
      return who ? t("run.say.inCall", { who }) : t("run.say.inCallAlone")
    case "wrap_up":
      return t("run.say.wrapUp")
    case "paused":
      return t("run.say.paused", { text: pausedText(state.pausedReason, locale) })
    case "stopped":
      return t("run.say.stopped")
    case "completed":
      return t("run.say.completed")
    default:
      return ""
  }
}
