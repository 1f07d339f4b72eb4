import type { HistoryEntry } from "@dialer/shared"

import type { DialerDB } from "./db"
import type { HistoryRow } from "./types"

export function historyKey(entry: Pick<HistoryEntry, "itemId" | "startedAt">): string {
  return `${entry.itemId}|${entry.startedAt ?? ""}`
}

/** Mirror entries from the worker: the worker is the authority, so its fields replace ours. */
export async function mirrorHistory(db: DialerDB, entries: HistoryEntry[]): Promise<void> {
  if (entries.length === 0) return
  await db.transaction("rw", db.history, async () => {
    // An entry first seen before it was dialled (no startedAt) is replaced by the dialled one.
    const early = entries.filter((e) => e.startedAt).map((e) => historyKey({ ...e, startedAt: null }))
    await db.history.bulkDelete(early)
    await db.history.bulkPut(entries.map((e) => ({ ...e, key: historyKey(e) })))
  })
}

/** Newest dials first. */
export async function recentHistory(db: DialerDB, limit = 10): Promise<HistoryRow[]> {
  return db.history.orderBy("startedAt").reverse().limit(limit).toArray()
}
