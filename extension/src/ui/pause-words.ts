/**
 * Why a run is paused, in the agent's language. Light on purpose (no libphonenumber, no zod): the
 * in-page bar bundles it as well as the popup.
 */
import type { Locale } from "@dialer/shared/i18n"

import { translatorFor, type MessageKey } from "../i18n/catalogue"
import { activeLocale } from "../i18n/locale"

/**
 * The worker's pause reasons we know, by their English text (the snapshot carries no code for
 * them): shown in the agent's language. Others are the worker's own words, shown as they are.
 */
const KNOWN_PAUSES: Record<string, MessageKey> = {
  "Paused by you": "run.pausedByYou",
  "You are unavailable in Aircall. The run goes on when you are available again.": "run.pause.unavailable",
  "Aircall Workspace is closed (logged out). Open Aircall Workspace and the run goes on by itself.": "run.pause.disconnected",
}

/** A worker pause reason in the agent's language when it is one we know. */
export function pauseReasonText(reason: string, locale: Locale = activeLocale()): string {
  const key = KNOWN_PAUSES[reason.trim()]
  return key ? translatorFor(locale)(key) : reason
}

/** "Paused by you", never "Paused: Paused by you"; "Paused: <why>" otherwise. */
export function pausedText(reason: string | undefined, locale: Locale = activeLocale()): string {
  const t = translatorFor(locale)
  if (!reason) return t("run.paused")
  if (/^paused\b/i.test(reason.trim())) return pauseReasonText(reason, locale)
  return t("run.pausedBecause", { reason: pauseReasonText(reason, locale) })
}

