/**
 * The extension's i18n: `useT()` in React (popup, options, pages, bar), `translatorFor(locale)`
 * elsewhere. Dates, times and numbers go through the Intl helpers of `@dialer/shared/i18n`.
 */
import type { Locale } from "@dialer/shared/i18n"
import { useEffect, useMemo, useState } from "react"

import { translatorFor } from "./catalogue"
import { activeLocale, currentLocale, onLocaleChange } from "./locale"

export { translatorFor, type MessageKey } from "./catalogue"
export { activeLocale, currentLocale, onLocaleChange } from "./locale"

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

/** `const { t, locale } = useT()`; `t("popup.start")`, `t("queue.count", { count })`. */
export function useT() {
  const locale = useLocale()
  return useMemo(() => ({ locale, t: translatorFor(locale) }), [locale])
}
