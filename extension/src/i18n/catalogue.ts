/**
 * Every string the extension shows, by area (messages/<area>.ts: `{ en, fr }`, French typed against
 * English so a missing key fails the typecheck). Register a new area with one line below.
 */
import { makeTranslator, type Locale, type Translate } from "@dialer/shared/i18n"

import { contacts } from "./messages/contacts"
import { history } from "./messages/history"
import { importCsv } from "./messages/import"
import { lists } from "./messages/lists"
import { options } from "./messages/options"
import { popup } from "./messages/popup"
import { privacy } from "./messages/privacy"
import { contentAreas, mergeAreas, type MessagesOf } from "./content-catalogue"

/** The content scripts' areas (content-catalogue.ts), then the extension pages' own. */
const areas = [...contentAreas, options, history, contacts, lists, importCsv, privacy, popup] as const

export type Messages = MessagesOf<typeof areas>
export type MessageKey = Extract<keyof Messages, string>

function merge(locale: Locale): Record<string, unknown> {
  return mergeAreas(areas, locale)
}

export const catalogues = { en: merge("en"), fr: merge("fr") } as unknown as { en: Messages; fr: Messages }

const translators = new Map<Locale, Translate<MessageKey>>()

/** `t(key, params)` in one language (cached). */
export function translatorFor(locale: Locale): Translate<MessageKey> {
  let t = translators.get(locale)
  if (!t) translators.set(locale, (t = makeTranslator(catalogues, locale)))
  return t
}
