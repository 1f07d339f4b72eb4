import "fake-indexeddb/auto"

import { afterEach, beforeEach, describe, expect, it, vi } from "vitest"

import { freshDb } from "../db/test-db"
import { currentLocale } from "../i18n/locale"
import { updateSettings } from "./settings-store"

describe("settings mirror", () => {
  let stored: Record<string, unknown>
  beforeEach(() => {
    stored = {}
    vi.stubGlobal("chrome", {
      storage: {
        local: {
          get: async (key: string) => ({ [key]: stored[key] }),
          set: async (items: Record<string, unknown>) => void Object.assign(stored, items),
        },
      },
    })
  })
  afterEach(() => vi.unstubAllGlobals())

  it("mirrors the language so content scripts and pages speak the agent's choice", async () => {
    const db = freshDb()
    await updateSettings(db, { language: "fr" })
    expect(stored.settings).toMatchObject({ language: "fr", defaultCountry: "US" })
    expect(await currentLocale()).toBe("fr")
    await updateSettings(db, { language: "en" })
    expect(await currentLocale()).toBe("en")
  })
})
