/**
 * Which language the dashboard speaks: the admin's choice in the header's switch (kept in this
 * browser's localStorage), else the browser's language, else English.
 */
import { browserLanguages, isLanguageSetting, resolveLocale, type LanguageSetting, type Locale } from "@dialer/shared/i18n";

export const LANGUAGE_KEY = "dialer.admin.language";

type Store = Pick<Storage, "getItem" | "setItem" | "removeItem">;

function store(): Store | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null; // storage blocked (privacy settings): the choice lasts for this page only
  }
}

/** The stored choice; anything unreadable or unknown counts as "the browser's language". */
export function loadLanguage(storage: Store | null = store()): LanguageSetting {
  try {
    const value = storage?.getItem(LANGUAGE_KEY);
    return isLanguageSetting(value) ? value : "auto";
  } catch {
    return "auto";
  }
}

export function saveLanguage(setting: LanguageSetting, storage: Store | null = store()): void {
  try {
    if (setting === "auto") storage?.removeItem(LANGUAGE_KEY);
    else storage?.setItem(LANGUAGE_KEY, setting);
  } catch {
    // storage full or blocked: the choice still holds until the page is closed
  }
}

export function localeFor(setting: LanguageSetting, languages: readonly string[] = browserLanguages()): Locale {
  return resolveLocale(setting, languages);
}
