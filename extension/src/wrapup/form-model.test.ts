import { describe, expect, it } from "vitest"

import { checkForm, choiceForKey, keyAction, withKeys } from "./form-model"
import type { WrapUpPrompt } from "./types"
import { describeIn, isoToZoned, tomorrowAt, zonedToIso } from "./zoned-time"

const choices = withKeys([
  { id: "connected", label: "Connected", kind: "connected" },
  { id: "voicemail", label: "Left voicemail", kind: "voicemail" },
  { id: "callback", label: "Call back", kind: "callback" },
  ...Array.from({ length: 8 }, (_, i) => ({ id: `x${i}`, label: `X${i}`, kind: "no_answer" })),
])
const prompt: WrapUpPrompt = {
  key: "item-1|2030-03-01T09:00:00.000Z",
  itemId: "item-1", callId: "c1", phone: "+33612345678", name: "Ana", at: "2030-03-01T09:00:00.000Z", outcome: "answered",
  required: false, correction: false, choices, timeZone: "Europe/Paris", current: { disposition: null, note: null, callbackAt: null },
}
const NOW = Date.parse("2030-03-01T09:05:00.000Z")

describe("wrap-up keys", () => {
  it("1–9 pick the first nine choices; the tenth and later have no key", () => {
    expect(choiceForKey(choices, "1")?.id).toBe("connected")
    expect(choiceForKey(choices, "9")?.id).toBe("x5")
    expect(choices[9]!.key).toBe(0)
    expect(choiceForKey(choices, "0")).toBeUndefined()
    expect(choiceForKey(choices, "a")).toBeUndefined()
  })

  it("digits pick only outside text fields; Enter submits, Shift+Enter in the note is a new line", () => {
    expect(keyAction("3", "other", false)).toEqual({ pick: "3" })
    expect(keyAction("3", "note", false)).toBeNull()
    expect(keyAction("3", "field", false)).toBeNull()
    expect(keyAction("Enter", "other", false)).toBe("submit")
    expect(keyAction("Enter", "note", false)).toBe("submit")
    expect(keyAction("Enter", "note", true)).toBeNull()
    expect(keyAction("x", "other", false)).toBeNull()
  })
})

describe("checkForm", () => {
  it("needs a choice; trims the note and leaves it out when empty", () => {
    expect(checkForm(prompt, { disposition: null, note: "", callbackLocal: "" }, NOW)).toMatchObject({ ok: false, error: expect.stringMatching(/Pick what happened/) })
    expect(checkForm(prompt, { disposition: "nope", note: "", callbackLocal: "" }, NOW).ok).toBe(false)
    expect(checkForm(prompt, { disposition: "voicemail", note: "  ", callbackLocal: "" }, NOW)).toEqual({ ok: true, body: { itemId: "item-1", disposition: "voicemail" } })
    expect(checkForm(prompt, { disposition: "connected", note: " wants a demo ", callbackLocal: "" }, NOW)).toEqual({ ok: true, body: { itemId: "item-1", disposition: "connected", note: "wants a demo" } })
  })

  it("refuses a note over 2,000 characters", () => {
    expect(checkForm(prompt, { disposition: "connected", note: "x".repeat(2001), callbackLocal: "" }, NOW)).toMatchObject({ ok: false, error: expect.stringMatching(/2001 characters/) })
  })

  it("a callback needs a future time, read in the contact's time zone", () => {
    expect(checkForm(prompt, { disposition: "callback", note: "", callbackLocal: "" }, NOW)).toMatchObject({ ok: false, error: expect.stringMatching(/when to call back/) })
    expect(checkForm(prompt, { disposition: "callback", note: "", callbackLocal: "2030-03-01T08:00" }, NOW)).toMatchObject({ ok: false, error: expect.stringMatching(/passed/) })
    expect(checkForm(prompt, { disposition: "callback", note: "", callbackLocal: "soon" }, NOW).ok).toBe(false)
    // 10:00 in Paris on 2 March (UTC+1 in winter) is 09:00 UTC
    expect(checkForm(prompt, { disposition: "callback", note: "", callbackLocal: "2030-03-02T10:00" }, NOW)).toEqual({ ok: true, body: { itemId: "item-1", disposition: "callback", callbackAt: "2030-03-02T09:00:00.000Z" } })
    const ny = { ...prompt, timeZone: "America/New_York" }
    expect(checkForm(ny, { disposition: "callback", note: "", callbackLocal: "2030-03-02T10:00" }, NOW)).toMatchObject({ body: { callbackAt: "2030-03-02T15:00:00.000Z" } })
  })
})

describe("zoned time", () => {
  it("converts both ways, across daylight saving time", () => {
    expect(zonedToIso("2030-07-01T10:00", "Europe/Paris")).toBe("2030-07-01T08:00:00.000Z") // summer: UTC+2
    expect(zonedToIso("2030-01-01T10:00", "Europe/Paris")).toBe("2030-01-01T09:00:00.000Z")
    expect(zonedToIso("2030-03-10T01:30", "America/New_York")).toBe("2030-03-10T06:30:00.000Z") // just before the change
    expect(zonedToIso("2030-03-10T03:30", "America/New_York")).toBe("2030-03-10T07:30:00.000Z") // just after it
    expect(zonedToIso("2030-13-01T10:00", "Europe/Paris")).toBeNull()
    expect(isoToZoned("2030-07-01T08:00:00.000Z", "Europe/Paris")).toBe("2030-07-01T10:00")
    expect(isoToZoned("2030-01-01T00:30:00.000Z", "Asia/Tokyo")).toBe("2030-01-01T09:30")
  })

  it("offers tomorrow 10:00 in the contact's zone and describes it with the zone", () => {
    expect(tomorrowAt(Date.parse("2030-03-01T23:30:00.000Z"), "Asia/Tokyo")).toBe("2030-03-03T10:00") // already 2 March in Tokyo
    expect(tomorrowAt(Date.parse("2030-03-01T23:30:00.000Z"), "America/Los_Angeles")).toBe("2030-03-02T10:00")
    expect(describeIn("2030-03-02T09:00:00.000Z", "Europe/Paris")).toMatch(/10:00.*\(Europe\/Paris\)/)
  })
})

describe("checkForm in French", () => {
  it("says what is missing in French", () => {
    expect(checkForm(prompt, { disposition: null, note: "", callbackLocal: "" }, NOW, "fr")).toEqual({ ok: false, error: "Choisissez le résultat (touches 1 à 9)." })
    expect(checkForm(prompt, { disposition: "connected", note: "x".repeat(2001), callbackLocal: "" }, NOW, "fr")).toEqual({
      ok: false,
      error: "La note fait 2001 caractères : 2000 au maximum.",
    })
  })
})
