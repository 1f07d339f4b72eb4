import type { CallEndedMessage, DialerState, Outcome } from "@dialer/shared"

import type { DialerDB } from "./db"
import { dialingRows } from "./queue"
import type { QueueStatus } from "./types"


const STATUS_BY_OUTCOME: Record<Outcome, QueueStatus> = {
  answered: "done",
  no_answer: "done",
  failed: "failed",
  skipped: "skipped",
}

/**
 * Store a pushed state and reflect it on the queue: the current item is "dialing"; when the run
 * is over, rows still marked "dialing" that never got an outcome go back to "pending".
 */
export async function applyState(db: DialerDB, state: DialerState, now = new Date()): Promise<void> {
  await db.transaction("rw", db.queue, db.runtime, db.lists, async () => {
    // A snapshot fetched over HTTP can arrive after a newer pushed one: keep the newer.
    const stored = await db.runtime.get("dialer")
    const storedAt = stored?.key === "dialer" ? stored.state?.updatedAt : undefined
    if (storedAt && state.updatedAt && state.updatedAt < storedAt) return
    await db.runtime.put({ key: "dialer", state, receivedAt: now.toISOString() })
    const currentId = state.current?.itemId
    // Only the current item is being dialled; any other (e.g. put back after a 405) is pending again,
    // so queue edits sent during the pause still include it.
    const dialing = await dialingRows(db)
    for (const row of dialing) {
      if (row.id !== currentId) await db.queue.update(row.id, { status: "pending" })
    }
    if (currentId) {
      const row = await db.queue.get(currentId)
      if (row && row.status === "pending") await db.queue.update(currentId, { status: "dialing" })
    }
  })
}

/** A call ended: its row gets its outcome, one more attempt, and leaves the pending list. */
export async function applyCallEnded(db: DialerDB, msg: CallEndedMessage): Promise<void> {
  await db.transaction("rw", db.queue, async () => {
    const row = await db.queue.get(msg.itemId)
    if (!row) return
    // Outside the callee's calling hours: not dialed, kept for a later run.
    if (msg.reasonCode === "outside_calling_hours") return void (await db.queue.update(msg.itemId, { status: "pending", lastOutcome: msg.outcome }))
    await db.queue.update(msg.itemId, {
      status: STATUS_BY_OUTCOME[msg.outcome],
      attempts: row.attempts + 1,
      lastOutcome: msg.outcome,
    })
  })
}

/**
 * After a resync, history says how calls we missed ended: rows still pending or dialling whose
 * item has an entry dialled after the row was (re)queued take that outcome.
 */
export async function applyHistoryOutcomes(
  db: DialerDB,
  entries: { itemId: string; outcome: Outcome; at: string }[],
  currentItemId?: string,
): Promise<void> {
  await db.transaction("rw", db.queue, async () => {
    for (const entry of entries) {
      if (entry.itemId === currentItemId) continue
      const row = await db.queue.get(entry.itemId)
      if (!row || (row.status !== "pending" && row.status !== "dialing")) continue
      if (entry.at < row.addedAt) continue
      await db.queue.update(row.id, { status: STATUS_BY_OUTCOME[entry.outcome], lastOutcome: entry.outcome })
    }
  })
}
