import "fake-indexeddb/auto"

import { describe, expect, it } from "vitest"

import { DEFAULT_SETTINGS, getSettings, parseSettings, saveSettings } from "./settings"
import { freshDb } from "./test-db"

describe("settings", () => {
  it("starts from the defaults", async () => {
    const db = freshDb()
    expect(await getSettings(db)).toEqual(DEFAULT_SETTINGS)
    expect(DEFAULT_SETTINGS).toMatchObject({ defaultCountry: "US", delaySeconds: 5, workerUrl: "http://127.0.0.1:8787" })
  })

  it("saves partial changes", async () => {
    const db = freshDb()
    await saveSettings(db, { delaySeconds: 12 })
    await saveSettings(db, { defaultCountry: "FR", enabledSites: ["https://crm.example.com/*"] })
    expect(await getSettings(db)).toEqual({
      ...DEFAULT_SETTINGS,
      delaySeconds: 12,
      defaultCountry: "FR",
      enabledSites: ["https://crm.example.com/*"],
    })
  })

  it("replaces invalid stored fields with defaults, one by one", () => {
    expect(parseSettings({ workerUrl: "not a url", delaySeconds: -3, defaultCountry: "GB" })).toEqual({
      ...DEFAULT_SETTINGS,
      defaultCountry: "GB",
    })
    expect(parseSettings(null)).toEqual(DEFAULT_SETTINGS)
  })

  it("keeps the agent's language: the browser's by default, English or French by choice, nothing else", async () => {
    expect(DEFAULT_SETTINGS.language).toBe("auto")
    const db = freshDb()
    await saveSettings(db, { language: "fr" })
    expect((await getSettings(db)).language).toBe("fr")
    expect(parseSettings({ language: "de" }).language).toBe("auto")
    expect(parseSettings({ language: "en" }).language).toBe("en")
  })
})
