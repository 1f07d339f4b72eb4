/**
 * The one catalogue of what agents read when something goes wrong: what happened and what to do,
 * in plain words, with the technical detail kept for a "Details" click. Used by the popup, the
 * options page and the in-page bar (no zod, no heavy imports: content scripts load it).
 */
import type { ConnectionView } from "./messages"

export type UserMessage = {
  /** Stable id: the same problem is recognised (and shown once) wherever it comes from. */
  id: string
  what: string
  todo?: string
  /** The technical detail (the worker's or the browser's words), shown only on request. */
  detail?: string
}

type Rule = { id: string; test: RegExp; what: string; todo: string }

/** First match wins. `detail` is the raw message: ApiError text, a browser error, a worker message. */
const RULES: Rule[] = [
  {
    id: "offline",
    test: /cannot reach the worker|failed to fetch|networkerror|network error|err_connection|load failed/i,
    what: "The dialer's server can't be reached.",
    todo: "Check your internet connection. Calls already in Aircall are not affected; the dialer reconnects by itself.",
  },
  {
    id: "signed-out",
    test: /not signed in|signed out|refresh token|\b401\b|unauthori[sz]ed|session expired/i,
    what: "You're signed out of the dialer.",
    todo: "Open Options and sign in with a new code from your admin.",
  },
  {
    id: "aircall-unavailable",
    test: /user not available|not available in aircall|\b405\b/i,
    what: "Aircall says you're not available for calls.",
    todo: "Set yourself to Available in Aircall Workspace (and keep it open), then try again.",
  },
  {
    id: "rate-limited",
    test: /\b429\b|too many requests|rate limit/i,
    what: "Aircall is receiving too many requests right now.",
    todo: "Wait a minute: the dialer sends the request again by itself.",
  },
  {
    id: "bad-answer",
    test: /not json|unexpected answer from the worker|bad_response|unexpected token|<!doctype/i,
    what: "The dialer's server sent an answer the extension can't read.",
    todo: "Check the server address in Options: it must be your dialer's address. If it is, tell your admin.",
  },
  {
    id: "not-found",
    test: /\b404\b|not found/i,
    what: "The dialer's server doesn't know this request.",
    todo: "The server or the extension may be out of date: tell your admin.",
  },
  {
    id: "server-error",
    test: /\b5\d\d\b|internal server error|bad gateway|service unavailable/i,
    what: "The dialer's server had a problem.",
    todo: "Try again in a moment. If it keeps happening, tell your admin.",
  },
]

/** Words only a developer reads: a message with these is never shown as it is. */
const TECHNICAL = /\b(?:TypeError|SyntaxError|ReferenceError|Error:|undefined|null|NaN|stack|JSON|HTTP)\b|answered [1-5]\d\d|^[1-5]\d\d\b|[{}<>]/

/** A failure as the agent reads it. Plain messages (the worker's own words) are kept as they are. */
export function explainError(raw: unknown): UserMessage {
  const detail = (raw instanceof Error ? raw.message : String(raw ?? "")).trim()
  for (const rule of RULES) if (rule.test.test(detail)) return { id: rule.id, what: rule.what, todo: rule.todo, detail }
  if (detail && !TECHNICAL.test(detail)) return { id: `plain:${detail}`, what: detail }
  return {
    id: "unknown",
    what: "Something went wrong.",
    todo: "Try again. If it keeps happening, tell your admin.",
    detail: detail || undefined,
  }
}

/** "12:03" in the agent's own time format. */
export function timeOfDay(iso: string, locale?: string): string {
  return new Date(iso).toLocaleTimeString(locale, { hour: "2-digit", minute: "2-digit" })
}

/** What a connection state means for the agent; null when online (nothing to say). */
export function connectionMessage(connection: ConnectionView | undefined, locale?: string): UserMessage | null {
  if (!connection || connection.status === "online") return null
  if (connection.status === "connecting") {
    return { id: "connecting", what: "Connecting to the dialer…", todo: "Your calls in Aircall are not affected." }
  }
  return {
    id: "offline",
    what: `Offline since ${timeOfDay(connection.since, locale)}. Reconnecting…`,
    todo: "Your calls in Aircall are not affected. The run shown is as it was then; commands wait until the link is back.",
  }
}

/** Why a control is unavailable while not connected (its tooltip). */
export const HELD_WHILE_OFFLINE = "Not connected to the dialer: try again once it's back online."

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
