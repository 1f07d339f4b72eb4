import { describe, expect, it } from "vitest"

import { allowedFrom } from "./sender"

const ID = "abcdefghijklmnop"
const contentScript = { id: ID, tab: { id: 3 }, url: "https://app.hubspot.com/contacts/1" }
const popup = { id: ID, url: `chrome-extension://${ID}/popup.html` }
const historyTab = { id: ID, tab: { id: 4 }, url: `chrome-extension://${ID}/tabs/history.html` }

describe("who may send what", () => {
  it("content scripts may add numbers and use the bar, nothing else", () => {
    for (const type of ["queue.add", "queue.phones", "dialer.snapshot", "dialer.command"]) expect(allowedFrom(contentScript, ID, type)).toBe(true)
    for (const type of ["dialer.start", "auth.enroll", "auth.signOut", undefined]) expect(allowedFrom(contentScript, ID, type)).toBe(false)
  })

  it("extension pages may send anything; other extensions may not", () => {
    expect(allowedFrom(popup, ID, "dialer.start")).toBe(true)
    expect(allowedFrom(historyTab, ID, "auth.signOut")).toBe(true)
    expect(allowedFrom({ id: "someone-else", url: "chrome-extension://someone-else/x.html" }, ID, "dialer.start")).toBe(false)
  })
})
