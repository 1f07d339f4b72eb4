import type { DialerDB } from "../db/db"
import { getSettings, saveSettings } from "../db/settings"
import type { Settings } from "../db/types"

/**
 * Settings live in IndexedDB; content scripts cannot read the extension's IndexedDB, so every
 * save is mirrored to chrome.storage.local → `settings` (the detector reads defaultCountry there).
 */
export async function mirrorSettings(settings: Settings): Promise<void> {
  const { defaultCountry, enabledSites, delaySeconds } = settings
  await chrome.storage.local.set({ settings: { defaultCountry, enabledSites, delaySeconds } })
}

export async function updateSettings(db: DialerDB, patch: Partial<Settings>): Promise<Settings> {
  const next = await saveSettings(db, patch)
  await mirrorSettings(next)
  return next
}

export async function syncSettingsMirror(db: DialerDB): Promise<void> {
  await mirrorSettings(await getSettings(db))
}
