import { useLiveQuery } from "dexie-react-hooks"

import { db } from "../db/db"
import { DEFAULT_SETTINGS, getSettings } from "../db/settings"
import type { Settings } from "../db/types"
import { updateSettings } from "../lib/settings-store"

/** Settings read live from IndexedDB; saving also mirrors them for content scripts. */
export function useSettings(): [Settings, (patch: Partial<Settings>) => Promise<Settings>] {
  const settings = useLiveQuery(() => getSettings(db), [], DEFAULT_SETTINGS)
  return [settings, (patch) => updateSettings(db, patch)]
}
