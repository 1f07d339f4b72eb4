/**
 * Every string the extension shows, by area (messages/<area>.ts: `{ en, fr }`, French typed against
 * English so a missing key fails the typecheck). Register a new area with one line below.
 */
import { makeTranslator, type Locale, type Translate } from "@dialer/shared/i18n"

import { bar } from "./messages/bar"
import { common } from "./messages/common"
import { compliance } from "./messages/compliance"
import { errors } from "./messages/errors"
import { contacts } from "./messages/contacts"
import { history } from "./messages/history"
import { importCsv } from "./messages/import"
import { lists } from "./messages/lists"
import { options } from "./messages/options"
import { page } from "./messages/page"
import { popup } from "./messages/popup"
import { run } from "./messages/run"
import { wrapup } from "./messages/wrapup"
import { privacy } from "./messages/privacy"

const areas = [common, options, history, contacts, lists, importCsv, privacy, run, errors, popup, bar, page, wrapup, compliance] as const

type Union<T> = T extends readonly (infer A)[] ? A : never
type EnOf<A> = A extends { en: infer E } ? E : never
type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never
export type Messages = UnionToIntersection<EnOf<Union<typeof areas>>>
export type MessageKey = Extract<keyof Messages, string>

function merge(locale: Locale): Record<string, unknown> {
  return Object.assign({}, ...areas.map((area) => area[locale]))
}

export const catalogues = { en: merge("en"), fr: merge("fr") } as unknown as { en: Messages; fr: Messages }

const translators = new Map<Locale, Translate<MessageKey>>()

/** `t(key, params)` in one language (cached). */
export function translatorFor(locale: Locale): Translate<MessageKey> {
  let t = translators.get(locale)
  if (!t) translators.set(locale, (t = makeTranslator(catalogues, locale)))
  return t
}
