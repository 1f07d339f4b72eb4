import "fake-indexeddb/auto"

import type { DialerState } from "@dialer/shared"
import { describe, expect, it } from "vitest"

import { applyState } from "../db/run-sync"
import { freshDb } from "../db/test-db"
import { BADGE_COLORS, badgeFor } from "./badge"
import { commandForShortcut } from "./commands"

const state = (status: DialerState["status"], extra: Partial<DialerState> = {}): DialerState => ({
  status, remaining: 3, delaySeconds: 5, ...extra,
})

describe("toolbar badge", () => {
  it("counts pending numbers and colours by what the run does", () => {
    expect(badgeFor(state("ringing"), 3, true)).toEqual({ text: "3", color: BADGE_COLORS.live })
    expect(badgeFor(state("paused"), 3, true)).toEqual({ text: "3", color: BADGE_COLORS.waiting })
    expect(badgeFor(state("wrap_up", { nextDialAt: "2030-01-01T00:00:00.000Z" }), 0, true).color).toBe(BADGE_COLORS.waiting)
    expect(badgeFor(state("idle"), 0, true)).toEqual({ text: "", color: BADGE_COLORS.idle })
    expect(badgeFor(null, 12_000, false)).toEqual({ text: "999+", color: BADGE_COLORS.signedOut })
  })
})

describe("keyboard shortcuts", () => {
  it("toggle-pause pauses a live run and resumes a paused one; skip works during a run", async () => {
    const db = freshDb()
    expect(await commandForShortcut(db, "toggle-pause")).toBeNull()
    await applyState(db, state("in_call"))
    expect(await commandForShortcut(db, "toggle-pause")).toBe("pause")
    expect(await commandForShortcut(db, "skip")).toBe("skip")
    await applyState(db, state("paused"))
    expect(await commandForShortcut(db, "toggle-pause")).toBe("resume")
    await applyState(db, state("completed"))
    expect(await commandForShortcut(db, "toggle-pause")).toBeNull()
    expect(await commandForShortcut(db, "skip")).toBeNull()
    expect(await commandForShortcut(db, "unknown")).toBeNull()
  })
})
