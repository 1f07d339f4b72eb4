import "fake-indexeddb/auto"

import { afterEach, describe, expect, it, vi } from "vitest"

import { DEFAULT_SETTINGS, getSettings, saveSettings } from "../db/settings"
import { freshDb } from "../db/test-db"
import { applyManaged, managedWorkerUrlProblem, parseManaged, readManaged } from "./managed"

/** chrome.storage.managed as Chrome gives it to an extension whose policy sets `policy`. */
function withPolicy(policy: unknown) {
  vi.stubGlobal("chrome", { storage: { managed: { get: async () => policy } } })
}

describe("managed settings (IT policy)", () => {
  afterEach(() => {
    vi.unstubAllGlobals()
    vi.restoreAllMocks()
  })

  it("takes each policy value that fits and ignores the others one by one", () => {
    vi.spyOn(console, "warn").mockImplementation(() => {})
    expect(parseManaged({ workerUrl: "https://dialer.example.com/", defaultCountry: "fr", allowedSites: ["crm.example.com", "https://x.example.org/deals/1", 42, "not a site"] })).toEqual({
      workerUrl: "https://dialer.example.com",
      defaultCountry: "FR",
      allowedSites: ["https://crm.example.com/*", "https://x.example.org/*"],
    })
    expect(parseManaged({ workerUrl: "http://dialer.example.com", defaultCountry: "France", allowedSites: "crm.example.com" })).toEqual({})
    expect(parseManaged(null)).toEqual({})
    expect(parseManaged({ workerUrl: "" })).toEqual({})
  })

  it("reads nothing where managed storage does not exist or fails", async () => {
    expect(await readManaged()).toEqual({})
    vi.spyOn(console, "warn").mockImplementation(() => {})
    vi.stubGlobal("chrome", { storage: { managed: { get: async () => Promise.reject(new Error("no policy")) } } })
    expect(await readManaged()).toEqual({})
  })

  it("managed values win over the agent's; managed sites come first and are not duplicated", () => {
    const own = { ...DEFAULT_SETTINGS, workerUrl: "https://old.example.com", enabledSites: ["https://crm.example.com/*", "https://mine.example.com/*"] }
    expect(applyManaged(own, { workerUrl: "https://dialer.example.com", defaultCountry: "FR", allowedSites: ["https://crm.example.com/*"] })).toEqual({
      ...own,
      workerUrl: "https://dialer.example.com",
      defaultCountry: "FR",
      enabledSites: ["https://crm.example.com/*", "https://mine.example.com/*"],
    })
    expect(applyManaged(own, {})).toEqual(own)
  })

  it("getSettings applies the policy; saving never stores a managed value", async () => {
    const db = freshDb()
    await saveSettings(db, { workerUrl: "https://mine.example.com", delaySeconds: 9 })
    withPolicy({ workerUrl: "https://dialer.example.com", defaultCountry: "DE" })
    expect(await getSettings(db)).toMatchObject({ workerUrl: "https://dialer.example.com", defaultCountry: "DE", delaySeconds: 9 })
    expect(await saveSettings(db, { delaySeconds: 3 })).toMatchObject({ workerUrl: "https://dialer.example.com", delaySeconds: 3 })
    expect(await db.settings.get("main")).toMatchObject({ workerUrl: "https://mine.example.com", defaultCountry: "US", delaySeconds: 3 })
    vi.unstubAllGlobals() // the policy is lifted: the agent's own values are back
    expect(await getSettings(db)).toMatchObject({ workerUrl: "https://mine.example.com", defaultCountry: "US" })
  })

  it("an enrolment elsewhere than the managed worker is refused", () => {
    expect(managedWorkerUrlProblem("https://other.example.com", { workerUrl: "https://dialer.example.com" })).toBe("Your company set the worker address to https://dialer.example.com")
    expect(managedWorkerUrlProblem("https://dialer.example.com/", { workerUrl: "https://dialer.example.com" })).toBeNull()
    expect(managedWorkerUrlProblem("https://any.example.com", {})).toBeNull()
  })
})

describe("policy changes while the browser runs", () => {
  afterEach(() => vi.unstubAllGlobals())

  it("calls back on a change of the managed area only", async () => {
    const listeners: ((changes: object, area: string) => void)[] = []
    vi.stubGlobal("chrome", { storage: { onChanged: { addListener: (l: (changes: object, area: string) => void) => listeners.push(l) } } })
    const { onManagedChange } = await import("./managed")
    const seen: string[] = []
    onManagedChange(() => seen.push("changed"))
    listeners.forEach((l) => l({}, "local"))
    expect(seen).toEqual([])
    listeners.forEach((l) => l({ workerUrl: { newValue: "https://x.example.com" } }, "managed"))
    expect(seen).toEqual(["changed"])
  })
})
