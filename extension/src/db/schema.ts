import type Dexie from "dexie"

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
}
