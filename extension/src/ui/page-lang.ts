/**
 * Plasmo writes the extension pages' HTML without a `lang` attribute; screen readers need it to
 * pick a voice (WCAG 3.1.1). The interface is in English, so every page says so on load.
 * Imported for its effect by each page entry (popup, options, tabs/*).
 */
export const PAGE_LANG = "en"

if (typeof document !== "undefined" && !document.documentElement.lang) document.documentElement.lang = PAGE_LANG
