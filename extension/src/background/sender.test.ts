import { describe, expect, it } from "vitest"

import { allowedFrom } from "./sender"

const ID = "abcdefghijklmnop"
const contentScript = { id: ID, tab: { id: 3 }, url: "https://app.hubspot.com/contacts/1" }
const popup = { id: ID, url: `chrome-extension://${ID}/popup.html` }
const historyTab = { id: ID, tab: { id: 4 }, url: `chrome-extension://${ID}/tabs/history.html` }
const command = (c: string) => ({ type: "dialer.command", command: c })

describe("who may send what", () => {
  it("content scripts may add numbers, read the bar's view, pause and stop", () => {
    for (const type of ["queue.add", "queue.phones", "dialer.snapshot"]) expect(allowedFrom(contentScript, ID, { type })).toBe(true)
    for (const c of ["pause", "stop"]) expect(allowedFrom(contentScript, ID, command(c))).toBe(true)
  })

  it("content scripts may not start, resume or skip a run, edit the queue, sign in or out", () => {
    for (const c of ["resume", "skip", "start", undefined as unknown as string]) expect(allowedFrom(contentScript, ID, command(c))).toBe(false)
    for (const type of ["dialer.start", "queue.edited", "sync.now", "stats.get", "auth.enroll", "auth.signOut", undefined]) {
      expect(allowedFrom(contentScript, ID, { type })).toBe(false)
    }
    expect(allowedFrom(contentScript, ID, null)).toBe(false)
  })

  it("extension pages may send anything; other extensions may not", () => {
    expect(allowedFrom(popup, ID, { type: "dialer.start" })).toBe(true)
    expect(allowedFrom(popup, ID, command("resume"))).toBe(true)
    expect(allowedFrom(historyTab, ID, { type: "auth.signOut" })).toBe(true)
    expect(allowedFrom({ id: "someone-else", url: "chrome-extension://someone-else/x.html" }, ID, { type: "dialer.start" })).toBe(false)
    expect(allowedFrom({ id: "someone-else", tab: { id: 1 } }, ID, { type: "queue.add" })).toBe(false)
  })
})
