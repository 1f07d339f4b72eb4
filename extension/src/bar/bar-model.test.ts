import type { DialerState } from "@dialer/shared"
import { describe, expect, it } from "vitest"

import type { DialerView } from "../lib/messages"
import { barModel } from "./bar-model"

const T0 = Date.parse("2030-01-01T12:00:00.000Z")
const inCall: DialerState = {
  status: "in_call",
  remaining: 2,
  delaySeconds: 5,
  current: { itemId: "a", phone: "+14155550132", name: "Ada", startedAt: "2030-01-01T12:00:00.000Z", answeredAt: "2030-01-01T12:00:00.000Z" },
}
const view = (over: Partial<DialerView> = {}): DialerView => ({ signedIn: true, state: inCall, current: { name: "Ada", phone: "+14155550132" }, next: { name: "Bo", phone: "+14155550133" }, ...over })

describe("barModel", () => {
  it("online: the timer runs and the buttons act", () => {
    const model = barModel(view({ connection: { status: "online", since: "2030-01-01T11:00:00.000Z" } }), T0 + 50_000)
    expect(model).toMatchObject({ label: "In call", tone: "live", held: null, notice: null, next: "Bo" })
    expect(model.call?.timer).toBe("0:50")
  })

  it("offline: says so, freezes the timer where the link was lost and holds the buttons", () => {
    const offline = { status: "offline" as const, since: "2030-01-01T12:00:20.000Z" }
    const model = barModel(view({ connection: offline }), T0 + 90_000)
    expect(model.label).toBe("Offline")
    expect(model.call?.timer).toMatch(/^0:20 \(as of /)
    expect(model.notice?.what).toMatch(/^Offline since/)
    expect(model.notice?.todo).toContain("calls in Aircall are not affected")
    expect(model.held).toBeTruthy()
  })

  it("a failed command reads in plain words and wins over other notices", () => {
    const model = barModel(view(), T0, "405 Method Not Allowed: User not available")
    expect(model.notice).toMatchObject({ id: "aircall-unavailable", detail: "405 Method Not Allowed: User not available" })
  })

  it("a paused run shows its reason as the notice; a countdown counts", () => {
    const paused = barModel(view({ state: { ...inCall, status: "paused", current: undefined, pausedReason: "Aircall Workspace is closed" } }), T0)
    expect(paused.notice?.what).toBe("Paused: Aircall Workspace is closed")
    const waiting = barModel(view({ state: { ...inCall, status: "wrap_up", current: undefined, nextDialAt: "2030-01-01T12:00:05.000Z" } }), T0 + 1000)
    expect(waiting).toMatchObject({ label: "Next call", countdown: "in 4 s" })
  })
})

describe("barModel in French", () => {
  it("says the status, countdown, pause and offline notice in French", () => {
    const online = { status: "online" as const, since: "2030-01-01T11:00:00.000Z" }
    expect(barModel(view({ connection: online }), T0 + 50_000, null, "fr").label).toBe("Appel en cours")
    const countdown: DialerState = { status: "wrap_up", remaining: 2, delaySeconds: 5, nextDialAt: "2030-01-01T12:00:05.000Z" }
    expect(barModel(view({ state: countdown, connection: online }), T0, null, "fr")).toMatchObject({ label: "Appel suivant", countdown: "dans 5 s" })
    const paused: DialerState = { status: "paused", remaining: 2, delaySeconds: 5, pausedReason: "Paused by you" }
    expect(barModel(view({ state: paused, connection: online }), T0, null, "fr").notice?.what).toBe("Mis en pause par vous")
    const offline = barModel(view({ connection: { status: "offline", since: "2030-01-01T12:00:20.000Z" } }), T0 + 90_000, null, "fr")
    expect(offline.label).toBe("Hors ligne")
    expect(offline.notice?.what).toMatch(/^Hors ligne depuis/)
    expect(offline.held).toBe("Pas de connexion au dialer : réessayez une fois la connexion rétablie.")
  })
})
