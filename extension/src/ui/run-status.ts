import type { DialerState, DialerStatus } from "@dialer/shared"
import type { Locale } from "@dialer/shared/i18n"

import { contentTranslatorFor } from "../i18n/content-catalogue"
import { activeLocale } from "../i18n/locale"

/** Statuses during which a run is going (the bar shows, queue edits are sent to the worker). */
export const RUN_ACTIVE: ReadonlySet<DialerStatus> = new Set(["dialing", "ringing", "in_call", "wrap_up", "paused"])

export function isRunActive(state: DialerState | null | undefined): boolean {
  return !!state && RUN_ACTIVE.has(state.status)
}

/** Waiting for the next dial: the run goes on, no call is up and a dial time is set. */
export function isCountingDown(state: DialerState | null | undefined): boolean {
  return isRunActive(state) && !!state?.nextDialAt && !state.current
}

/**
 * Skip passes over the next pending number. Aircall's API cannot hang up a call, so while one is
 * up the worker refuses a skip: the run moves on by itself when the agent hangs up in Aircall.
 */
export function canSkip(state: DialerState | null | undefined): boolean {
  return !!state && (state.status === "wrap_up" || state.status === "paused") && !state.current && state.remaining > 0
}

/** Why Skip is unavailable during a call (its tooltip), in the agent's language. */
export function skipDuringCall(locale: Locale = activeLocale()): string {
  return contentTranslatorFor(locale)("run.skipDuringCall")
}
