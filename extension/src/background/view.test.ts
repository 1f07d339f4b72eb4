import "fake-indexeddb/auto"

import { describe, expect, it } from "vitest"

import { DialerDB } from "../db/db"
import { buildView, setConnectionSource } from "./view"

describe("buildView", () => {
  it("carries the connection state, so the bar can say it is offline", async () => {
    const db = new DialerDB(`view-test-${Date.now()}`)
    const offline = { status: "offline" as const, since: "2030-01-01T12:03:00.000Z" }
    setConnectionSource(() => offline)
    expect((await buildView(db, true)).connection).toEqual(offline)
    setConnectionSource(() => undefined)
    expect(await buildView(db, true)).not.toHaveProperty("connection")
  })
})
