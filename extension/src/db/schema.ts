import type { Dexie, Transaction } from "dexie"

/**
 * Every schema version, oldest first. Never edit a shipped version: add the next one with an
 * upgrade function and a test (db-upgrade.test.ts) that opens the previous version with data.
 */
export const SCHEMA_V1 = {
  contacts: "&phone, crm, createdAt",
  queue: "&id, &phone, position, status",
  history: "&key, callId, startedAt",
  settings: "&key",
  runtime: "&key",
} as const

/** v2: ordered pending look-ups ([status+position]), history by item, attempts/lastOutcome. */
export const SCHEMA_V2 = {
  ...SCHEMA_V1,
  queue: "&id, &phone, position, status, [status+position]",
  history: "&key, itemId, callId, startedAt",
} as const

/** v3: history ordered by `at` (dial or skip time), which skipped entries have and startedAt lacks. */
export const SCHEMA_V3 = {
  ...SCHEMA_V2,
  history: "&key, itemId, callId, startedAt, at",
} as const

/**
 * v4: named lists. Every queue row belongs to a list (`listId`); a number is unique per list, not
 * overall ([listId+phone]); history is searchable by phone (a contact's calls). Today's single queue
 * becomes the first list, "My queue", which is active.
 */
export const SCHEMA_V4 = {
  ...SCHEMA_V3,
  lists: "&id, position",
  // Rows are only read per list now: the global phone, position, status and [status+position]
  // indexes go, so adding 10,000 numbers writes three secondary indexes instead of four.
  queue: "&id, &[listId+phone], [listId+position], [listId+status+position]",
  history: "&key, itemId, callId, startedAt, at, phone",
} as const

/**
 * v5: "Add all" of thousands of numbers. `staged` holds a big add in compact form until its rows
 * are written (see queue-stage.ts): one row per batch, no secondary index. (Contacts keep their
 * indexes: without them, the Lists page took ~10 s longer to show a 50,000-row import's counts.)
 */
export const SCHEMA_V5 = {
  ...SCHEMA_V4,
  staged: "&id",
} as const

/** The list today's queue moves into, and the one a fresh database starts with. */
export const FIRST_LIST = { id: "default", name: "My queue" } as const

/** The first list and the runtime row naming the active list (upgrade and populate both use it). */
export async function createFirstList(tx: Transaction, now = new Date().toISOString()): Promise<void> {
  await tx.table("lists").put({ id: FIRST_LIST.id, name: FIRST_LIST.name, position: 1, createdAt: now, mode: "run" })
  await tx.table("runtime").put({ key: "activeList", listId: FIRST_LIST.id })
}

type HistoryLike = { itemId: string; outcome: string; startedAt: string | null }

export function declareVersions(db: Dexie): void {
  db.version(1).stores(SCHEMA_V1)
  db.version(2)
    .stores(SCHEMA_V2)
    .upgrade(async (tx) => {
      const latest = new Map<string, HistoryLike>()
      await tx
        .table<HistoryLike>("history")
        .each((entry) => {
          const seen = latest.get(entry.itemId)
          if (!seen || (entry.startedAt ?? "") > (seen.startedAt ?? "")) latest.set(entry.itemId, entry)
        })
      await tx
        .table("queue")
        .toCollection()
        .modify((row: Record<string, unknown>) => {
          row.attempts = typeof row.attempts === "number" ? row.attempts : 0
          row.lastOutcome = latest.get(String(row.id))?.outcome ?? null
        })
    })
  db.version(3)
    .stores(SCHEMA_V3)
    .upgrade(async (tx) => {
      await tx
        .table("history")
        .toCollection()
        .modify((row: Record<string, unknown>) => {
          row.at = row.at ?? row.startedAt ?? row.endedAt ?? new Date(0).toISOString()
        })
    })
  db.version(4)
    .stores(SCHEMA_V4)
    .upgrade(async (tx) => {
      await createFirstList(tx)
      // Nobody loses a queued number: every row, whatever its status, goes into the first list.
      await tx
        .table("queue")
        .toCollection()
        .modify((row: Record<string, unknown>) => {
          row.listId = FIRST_LIST.id
        })
    })
  // A table is added: no row changes.
  db.version(5).stores(SCHEMA_V5)
  db.on("populate", (tx) => createFirstList(tx))
}
