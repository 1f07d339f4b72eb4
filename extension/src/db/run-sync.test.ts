import "fake-indexeddb/auto"

import type { DialerState, HistoryEntry } from "@dialer/shared"
import { describe, expect, it } from "vitest"

import { mirrorHistory, recentHistory } from "./history"
import { addNumbers, listQueue, pendingItems } from "./queue"
import { readDialerState } from "./runtime"
import { applyCallEnded, applyHistoryOutcomes, applyState } from "./run-sync"
import { freshDb } from "./test-db"

const running = (itemId: string, phone: string): DialerState => ({
  status: "ringing",
  current: { itemId, phone, startedAt: "2030-01-01T10:00:00.000Z" },
  remaining: 1,
  delaySeconds: 5,
})

function entry(itemId: string, startedAt: string | null, outcome: HistoryEntry["outcome"]): HistoryEntry {
  return {
    itemId, at: startedAt ?? "2030-01-01T09:30:00.000Z", phone: "+15550000001", name: null, callId: startedAt ? "123" : null, outcome, startedAt,
    answeredAt: null, endedAt: null, durationSeconds: null, talkSeconds: null,
  }
}

describe("applying the worker's messages", () => {
  it("marks the current item dialling, then done on call.ended", async () => {
    const db = freshDb()
    await addNumbers(db, [{ phone: "+15550000001" }, { phone: "+15550000002" }], { now: "2030-01-01T00:00:00.000Z" })
    const [a, b] = await listQueue(db)
    await applyState(db, running(a!.id, a!.phone))
    expect((await db.queue.get(a!.id))?.status).toBe("dialing")
    expect((await readDialerState(db))?.status).toBe("ringing")

    await applyCallEnded(db, { type: "call.ended", itemId: a!.id, callId: "9", outcome: "no_answer" })
    expect(await db.queue.get(a!.id)).toMatchObject({ status: "done", attempts: 1, lastOutcome: "no_answer" })

    await applyState(db, running(b!.id, b!.phone))
    await applyCallEnded(db, { type: "call.ended", itemId: b!.id, callId: null, outcome: "failed" })
    expect((await db.queue.get(b!.id))?.status).toBe("failed")
  })

  it("keeps a number skipped for calling hours pending for a later run", async () => {
    const db = freshDb()
    await addNumbers(db, [{ phone: "+15550000001" }], { now: "2030-01-01T00:00:00.000Z" })
    const [a] = await listQueue(db)
    await applyState(db, running(a!.id, a!.phone))
    await applyCallEnded(db, { type: "call.ended", itemId: a!.id, callId: null, outcome: "skipped", reasonCode: "outside_calling_hours", retryAt: "2030-01-01T13:00:00.000Z" })
    expect(await db.queue.get(a!.id)).toMatchObject({ status: "pending", attempts: 0 })
    await applyCallEnded(db, { type: "call.ended", itemId: a!.id, callId: null, outcome: "skipped", reasonCode: "do_not_call" })
    expect((await db.queue.get(a!.id))?.status).not.toBe("pending")
  })

  it("puts an unfinished dialling row back to pending when the run stops", async () => {
    const db = freshDb()
    await addNumbers(db, [{ phone: "+15550000001" }])
    const [a] = await listQueue(db)
    await applyState(db, running(a!.id, a!.phone))
    await applyState(db, { status: "stopped", remaining: 0, delaySeconds: 5 })
    expect((await db.queue.get(a!.id))?.status).toBe("pending")
  })

  it("puts the item back to pending when Aircall's 405 pauses the run before its call, so queue edits keep it", async () => {
    const db = freshDb()
    await addNumbers(db, [{ phone: "+15550000001" }, { phone: "+15550000002" }], { now: "2030-01-01T00:00:00.000Z" })
    const [a] = await listQueue(db)
    await applyState(db, running(a!.id, a!.phone))
    await applyState(db, { status: "paused", pausedReason: "not available", remaining: 2, delaySeconds: 5 })
    expect((await db.queue.get(a!.id))?.status).toBe("pending")
    expect((await pendingItems(db)).map((i) => i.id)).toContain(a!.id)
  })

  it("keeps the newer state when an older snapshot arrives after it", async () => {
    const db = freshDb()
    await applyState(db, { ...running("x", "+15550000001"), updatedAt: "2030-01-01T10:00:05.000Z" })
    await applyState(db, { status: "dialing", remaining: 2, delaySeconds: 5, updatedAt: "2030-01-01T10:00:01.000Z" })
    expect((await readDialerState(db))?.status).toBe("ringing")
  })

  it("ignores call.ended for an unknown item", async () => {
    const db = freshDb()
    await applyCallEnded(db, { type: "call.ended", itemId: "nope", callId: null, outcome: "skipped" })
    expect(await db.queue.count()).toBe(0)
  })

  it("mirrors history idempotently and applies missed outcomes after a resync", async () => {
    const db = freshDb()
    await addNumbers(db, [{ phone: "+15550000001" }], { now: "2030-01-01T00:00:00.000Z" })
    const [a] = await listQueue(db)
    // skipped in an earlier run (never started), dialled in this one: two entries, newest first
    await mirrorHistory(db, [entry(a!.id, null, "skipped")])
    const dialled = [entry(a!.id, "2030-01-01T10:00:00.000Z", "answered")]
    await mirrorHistory(db, dialled)
    await mirrorHistory(db, dialled)
    expect(await db.history.count()).toBe(2)
    expect((await recentHistory(db)).map((h) => h.outcome)).toEqual(["answered", "skipped"])

    await applyHistoryOutcomes(db, dialled)
    expect(await db.queue.get(a!.id)).toMatchObject({ status: "done", lastOutcome: "answered" })
  })

  it("does not apply an outcome older than the row's re-queue", async () => {
    const db = freshDb()
    await addNumbers(db, [{ phone: "+15550000001" }], { now: "2030-01-02T00:00:00.000Z" })
    const [a] = await listQueue(db)
    await applyHistoryOutcomes(db, [entry(a!.id, "2030-01-01T10:00:00.000Z", "answered")])
    expect((await db.queue.get(a!.id))?.status).toBe("pending")
  })
})
