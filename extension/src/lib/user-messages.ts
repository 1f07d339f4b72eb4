/**
 * The one catalogue of what agents read when something goes wrong: what happened and what to do,
 * in plain words, with the technical detail kept for a "Details" click. Used by the popup, the
 * options page and the in-page bar (no zod, no heavy imports: content scripts load it).
 * The words are in the i18n catalogue (messages/errors.ts); each function takes the locale, by
 * default the one in force (i18n/locale activeLocale).
 */
import { resolveLocale, type Locale } from "@dialer/shared/i18n"

import { activeLocale } from "../i18n/locale"
import { contentTranslatorFor } from "../i18n/content-catalogue"
import type { ConnectionView } from "./messages"

export type UserMessage = {
  /** Stable id: the same problem is recognised (and shown once) wherever it comes from. */
  id: string
  what: string
  todo?: string
  /** The technical detail (the worker's or the browser's words), shown only on request. */
  detail?: string
}

/**
 * `own`: the extension's own sentence, translated whole (no technical detail to keep); `params`:
 * what the sentence carries over (an address), from the match.
 */
type Rule = { id: RuleId; test: RegExp; own?: boolean; params?: (match: RegExpExecArray) => Record<string, string> }
type RuleId =
  | "offline"
  | "signed-out"
  | "aircall-unavailable"
  | "rate-limited"
  | "bad-answer"
  | "not-found"
  | "server-error"
  | "no-pending"
  | "held"
  | "url-format"
  | "url-https-local"
  | "url-https"
  | "url-managed"
  | "bad-code"

/** First match wins. `detail` is the raw message: ApiError text, a browser error, a worker message. */
const RULES: Rule[] = [
  { id: "offline", test: /cannot reach the worker|failed to fetch|networkerror|network error|err_connection|load failed/i },
  // the worker's refusal of an enrolment code (worker/src/directory/directory.ts), before "signed out"
  { id: "bad-code", test: /^This enrolment code is invalid, expired or already used\b/, own: true },
  { id: "signed-out", test: /not signed in|signed out|refresh token|\b401\b|unauthori[sz]ed|session expired|session (?:has )?ended/i },
  { id: "aircall-unavailable", test: /user not available|not available in aircall|\b405\b/i },
  { id: "rate-limited", test: /\b429\b|too many requests|rate limit/i },
  { id: "bad-answer", test: /not json|unexpected answer from the worker|bad_response|unexpected token|<!doctype/i },
  { id: "not-found", test: /\b404\b|not found/i },
  { id: "server-error", test: /\b5\d\d\b|internal server error|bad gateway|service unavailable/i },
  // the background's own refusals of Start (background/dialer-service.ts)
  { id: "held", test: /^no number is ready\b/i, own: true },
  { id: "no-pending", test: /^the queue has no pending numbers/i, own: true },
  // the worker address refused before sign-in (lib/worker-url.ts)
  { id: "url-format", test: /^enter the worker's full address/i, own: true },
  { id: "url-https-local", test: /^the worker's address must start with https:\/\/ \(plain http/i, own: true },
  { id: "url-https", test: /^the worker's address must start with https:\/\/$/i, own: true },
  // a sign-in elsewhere than the address IT set by policy (lib/managed.ts)
  { id: "url-managed", test: /^Your company set the worker address to (\S+)$/, own: true, params: (m) => ({ url: m[1] ?? "" }) },
]

/** Words only a developer reads: a message with these is never shown as it is. */
const TECHNICAL = /\b(?:TypeError|SyntaxError|ReferenceError|Error:|undefined|null|NaN|stack|JSON|HTTP)\b|answered [1-5]\d\d|^[1-5]\d\d\b|[{}<>]/

/**
 * A failure as the agent reads it, in the agent's language. Plain messages (the worker's own words)
 * are kept as they are.
 */
export function explainError(raw: unknown, locale: Locale = activeLocale()): UserMessage {
  const t = contentTranslatorFor(locale)
  const detail = (raw instanceof Error ? raw.message : String(raw ?? "")).trim()
  for (const rule of RULES) {
    const match = rule.test.exec(detail)
    if (!match) continue
    const params = rule.params?.(match)
    if (rule.own) return { id: rule.id, what: t(`errors.${rule.id}.what`, params), todo: t(`errors.${rule.id}.todo`, params) }
    return { id: rule.id, what: t(`errors.${rule.id}.what`), todo: t(`errors.${rule.id}.todo`), detail }
  }
  if (detail && !TECHNICAL.test(detail)) return { id: `plain:${detail}`, what: detail }
  return { id: "unknown", what: t("errors.unknown.what"), todo: t("errors.unknown.todo"), detail: detail || undefined }
}

/** "12:03 PM" (en) / "12:03" (fr): the time in the agent's language (or a BCP 47 tag such as "en-GB"). */
export function timeOfDay(iso: string, locale: string = activeLocale()): string {
  return new Date(iso).toLocaleTimeString(locale, { hour: "2-digit", minute: "2-digit" })
}

/** What a connection state means for the agent; null when online (nothing to say). */
export function connectionMessage(connection: ConnectionView | undefined, locale: string = activeLocale()): UserMessage | null {
  if (!connection || connection.status === "online") return null
  const t = contentTranslatorFor(resolveLocale(null, [locale]))
  if (connection.status === "connecting") return { id: "connecting", what: t("errors.connecting.what"), todo: t("errors.connecting.todo") }
  return {
    id: "offline",
    what: t("errors.offlineSince.what", { time: timeOfDay(connection.since, locale) }),
    todo: t("errors.offlineSince.todo"),
  }
}

/** Why a control is unavailable while not connected (its tooltip). */
export function heldWhileOffline(locale: Locale = activeLocale()): string {
  return contentTranslatorFor(locale)("errors.heldWhileOffline")
}

/** True when the time shown must stop (what the worker knows is no longer known here). */
export function isFrozen(connection: ConnectionView | undefined): boolean {
  return !!connection && connection.status !== "online"
}

/** The clock timers read: now when online, the moment the link was lost otherwise. */
export function clockNow(connection: ConnectionView | undefined, now: number): number {
  if (!isFrozen(connection)) return now
  const at = Date.parse(connection!.since)
  return Number.isNaN(at) ? now : Math.min(now, at)
}
