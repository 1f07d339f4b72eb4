import Dexie from "dexie"

import type { QueueItem } from "@dialer/shared"

import type { CapturedNumber } from "../lib/messages"

import { httpUrl } from "../lib/safe-url"
import { upsertContacts } from "./contacts"
import type { DialerDB } from "./db"
import { activeListId, assertRunnable } from "./lists"
import { numberRisk } from "./number-risk"
import { measureSince } from "./queue-timing"
import { STAGE_MIN, type StagedNew, queueRowsOf, scheduleStagedWrite, stagedRowOf, writeStagedIn } from "./queue-stage"
import type { QueueRow, QueueStatus } from "./types"

const ACTIVE: QueueStatus[] = ["pending", "dialing"]

export function newItemId(): string {
  return crypto.randomUUID()
}

/** A list's rows in order (all statuses). */
export function listRows(db: DialerDB, listId: string): Promise<QueueRow[]> {
  return db.queue.where("[listId+position]").between([listId, -Infinity], [listId, Infinity]).toArray()
}

/** The active list's rows in queue order (all statuses). */
export async function listQueue(db: DialerDB): Promise<QueueRow[]> {
  return listRows(db, await activeListId(db))
}

export function rowsWithStatus(db: DialerDB, listId: string, status: QueueStatus): Promise<QueueRow[]> {
  return db.queue
    .where("[listId+status+position]")
    .between([listId, status, Dexie.minKey], [listId, status, Dexie.maxKey])
    .toArray()
}

/** Why a pending row waits for the agent instead of going to the worker; null when it may be dialed. */
export type Hold = "approval" | "confirm"

export function holdOf(row: Pick<QueueRow, "phone" | "awaitingApproval" | "risk" | "riskConfirmed">): Hold | null {
  if (row.awaitingApproval) return "approval"
  const risk = row.risk === undefined ? numberRisk(row.phone) : row.risk
  return risk && !row.riskConfirmed ? "confirm" : null
}

async function pendingRows(db: DialerDB): Promise<QueueRow[]> {
  return rowsWithStatus(db, await activeListId(db), "pending")
}

/**
 * Pending rows in queue order, as the worker wants them: without those the agent has not approved
 * (added from a page during a run) or confirmed (premium rate, shared cost).
 */
export async function pendingItems(db: DialerDB): Promise<QueueItem[]> {
  await assertRunnable(db)
  const rows = (await pendingRows(db)).filter((row) => holdOf(row) === null)
  return rows.map(({ id, phone, name, sourceUrl }) => ({ id, phone, name, sourceUrl: httpUrl(sourceUrl) }))
}

/** The first pending row that may be dialed, other than `exceptId` (the bar's "Next"). */
export async function nextDialable(db: DialerDB, exceptId?: string): Promise<QueueRow | undefined> {
  return (await pendingRows(db)).find((row) => row.id !== exceptId && holdOf(row) === null)
}

/** Phones of the active list that are waiting or being dialled (what content scripts mark as "queued"). */
export async function activePhones(db: DialerDB): Promise<string[]> {
  return activePhonesOf(db, await activeListId(db))
}

export type AddOptions = {
  /** Rows wait for the agent's approval in the popup (numbers added from a page during a run). */
  awaitingApproval?: boolean
  now?: string
  /** The list to add to; the active list when absent. */
  listId?: string
}

/**
 * Add captured numbers to a list (the active one unless `listId` is given): contacts are upserted and each new E.164 gets a pending row at the end.
 * A number already pending or dialling is left alone; a finished one is queued again at the end.
 * Each row is classified: a premium-rate or shared-cost number waits for the agent's confirmation.
 *
 * Called on its own, an add of at least STAGE_MIN new numbers answers once they are durable in one
 * staged row, and its rows and contacts are written by the next transaction, created before this
 * returns (queue-stage.ts): every later read sees them. `staged` says so (the caller may answer
 * before the rows are written). Inside a caller's transaction everything is written at once.
 */
