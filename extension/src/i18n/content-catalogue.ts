/**
 * The words the content scripts show on CRM pages (in-page bar, "+ Queue" controls, wrap-up panel,
 * compliance marks, errors, run words): a subset of the catalogue, so each content script bundles
 * only these and not the extension pages' words. Modules content scripts import use
 * `contentTranslatorFor` / `useContentT` (./content.ts); a page-only key there fails the typecheck.
 */
import { makeTranslator, type Locale, type Translate } from "@dialer/shared/i18n"

import { bar } from "./messages/bar"
import { common } from "./messages/common"
import { compliance } from "./messages/compliance"
import { errors } from "./messages/errors"
import { page } from "./messages/page"
import { run } from "./messages/run"
import { wrapup } from "./messages/wrapup"

export const contentAreas = [common, run, errors, bar, page, wrapup, compliance] as const

type Union<T> = T extends readonly (infer A)[] ? A : never
type EnOf<A> = A extends { en: infer E } ? E : never
type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never
/** The English messages of a list of areas, as one object type. */
export type MessagesOf<Areas> = UnionToIntersection<EnOf<Union<Areas>>>
export type ContentKey = Extract<keyof MessagesOf<typeof contentAreas>, string>

/** One object per language from a list of areas. */
export function mergeAreas(areas: readonly { en: object; fr: object }[], locale: Locale): Record<string, unknown> {
  return Object.assign({}, ...areas.map((area) => area[locale]))
}

const contentCatalogues = { en: mergeAreas(contentAreas, "en"), fr: mergeAreas(contentAreas, "fr") } as unknown as {
  en: MessagesOf<typeof contentAreas>
  fr: MessagesOf<typeof contentAreas>
}

const translators = new Map<Locale, Translate<ContentKey>>()

/** `t(key, params)` over the content scripts' words, in one language (cached). */
export function contentTranslatorFor(locale: Locale): Translate<ContentKey> {
  let t = translators.get(locale)
  if (!t) translators.set(locale, (t = makeTranslator(contentCatalogues, locale)))
  return t
}
