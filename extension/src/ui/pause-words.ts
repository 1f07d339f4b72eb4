/**
 * Why a run is paused, in the agent's language. Light on purpose (no libphonenumber, no zod): the
 * in-page bar bundles it as well as the popup.
 */
import type { Locale } from "@dialer/shared/i18n"

import { contentTranslatorFor, type ContentKey } from "../i18n/content-catalogue"
import { activeLocale } from "../i18n/locale"

/**
 * The worker's pause reasons we know, by their English text (the snapshot carries no code for
 * them): shown in the agent's language. Others are the worker's own words, shown as they are.
 */
const KNOWN_PAUSES: Record<string, ContentKey> = {
  "Paused by you": "run.pausedByYou",
  "You are unavailable in Aircall. The run goes on when you are available again.": "run.pause.unavailable",
  "Aircall Workspace is closed (logged out). Open Aircall Workspace and the run goes on by itself.": "run.pause.disconnected",
}

/**
 * The worker's pause reasons that carry details (Aircall's own words, a number), by their English
 * shape (worker/src/dialer/dialer-machine.ts): the sentence translated, the details kept.
 */
const PAUSE_SHAPES: { shape: RegExp; key: ContentKey; names: string[] }[] = [
  {
    shape: /^Aircall refused (\d+) numbers in a row \((.*)\)\. Check the agent's Aircall number and user, then resume\.$/s,
    key: "run.pause.rejected",
    names: ["count", "why"],
  },
  { shape: /^The dialer lost track of the call in Aircall \((.*)\)\. Check it in Aircall, then resume\.$/s, key: "run.pause.lostTrack", names: ["why"] },
  {
    shape: /^Aircall could not confirm whether the call to (\S+) was placed \((.*)\)\. Check Aircall, then resume\.$/s,
    key: "run.pause.unconfirmed",
    names: ["phone", "why"],
  },
  { shape: /^Aircall keeps failing: (.*)$/s, key: "run.pause.failing", names: ["why"] },
]

/** A worker pause reason in the agent's language when it is one we know. */
export function pauseReasonText(reason: string, locale: Locale = activeLocale()): string {
  const t = contentTranslatorFor(locale)
  const text = reason.trim()
  const key = KNOWN_PAUSES[text]
  if (key) return t(key)
  for (const { shape, key: shaped, names } of PAUSE_SHAPES) {
    const m = shape.exec(text)
    if (m) return t(shaped, Object.fromEntries(names.map((name, i) => [name, m[i + 1] ?? ""])))
  }
  return reason
}

/** "Paused by you", never "Paused: Paused by you"; "Paused: <why>" otherwise. */
export function pausedText(reason: string | undefined, locale: Locale = activeLocale()): string {
  const t = contentTranslatorFor(locale)
  if (!reason) return t("run.paused")
  if (/^paused\b/i.test(reason.trim())) return pauseReasonText(reason, locale)
  return t("run.pausedBecause", { reason: pauseReasonText(reason, locale) })
}