export async function addNumbers(
  db: DialerDB,
  captured: CapturedNumber[],
  { awaitingApproval = false, now = new Date().toISOString(), listId }: AddOptions = {},
): Promise<{ added: number; phones: string[]; staged?: true }> {
  const started = performance.now()
  const nested = Dexie.currentTransaction !== null
  // Inside a caller's transaction (copy/move, CSV import) only the tables it holds.
  const tables = nested ? [db.contacts, db.queue, db.lists, db.runtime] : [db.contacts, db.queue, db.lists, db.runtime, db.staged]
  const result = await db.transaction("rw", tables, async () => {
    // A crash left an add staged: its rows first, so the look-ups below see them.
    if (!nested && (await db.staged.count()) > 0) await writeStagedIn(db)
    const active = await activeListId(db)
    const target = listId ?? active
    // Each number once, at its first capture (its index: a staged add keeps only that).
    const firstByPhone = new Map<string, number>()
    captured.forEach((c, i) => firstByPhone.has(c.phone) || firstByPhone.set(c.phone, i))
    const unique = [...firstByPhone.values()].map((index) => ({ c: captured[index]!, index }))
    const last = await db.queue.where("[listId+position]").between([target, -Infinity], [target, Infinity]).last()
    // One indexed look-up and one bulk write for the whole batch (10,000 numbers stay fast); a list
    // with no rows yet (a new list, "Add all" into an emptied one) has nothing to look up.
    const existing = new Map(
      last ? (await db.queue.where("[listId+phone]").anyOf(unique.map(({ c }) => [target, c.phone])).toArray()).map((r) => [r.phone, r]) : [],
    )
    let position = (last?.position ?? 0) + 1
    const fresh: StagedNew[] = []
    const again: QueueRow[] = []
    const finished: string[] = []
    for (const { c, index } of unique) {
      const prev = existing.get(c.phone)
      if (prev && ACTIVE.includes(prev.status)) continue
      // A number queued again is a new dial request with a new id: the worker never takes an id it
      // already dialled in this run for a fresh one (see the worker's queue edits).
      const id = newItemId()
      if (prev) {
        finished.push(prev.id)
        const fields = { id, listId: target, position: position++, status: "pending" as const, addedAt: now, awaitingApproval, riskConfirmed: false }
        again.push({ ...prev, ...fields, name: c.name ?? prev.name, risk: numberRisk(c.phone) })
      } else {
        fresh.push({ id, position: position++, index })
      }
    }
    // The active list's queued phones, answered without reading back the rows just added.
    const before = target !== active || !last ? [] : await activePhonesOf(db, active)
    const phones = target === active ? [...before, ...again.map((r) => r.phone), ...fresh.map((r) => captured[r.index]!.phone)] : await activePhonesOf(db, active)
    if (finished.length) await db.queue.bulkDelete(finished)
    if (again.length) await db.queue.bulkPut(again)
    const staged = !nested && fresh.length >= STAGE_MIN
    const batch = stagedRowOf(newItemId(), target, now, awaitingApproval, fresh, captured)
    if (staged) {
      await db.staged.add(batch)
    } else {
      await upsertContacts(db, captured, now)
      await db.queue.bulkPut(queueRowsOf(batch))
    }
    return { added: fresh.length + again.length, phones, staged }
  })
  if (!result.staged) return { added: result.added, phones: result.phones }
  await scheduleStagedWrite(db)
  measureSince("queue.add stage", started)
  return { added: result.added, phones: result.phones, staged: true }
}

/** Phones of a list's pending and dialling rows (index range reads, in that order). */
async function activePhonesOf(db: DialerDB, listId: string): Promise<string[]> {
  const rows = (await Promise.all(ACTIVE.map((status) => rowsWithStatus(db, listId, status)))).flat()
  return rows.map((r) => r.phone)
}

export type QueueCounts = Record<QueueStatus, number> & { total: number }

/** Counts of the active list. */
export async function queueCounts(db: DialerDB): Promise<QueueCounts> {
  const rows = await listQueue(db)
  const counts: QueueCounts = { pending: 0, dialing: 0, done: 0, failed: 0, skipped: 0, total: rows.length }
  for (const r of rows) counts[r.status]++
  return counts
}

/** Rows being dialled, whatever their list (one at most while a run goes). */
export async function dialingRows(db: DialerDB): Promise<QueueRow[]> {
  const listIds = await db.lists.toCollection().primaryKeys()
  return (await Promise.all(listIds.map((id) => rowsWithStatus(db, id, "dialing")))).flat()
}
