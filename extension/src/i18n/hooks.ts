/**
 * The React side of the i18n: the language in force, following the agent's changes live, and a
 * translator for it. No catalogue here: `useT` (index.ts, every word) and `useContentT`
 * (content.ts, the content scripts' words) pick theirs.
 */
import type { Locale, Translate } from "@dialer/shared/i18n"
import { useEffect, useMemo, useState } from "react"

import { activeLocale, currentLocale, onLocaleChange } from "./locale"

/** The language in force, following the agent's changes live. Pages also set `<html lang>`. */
export function useLocale(): Locale {
  const [locale, setLocale] = useState<Locale>(() => activeLocale())
  useEffect(() => {
    let alive = true
    void currentLocale().then((l) => alive && setLocale(l))
    const off = onLocaleChange(setLocale)
    return () => {
      alive = false
      off()
    }
  }, [])
  return locale
}

/** `{ t, locale }` for the language in force, from a catalogue's `translatorFor`. */
export function useTranslator<K extends string>(translatorFor: (locale: Locale) => Translate<K>) {
  const locale = useLocale()
  return useMemo(() => ({ locale, t: translatorFor(locale) }), [locale, translatorFor])
}
