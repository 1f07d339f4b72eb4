import type { DialerDB } from "../db/db"
import { getSettings, saveSettings } from "../db/settings"
import type { Settings } from "../db/types"

/**
 * Settings live in IndexedDB; content scripts cannot read the extension's IndexedDB, so every
 * save is mirrored to chrome.storage.local → `settings` (the detector reads defaultCountry there,
 * every surface reads `language` there through i18n/locale and follows its changes live).
 */
export async function mirrorSettings(settings: Settings): Promise<void> {
  const { defaultCountry, enabledSites, delaySeconds, language } = settings
  await chrome.storage.local.set({ settings: { defaultCountry, enabledSites, delaySeconds, language } })
}

export async function updateSettings(db: DialerDB, patch: Partial<Settings>): Promise<Settings> {
  const next = await saveSettings(db, patch)
  await mirrorSettings(next)
  return next
}

export async function syncSettingsMirror(db: DialerDB): Promise<void> {
  await mirrorSettings(await getSettings(db))
}
