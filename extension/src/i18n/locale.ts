/**
 * Which language the extension speaks: the agent's choice in Options (`settings.language`, mirrored
 * to chrome.storage.local so content scripts read it too), else the browser's language.
 */
import { browserLanguages, resolveLocale, type Locale } from "@dialer/shared/i18n"

let active: Locale | null = null

/**
 * The language last read (by currentLocale or a change), for code that cannot wait: content-script
 * labels, error texts built outside React. The browser's language until the setting has been read.
 */
export function activeLocale(): Locale {
  return active ?? resolveLocale("auto", browserLanguages())
}

/** The language now in force (pages, content scripts and the service worker alike). */
export async function currentLocale(): Promise<Locale> {
  const locale = await readLocale()
  active = locale
  return locale
}

async function readLocale(): Promise<Locale> {
  let setting: unknown
  try {
    const stored = await chrome.storage.local.get("settings")
    setting = (stored.settings as { language?: unknown } | undefined)?.language
  } catch {
    setting = undefined // no extension context (tests, an orphaned content script): the browser's language
  }
  return resolveLocale(setting, browserLanguages())
}

/** Calls back with the language whenever the agent changes it; returns the unsubscribe. */
export function onLocaleChange(listener: (locale: Locale) => void): () => void {
  const handle = (changes: Record<string, chrome.storage.StorageChange>, area: string) => {
    if (area !== "local" || !changes.settings) return
    const next = (changes.settings.newValue as { language?: unknown } | undefined)?.language
    active = resolveLocale(next, browserLanguages())
    listener(active)
  }
  try {
    chrome.storage.onChanged.addListener(handle)
    return () => chrome.storage.onChanged.removeListener(handle)
  } catch {
    return () => {}
  }
}
