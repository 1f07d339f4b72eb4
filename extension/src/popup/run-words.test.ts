import type { DialerState } from "@dialer/shared"
import { describe, expect, it } from "vitest"

import type { QueueRow } from "../db/types"
import { announcement, callIsLive, nextContact, pausedText, statusWord } from "./run-words"

const row = (phone: string, name: string | undefined, status: QueueRow["status"] = "pending"): QueueRow =>
  ({ id: phone, phone, name, status, position: 0, addedAt: "2026-12-01T10:00:00.000Z" }) as unknown as QueueRow
const at = "2026-12-03T10:00:00.000Z"

describe("run words", () => {
  it("labels a plain countdown 'Next call', not 'Wrapping up'", () => {
    expect(statusWord({ status: "wrap_up", remaining: 2, delaySeconds: 5, nextDialAt: at })).toBe("Next call")
    expect(statusWord({ status: "wrap_up", remaining: 2, delaySeconds: 5 })).toBe("Wrapping up")
    expect(statusWord({ status: "in_call", remaining: 2, delaySeconds: 5, current: { itemId: "a", phone: "+14155550100", startedAt: at } })).toBe("In call")
    expect(statusWord(null)).toBe("Ready")
  })

  it("never says 'Paused: Paused by you'", () => {
    expect(pausedText("Paused by you")).toBe("Paused by you")
    expect(pausedText("Aircall says you are not available")).toBe("Paused: Aircall says you are not available")
    expect(pausedText(undefined)).toBe("Paused")
  })

  it("names the next contact, skipping held and finished rows and the number on the line", () => {
    const rows = [row("+14155550100", "Ann Lee", "done"), row("+14155550101", "Bo Kim", "dialing"), row("+14155550102", "Cy Diaz"), row("+14155550103", undefined)]
    expect(nextContact(rows, { phone: "+14155550101", name: "Bo Kim" })).toBe("Cy Diaz")
    expect(nextContact([row("+14155550103", undefined)])).toBe("+1 415 555 0103")
    expect(nextContact([row("+14155550100", "Ann Lee", "done")])).toBeNull()
  })

  it("says when the next number belongs to the contact on the line", () => {
    const rows = [row("+14155550101", "Maria Johnson", "dialing"), row("+16285550187", "Maria Johnson")]
    expect(nextContact(rows, { phone: "+14155550101", name: "Maria Johnson" })).toBe("Maria Johnson, another number")
  })

  it("announces state changes in words, and what Stop leaves in Aircall", () => {
    const current = { itemId: "a", phone: "+14155550100", name: "Ann Lee", startedAt: at }
    expect(announcement({ status: "ringing", remaining: 1, delaySeconds: 5, current }, null, false)).toBe("Ringing Ann Lee.")
    expect(announcement({ status: "wrap_up", remaining: 1, delaySeconds: 5, nextDialAt: at }, "Cy Diaz", false)).toBe("Call ended. Next call: Cy Diaz.")
    expect(announcement({ status: "paused", remaining: 1, delaySeconds: 5, pausedReason: "Paused by you" }, null, false)).toBe("Paused by you.")
    expect(announcement({ status: "stopped", remaining: 1, delaySeconds: 5 }, null, false)).toBe("Run stopped.")
    expect(announcement({ status: "in_call", remaining: 1, delaySeconds: 5, current }, null, true)).toMatch(/^Offline/)
    expect(callIsLive({ status: "stopped", remaining: 1, delaySeconds: 5, current })).toBe(false)
    expect(callIsLive({ status: "in_call", remaining: 1, delaySeconds: 5, current })).toBe(true)
  })
})

describe("run words in French", () => {
  const current = { itemId: "a", phone: "+14155550100", name: "Ann Lee", startedAt: at }
  it("names states, pauses and the next contact in French", () => {
    expect(statusWord({ status: "wrap_up", remaining: 2, delaySeconds: 5, nextDialAt: at }, "fr")).toBe("Appel suivant")
    expect(statusWord({ status: "in_call", remaining: 2, delaySeconds: 5, current }, "fr")).toBe("Appel en cours")
    expect(pausedText("Paused by you", "fr")).toBe("Mis en pause par vous")
    expect(pausedText("You are unavailable in Aircall. The run goes on when you are available again.", "fr")).toBe(
      "En pause : Vous êtes indisponible dans Aircall. La session reprend dès que vous êtes disponible.",
    )
    expect(pausedText("Aircall refused 3 numbers in a row", "fr")).toBe("En pause : Aircall refused 3 numbers in a row")
    expect(nextContact([row("+14155550101", "Ann Lee")], { phone: "+14155550100", name: "Ann Lee" }, "fr")).toBe("Ann Lee, autre numéro")
  })
  it("announces in French", () => {
    expect(announcement({ status: "ringing", remaining: 1, delaySeconds: 5, current }, null, false, "fr")).toBe("Ça sonne chez Ann Lee.")
    expect(announcement({ status: "wrap_up", remaining: 1, delaySeconds: 5, nextDialAt: at }, "Cy Diaz", false, "fr")).toBe("Appel terminé. Appel suivant : Cy Diaz.")
    expect(announcement({ status: "paused", remaining: 1, delaySeconds: 5, pausedReason: "Paused by you" }, null, false, "fr")).toBe("Mis en pause par vous.")
    expect(announcement(null, null, true, "fr")).toMatch(/^Hors ligne/)
  })
})
