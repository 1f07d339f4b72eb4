/**
 * The wrap-up form's rules, free of React: digits pick a choice, Enter submits, what a valid
 * submission is (a choice; a callback needs a future time; notes up to 2,000 characters).
 */
import type { Locale } from "@dialer/shared/i18n"

import { contentTranslatorFor } from "../i18n/content-catalogue"
import { activeLocale } from "../i18n/locale"
import { MAX_NOTE, type WrapUpChoice, type WrapUpPrompt, type WrapUpSubmission } from "./types"
import { zonedToIso, zoneOrLocal } from "./zoned-time"

export type FormValues = { disposition: string | null; note: string; callbackLocal: string }

/** Keys 1–9 pick the first nine choices. */
export function withKeys(choices: { id: string; label: string; kind: string }[]): WrapUpChoice[] {
  return choices.map((c, i) => ({ ...c, key: i < 9 ? i + 1 : 0 }))
}

export function choiceForKey(choices: WrapUpChoice[], key: string): WrapUpChoice | undefined {
  if (!/^[1-9]$/.test(key)) return undefined
  return choices.find((c) => c.key === Number(key))
}

export const needsCallbackTime = (choices: WrapUpChoice[], id: string | null) => choices.find((c) => c.id === id)?.kind === "callback"

export type Checked = { ok: true; body: WrapUpSubmission } | { ok: false; error: string }

/** What the form would send, or why it cannot yet. */
export function checkForm(prompt: WrapUpPrompt, values: FormValues, now: number, locale: Locale = activeLocale()): Checked {
  const t = contentTranslatorFor(locale)
  const choice = prompt.choices.find((c) => c.id === values.disposition)
  if (!choice) return { ok: false, error: t("wrapup.error.pick") }
  const note = values.note.trim()
  if (note.length > MAX_NOTE) return { ok: false, error: t("wrapup.error.noteLength", { length: String(note.length), max: String(MAX_NOTE) }) }
  const body: WrapUpSubmission = { itemId: prompt.itemId, disposition: choice.id, ...(note ? { note } : {}) }
  if (choice.kind !== "callback") return { ok: true, body }
  if (!values.callbackLocal) return { ok: false, error: t("wrapup.error.pickTime") }
  const iso = zonedToIso(values.callbackLocal, zoneOrLocal(prompt.timeZone))
  if (!iso) return { ok: false, error: t("wrapup.error.notATime") }
  if (Date.parse(iso) <= now) return { ok: false, error: t("wrapup.error.past") }
  return { ok: true, body: { ...body, callbackAt: iso } }
}

/**
 * A key press in the form: a digit picks (unless typing in the note or a field), Enter submits
 * (Shift+Enter is a new line in the note), Escape does nothing here.
 */
export function keyAction(key: string, target: "note" | "field" | "other", shift: boolean): { pick: string } | "submit" | null {
  if (key === "Enter" && !(target === "note" && shift)) return "submit"
  if (target === "other" && /^[1-9]$/.test(key)) return { pick: key }
  return null
}
