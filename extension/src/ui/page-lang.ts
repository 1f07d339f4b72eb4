/**
 * Plasmo writes the extension pages' HTML without a `lang` attribute; screen readers need it to
 * pick a voice (WCAG 3.1.1). Every page says the language it is shown in: the browser's at once,
 * the agent's choice as soon as it is read, and again whenever the agent switches language.
 * Imported for its effect by each page entry (popup, options, tabs/*).
 */
import type { Locale } from "@dialer/shared/i18n"

import { activeLocale, currentLocale, onLocaleChange } from "../i18n/locale"

/** Sets `<html lang>` now and keeps it following the language; returns the unsubscribe. */
export function followPageLang(doc: Document): () => void {
  const set = (locale: Locale) => void (doc.documentElement.lang = locale)
  set(activeLocale())
  void currentLocale().then(set)
  return onLocaleChange(set)
}

if (typeof document !== "undefined") followPageLang(document)
