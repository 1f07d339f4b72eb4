import * as z from "zod"

import { MAX_DELAY_SECONDS } from "@dialer/shared"

import type { DialerDB } from "./db"
import type { Settings } from "./types"

export const DEFAULT_WORKER_URL = "http://127.0.0.1:8787"

export const DEFAULT_SETTINGS: Settings = {
  workerUrl: DEFAULT_WORKER_URL,
  defaultCountry: "US",
  delaySeconds: 5,
  enabledSites: [],
}

/** What a stored settings row must look like; bad fields fall back to defaults one by one. */
export const SettingsSchema = z.object({
  workerUrl: z.string().url().catch(DEFAULT_SETTINGS.workerUrl),
  defaultCountry: z.string().regex(/^[A-Z]{2}$/).catch(DEFAULT_SETTINGS.defaultCountry),
  delaySeconds: z.number().int().min(0).max(MAX_DELAY_SECONDS).catch(DEFAULT_SETTINGS.delaySeconds),
  enabledSites: z.array(z.string()).catch(DEFAULT_SETTINGS.enabledSites),
})

export function parseSettings(raw: unknown): Settings {
  const parsed = SettingsSchema.safeParse({ ...DEFAULT_SETTINGS, ...(typeof raw === "object" ? raw : {}) })
  return parsed.success ? parsed.data : { ...DEFAULT_SETTINGS }
}

export async function getSettings(db: DialerDB): Promise<Settings> {
  const row = await db.settings.get("main")
  if (!row) return { ...DEFAULT_SETTINGS }
  const { key: _key, ...rest } = row
  return parseSettings(rest)
}

/** Apply a partial change; the merged result is validated before it is written. */
export async function saveSettings(db: DialerDB, patch: Partial<Settings>): Promise<Settings> {
  return db.transaction("rw", db.settings, async () => {
    const next = parseSettings({ ...(await getSettings(db)), ...patch })
    await db.settings.put({ key: "main", ...next })
    return next
  })
}
