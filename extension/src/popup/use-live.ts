import { useLiveQuery } from "dexie-react-hooks"

import { db } from "../db/db"
import { recentHistory } from "../db/history"
import { holdOf, listQueue } from "../db/queue"
import { readAccount, readDialerState, readError } from "../db/runtime"
import type { QueueRow } from "../db/types"

/** Live reads of IndexedDB: the background writes, the popup re-renders. */
export const useDialerState = () => useLiveQuery(() => readDialerState(db), [], undefined)
export const useAccount = () => useLiveQuery(() => readAccount(db), [], undefined)
export const useLastError = () => useLiveQuery(() => readError(db), [], null)
export const useRecentHistory = (limit: number) => useLiveQuery(() => recentHistory(db, limit), [limit], [])

/**
 * `held`: pending rows waiting for the agent to include or confirm them (not counted in `pending`).
 * `loading`: the first read has not answered yet (right after a big "Add all" it waits for the rows
 * being written): nothing is known, which is not the same as an empty queue.
 */
export type QueueSnapshot = { rows: QueueRow[]; pending: number; held: number; done: number; failed: number; skipped: number; loading?: boolean }

const EMPTY: QueueSnapshot = { rows: [], pending: 0, held: 0, done: 0, failed: 0, skipped: 0 }
const LOADING: QueueSnapshot = { ...EMPTY, loading: true }

export function useQueue(): QueueSnapshot {
  return useLiveQuery(
    async () => {
      const rows = await listQueue(db)
      const snapshot = { ...EMPTY, rows }
      for (const row of rows) {
        if (row.status === "pending" && holdOf(row)) snapshot.held++
        else if (row.status === "pending") snapshot.pending++
        else if (row.status === "done") snapshot.done++
        else if (row.status === "failed") snapshot.failed++
        else if (row.status === "skipped") snapshot.skipped++
      }
      return snapshot
    },
    [],
    LOADING,
  )
}
