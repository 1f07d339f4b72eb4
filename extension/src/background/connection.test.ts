import { describe, expect, it } from "vitest"

import type { ConnectionView } from "../lib/messages"
import { ConnectionTracker } from "./connection"

function tracker() {
  let now = Date.parse("2030-01-01T12:00:00.000Z")
  const changes: ConnectionView[] = []
  const t = new ConnectionTracker({ now: () => now, onChange: (v) => void changes.push(v) })
  return { t, changes, advance: (ms: number) => (now += ms) }
}

describe("ConnectionTracker", () => {
  it("starts connecting, goes online when the socket opens, offline from the moment it is lost", () => {
    const { t, changes, advance } = tracker()
    expect(t.get()).toEqual({ status: "connecting", since: "2030-01-01T12:00:00.000Z" })
    advance(1000)
    t.opened()
    expect(t.get()).toEqual({ status: "online", since: "2030-01-01T12:00:01.000Z" })
    advance(60_000)
    t.lost()
    expect(t.get()).toEqual({ status: "offline", since: "2030-01-01T12:01:01.000Z" })
    advance(5000)
    t.lost() // further failed attempts keep the first moment
    expect(t.get().since).toBe("2030-01-01T12:01:01.000Z")
    t.opened()
    expect(changes.map((c) => c.status)).toEqual(["online", "offline", "online"])
  })

  it("a link never made counts as offline since start-up", () => {
    const { t, advance } = tracker()
    advance(9000)
    t.lost()
    expect(t.get()).toEqual({ status: "offline", since: "2030-01-01T12:00:00.000Z" })
  })

  it("sign-out resets it to connecting", () => {
    const { t } = tracker()
    t.opened()
    t.reset()
    expect(t.get().status).toBe("connecting")
  })
})
