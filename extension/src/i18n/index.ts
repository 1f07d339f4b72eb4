/**
 * The extension's i18n: `useT()` in React (popup, options, pages), `translatorFor(locale)`
 * elsewhere. Code that content scripts load uses ./content.ts instead (a smaller catalogue).
 * Dates, times and numbers go through the Intl helpers of `@dialer/shared/i18n`.
 */
import { translatorFor } from "./catalogue"
import { useTranslator } from "./hooks"

export { translatorFor, type MessageKey } from "./catalogue"
export { activeLocale, currentLocale, onLocaleChange } from "./locale"
export { useLocale } from "./hooks"

/** `const { t, locale } = useT()`; `t("popup.start")`, `t("queue.count", { count })`. */
export function useT() {
  return useTranslator(translatorFor)
}
