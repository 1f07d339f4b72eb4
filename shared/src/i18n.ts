/**
 * The one small i18n layer of the extension and the dashboard: pick a language, look a message up
 * in a flat catalogue, fill its `{placeholders}`, choose its plural form, and format numbers, dates
 * and times with `Intl`. No dependency (content scripts load it), imported as `@dialer/shared/i18n`.
 *
 * A catalogue is a flat object: `{ "popup.start": "Start", "queue.count": { one: "{count} number",
 * other: "{count} numbers" } }`. English is the reference; another language is typed
 * `Catalogue<typeof en>` so a missing key fails the typecheck. A key missing at run time (an old
 * stored catalogue, a typo through a cast) falls back to English, then to the key itself.
 */

export const LOCALES = ["en", "fr"] as const
export type Locale = (typeof LOCALES)[number]
/** What the agent chose in Options: the browser's language, or one of ours. */
export type LanguageSetting = "auto" | Locale
export const LANGUAGE_SETTINGS: readonly LanguageSetting[] = ["auto", ...LOCALES]

/** A message: plain text, or its plural forms (chosen by the `count` parameter). */
export type Message = string | PluralMessage
export type PluralMessage = { one?: string; other: string; zero?: string; two?: string; few?: string; many?: string }
export type Catalogue<Ref extends Record<string, Message>> = { [K in keyof Ref]: Message }
export type Params = Record<string, string | number>

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value)
}

export function isLanguageSetting(value: unknown): value is LanguageSetting {
  return value === "auto" || isLocale(value)
}

/**
 * The language to show: the agent's choice, else the first of the browser's languages we have
 * ("fr-CA" → "fr"), else English.
 */
export function resolveLocale(setting: unknown, browserLanguages: readonly string[] = []): Locale {
  if (isLocale(setting)) return setting
  for (const tag of browserLanguages) {
    const base = String(tag).toLowerCase().split(/[-_]/)[0]
    if (isLocale(base)) return base
  }
  return "en"
}

/** The browser's languages, wherever this runs (page, content script, service worker, Node). */
export function browserLanguages(): string[] {
  const nav = (globalThis as { navigator?: { languages?: readonly string[]; language?: string } }).navigator
  if (nav?.languages?.length) return [...nav.languages]
  return nav?.language ? [nav.language] : []
}

const pluralRules = new Map<Locale, Intl.PluralRules>()
function pluralOf(locale: Locale, count: number): Intl.LDMLPluralRule {
  let rules = pluralRules.get(locale)
  if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(locale)))
  return rules.select(count)
}

/** Fills `{name}` from params; numbers are written the locale's way. Unknown names stay visible. */
export function interpolate(locale: Locale, text: string, params?: Params): string {
  if (!params) return text
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name]
    if (value === undefined) return whole
    return typeof value === "number" ? formatNumber(locale, value) : value
  })
}

export type Translate<K extends string = string> = (key: K, params?: Params) => string

/** `t(key, params)` for one locale, with English as the fallback catalogue. */
export function makeTranslator<Ref extends Record<string, Message>>(
  catalogues: { en: Ref } & Partial<Record<Locale, Catalogue<Ref>>>,
  locale: Locale,
): Translate<Extract<keyof Ref, string>> {
  const primary = (catalogues[locale] ?? catalogues.en) as Record<string, Message | undefined>
  const fallback = catalogues.en as Record<string, Message | undefined>
  return (key, params) => {
    const own = primary[key]
    const message = own ?? fallback[key]
    const used: Locale = own !== undefined ? locale : "en"
    if (message === undefined) return key
    if (typeof message === "string") return interpolate(used, message, params)
    const count = typeof params?.count === "number" ? params.count : Number(params?.count ?? 0)
    const form = count === 0 && message.zero !== undefined ? "zero" : pluralOf(used, count)
    return interpolate(used, message[form] ?? message.other, params)
  }
}

/** 1234.5 → "1,234.5" (en) / "1 234,5" (fr). */
export function formatNumber(locale: Locale, value: number, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(locale, options).format(value)
}

/** 0.423 → "42%" (en) / "42 %" (fr). */
export function formatPercent(locale: Locale, ratio: number, digits = 0): string {
  return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: digits }).format(ratio)
}

function toDate(at: string | number | Date): Date {
  return at instanceof Date ? at : new Date(at)
}

/** "12:03 PM" (en) / "12:03" (fr); `timeZone` for a contact's own clock. */
export function formatTime(locale: Locale, at: string | number | Date, timeZone?: string): string {
  return toDate(at).toLocaleTimeString(locale, { hour: "2-digit", minute: "2-digit", timeZone })
}

/** "Dec 3, 2026" (en) / "3 déc. 2026" (fr). */
export function formatDate(locale: Locale, at: string | number | Date, timeZone?: string): string {
  return toDate(at).toLocaleDateString(locale, { year: "numeric", month: "short", day: "numeric", timeZone })
}

/** "Dec 3, 2026, 12:03 PM" (en) / "3 déc. 2026, 12:03" (fr). */
export function formatDateTime(locale: Locale, at: string | number | Date, timeZone?: string): string {
  return toDate(at).toLocaleString(locale, { dateStyle: "medium", timeStyle: "short", timeZone })
}

/** -90 s → "2 minutes ago" / "il y a 2 minutes"; 3600 → "in 1 hour" / "dans 1 heure". */
export function formatRelative(locale: Locale, seconds: number): string {
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: "auto" })
  const abs = Math.abs(seconds)
  if (abs < 60) return rtf.format(Math.round(seconds), "second")
  if (abs < 3600) return rtf.format(Math.round(seconds / 60), "minute")
  if (abs < 86400) return rtf.format(Math.round(seconds / 3600), "hour")
  return rtf.format(Math.round(seconds / 86400), "day")
}

/** ["A", "B", "C"] → "A, B, and C" (en) / "A, B et C" (fr). */
export function formatList(locale: Locale, items: string[]): string {
  return new Intl.ListFormat(locale, { style: "long", type: "conjunction" }).format(items)
}

export { DEFAULT_DISPOSITION_LABELS, defaultDispositionLabel, type DefaultDispositionId } from "./disposition-labels"
