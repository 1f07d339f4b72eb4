import type { HistoryEntry } from "@dialer/shared"

import type { DialerDB } from "./db"
import type { HistoryRow } from "./types"

export function historyKey(entry: Pick<HistoryEntry, "itemId" | "startedAt"> & { at?: string }): string {
  return `${entry.itemId}|${entry.startedAt ?? entry.at ?? ""}`
}

/** Mirror entries from the worker: the worker is the authority, so its fields replace ours. */
export async function mirrorHistory(db: DialerDB, entries: HistoryEntry[]): Promise<void> {
  if (entries.length === 0) return
  await db.history.bulkPut(entries.map((e) => ({ ...e, key: historyKey(e) })))
}

/** Newest dials first. */
export async function recentHistory(db: DialerDB, limit = 10): Promise<HistoryRow[]> {
  return db.history.orderBy("at").reverse().limit(limit).toArray()
}
