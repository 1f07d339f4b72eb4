/**
 * What the wrap-up form shows and sends. Plain types (no zod, no libphonenumber): the in-page bar
 * imports them. The background builds prompts (wrapup/service.ts) and checks what comes back.
 */

/** One disposition as a choice; `key` is the digit that picks it (1–9), 0 when it has none. */
export type WrapUpChoice = { id: string; label: string; kind: string; key: number }

export type WrapUpPrompt = {
  /** the history entry's key in the extension's mirror */
  key: string
  itemId: string
  callId: string | null
  phone: string
  name: string | null
  /** when the call was placed (ISO): the history entry's `at` */
  at: string
  outcome: string
  /** the run waits for this wrap-up (started with "wait for my wrap-up") */
  required: boolean
  /** a second submission, from the history page: corrects the first */
  correction: boolean
  choices: WrapUpChoice[]
  /** the contact's IANA time zone when the number says it (one zone for its country), else null */
  timeZone: string | null
  /** what the agent submitted before, if anything */
  current: { disposition: string | null; note: string | null; callbackAt: string | null }
}

export type WrapUpSubmission = { itemId: string; disposition: string; note?: string; callbackAt?: string }

/** A number the worker brings back later, as the popup lists it. */
export type ScheduledView = { itemId: string; phone: string; name: string | null; dueAt: string; why: "retry" | "callback"; attempts: number; due: boolean }

export const MAX_NOTE = 2000
/** A wrap-up can be corrected this long after the call. */
export const CORRECTION_WINDOW_MS = 24 * 3600_000
