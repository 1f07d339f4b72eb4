/**
 * The i18n of code the content scripts load (bar, "+ Queue" controls, wrap-up panel and what they
 * share with the popup): only the content scripts' words are bundled (content-catalogue.ts).
 */
import { contentTranslatorFor } from "./content-catalogue"
import { useTranslator } from "./hooks"

export { contentTranslatorFor, type ContentKey } from "./content-catalogue"
export { activeLocale, currentLocale, onLocaleChange } from "./locale"
export { useLocale } from "./hooks"

/** `const { t, locale } = useContentT()`, with the content scripts' words only. */
export function useContentT() {
  return useTranslator(contentTranslatorFor)
}
