import type { DialerDB } from "./db"
import { activeListId } from "./lists"
import { listRows } from "./queue"

const MIN_GAP = 1e-6

/**
 * Move a row to `toIndex` in its list's order. Positions are fractional so one move writes one row;
 * when two neighbours get too close, the whole queue is renumbered in the same transaction.
 */
export async function moveItem(db: DialerDB, id: string, toIndex: number): Promise<void> {
  await db.transaction("rw", db.queue, async () => {
    const row = await db.queue.get(id)
    if (!row) return
    const rows = await listRows(db, row.listId)
    const from = rows.findIndex((r) => r.id === id)
    if (from < 0) return
    const target = Math.max(0, Math.min(rows.length - 1, toIndex))
    if (target === from) return
    const [moved] = rows.splice(from, 1)
    if (!moved) return
    rows.splice(target, 0, moved)
    const before = rows[target - 1]?.position
    const after = rows[target + 1]?.position
    const position =
      before === undefined ? (after ?? 1) - 1 : after === undefined ? before + 1 : (before + after) / 2
    const tooTight =
      (before !== undefined && position - before < MIN_GAP) || (after !== undefined && after - position < MIN_GAP)
    if (!tooTight) {
      await db.queue.update(id, { position })
      return
    }
    await db.queue.bulkUpdate(rows.map((r, i) => ({ key: r.id, changes: { position: i + 1 } })))
  })
}

/** Move one place up (-1) or down (+1). */
export async function nudgeItem(db: DialerDB, id: string, delta: -1 | 1): Promise<void> {
  const row = await db.queue.get(id)
  if (!row) return
  const index = (await listRows(db, row.listId)).findIndex((r) => r.id === id)
  if (index >= 0) await moveItem(db, id, index + delta)
}

export async function removeItem(db: DialerDB, id: string): Promise<void> {
  await db.queue.delete(id)
}

/** Remove everything from the active list (or `listId`) except the number being dialled right now. */
export async function clearQueue(db: DialerDB, listId?: string): Promise<number> {
  return db.transaction("rw", [db.queue, db.lists, db.runtime], async () => {
    const target = listId ?? (await activeListId(db))
    return db.queue
      .where("[listId+position]")
      .between([target, -Infinity], [target, Infinity])
      .filter((r) => r.status !== "dialing")
      .delete()
  })
}

/** The agent includes a number added from a page during a run: it may now be sent to the worker. */
export async function includeItem(db: DialerDB, id: string): Promise<void> {
  await db.queue.update(id, { awaitingApproval: false })
}

/** The agent confirms a premium-rate or shared-cost number: it may now be dialed. */
export async function confirmItem(db: DialerDB, id: string): Promise<void> {
  await db.queue.update(id, { riskConfirmed: true })
}
