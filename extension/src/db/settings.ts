import * as z from "zod"

import { MAX_DELAY_SECONDS } from "@dialer/shared"
import { LANGUAGE_SETTINGS, type LanguageSetting } from "@dialer/shared/i18n"

import { applyManaged, readManaged } from "../lib/managed"
import type { DialerDB } from "./db"
import type { Settings } from "./types"

export const DEFAULT_WORKER_URL = "http://127.0.0.1:8787"

export const DEFAULT_SETTINGS: Settings = {
  workerUrl: DEFAULT_WORKER_URL,
  defaultCountry: "US",
  delaySeconds: 5,
  enabledSites: [],
  language: "auto",
}

/** What a stored settings row must look like; bad fields fall back to defaults one by one. */
export const SettingsSchema = z.object({
  workerUrl: z.string().url().catch(DEFAULT_SETTINGS.workerUrl),
  defaultCountry: z.string().regex(/^[A-Z]{2}$/).catch(DEFAULT_SETTINGS.defaultCountry),
  delaySeconds: z.number().int().min(0).max(MAX_DELAY_SECONDS).catch(DEFAULT_SETTINGS.delaySeconds),
  enabledSites: z.array(z.string()).catch(DEFAULT_SETTINGS.enabledSites),
  language: z.enum(LANGUAGE_SETTINGS as [LanguageSetting, ...LanguageSetting[]]).catch(DEFAULT_SETTINGS.language),
})

export function parseSettings(raw: unknown): Settings {
  const parsed = SettingsSchema.safeParse({ ...DEFAULT_SETTINGS, ...(typeof raw === "object" ? raw : {}) })
  return parsed.success ? parsed.data : { ...DEFAULT_SETTINGS }
}

/** The agent's own settings, as stored. */
async function storedSettings(db: DialerDB): Promise<Settings> {
  const row = await db.settings.get("main")
  if (!row) return { ...DEFAULT_SETTINGS }
  const { key: _key, ...rest } = row
  return parseSettings(rest)
}

/** The settings in force: the agent's, with any value IT set by policy over them (lib/managed). */
export async function getSettings(db: DialerDB): Promise<Settings> {
  const own = await storedSettings(db) // read first: a live query tracks the table before the policy read
  return applyManaged(own, await readManaged())
}

/** Apply a partial change; the merged result is validated before it is written (managed values are never stored). */
export async function saveSettings(db: DialerDB, patch: Partial<Settings>): Promise<Settings> {
  const next = await db.transaction("rw", db.settings, async () => {
    const merged = parseSettings({ ...(await storedSettings(db)), ...patch })
    await db.settings.put({ key: "main", ...merged })
    return merged
  })
  return applyManaged(next, await readManaged())
}
