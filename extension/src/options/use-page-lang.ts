import type { Locale } from "@dialer/shared/i18n"
import { useEffect } from "react"

/**
 * `<html lang>` follows the language the page is shown in (screen readers pick their voice from it,
 * WCAG 3.1.1), also when the agent switches language with the page open. Used by every extension
 * page (options, history, contacts, lists, privacy).
 */
export function usePageLang(locale: Locale): void {
  useEffect(() => {
    document.documentElement.lang = locale
  }, [locale])
}
