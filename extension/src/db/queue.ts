import Dexie from "dexie"

import type { QueueItem } from "@dialer/shared"

import type { CapturedNumber } from "../lib/messages"

import { httpUrl } from "../lib/safe-url"
import { upsertContacts } from "./contacts"
import type { DialerDB } from "./db"
import { numberRisk } from "./number-risk"
import type { QueueRow, QueueStatus } from "./types"

const ACTIVE: QueueStatus[] = ["pending", "dialing"]

export function newItemId(): string {
  return crypto.randomUUID()
}

/** Rows in queue order (all statuses). */
export function listQueue(db: DialerDB): Promise<QueueRow[]> {
  return db.queue.orderBy("position").toArray()
}

/** Why a pending row waits for the agent instead of going to the worker; null when it may be dialed. */
export type Hold = "approval" | "confirm"

export function holdOf(row: Pick<QueueRow, "phone" | "awaitingApproval" | "risk" | "riskConfirmed">): Hold | null {
  if (row.awaitingApproval) return "approval"
  const risk = row.risk === undefined ? numberRisk(row.phone) : row.risk
  return risk && !row.riskConfirmed ? "confirm" : null
}

function pendingRows(db: DialerDB): Promise<QueueRow[]> {
  return db.queue
    .where("[status+position]")
    .between(["pending", Dexie.minKey], ["pending", Dexie.maxKey])
    .toArray()
}

/**
 * Pending rows in queue order, as the worker wants them: without those the agent has not approved
 * (added from a page during a run) or confirmed (premium rate, shared cost).
 */
export async function pendingItems(db: DialerDB): Promise<QueueItem[]> {
  const rows = (await pendingRows(db)).filter((row) => holdOf(row) === null)
  return rows.map(({ id, phone, name, sourceUrl }) => ({ id, phone, name, sourceUrl: httpUrl(sourceUrl) }))
}

/** The first pending row that may be dialed, other than `exceptId` (the bar's "Next"). */
export async function nextDialable(db: DialerDB, exceptId?: string): Promise<QueueRow | undefined> {
  return (await pendingRows(db)).find((row) => row.id !== exceptId && holdOf(row) === null)
}

/** Phones that are waiting or being dialled (what content scripts mark as "queued"). */
export async function activePhones(db: DialerDB): Promise<string[]> {
  const rows = await db.queue.where("status").anyOf(ACTIVE).toArray()
  return rows.map((r) => r.phone)
}

export type AddOptions = {
  /** Rows wait for the agent's approval in the popup (numbers added from a page during a run). */
  awaitingApproval?: boolean
  now?: string
}

/**
 * Add captured numbers: contacts are upserted and each new E.164 gets a pending row at the end.
 * A number already pending or dialling is left alone; a finished one is queued again at the end.
 * Each row is classified: a premium-rate or shared-cost number waits for the agent's confirmation.
 */
export async function addNumbers(
  db: DialerDB,
  captured: CapturedNumber[],
  { awaitingApproval = false, now = new Date().toISOString() }: AddOptions = {},
): Promise<{ added: number; phones: string[] }> {
  let added = 0
  await db.transaction("rw", db.contacts, db.queue, async () => {
    await upsertContacts(db, captured, now)
    const firstByPhone = new Map<string, CapturedNumber>()
    for (const c of captured) if (!firstByPhone.has(c.phone)) firstByPhone.set(c.phone, c)
    const unique = [...firstByPhone.values()]
    // One indexed look-up and one bulk write for the whole batch (10,000 numbers stay fast).
    const existing = new Map((await db.queue.where("phone").anyOf(unique.map((c) => c.phone)).toArray()).map((r) => [r.phone, r]))
    const last = await db.queue.orderBy("position").last()
    let position = (last?.position ?? 0) + 1
    const rows: QueueRow[] = []
    const finished: string[] = []
    for (const c of unique) {
      const prev = existing.get(c.phone)
      if (prev && ACTIVE.includes(prev.status)) continue
      // A number queued again is a new dial request with a new id: the worker never takes an id it
      // already dialled in this run for a fresh one (see the worker's queue edits).
      const fields = {
        id: newItemId(), position: position++, status: "pending" as const, addedAt: now,
        awaitingApproval, risk: numberRisk(c.phone), riskConfirmed: false,
      }
      if (prev) finished.push(prev.id)
      rows.push(
        prev
          ? { ...prev, ...fields, name: c.name ?? prev.name }
          : { phone: c.phone, name: c.name, sourceUrl: httpUrl(c.sourceUrl), attempts: 0, lastOutcome: null, ...fields },
      )
    }
    await db.queue.bulkDelete(finished)
    await db.queue.bulkPut(rows)
    added = rows.length
  })
  return { added, phones: await activePhones(db) }
}

export type QueueCounts = Record<QueueStatus, number> & { total: number }

export async function queueCounts(db: DialerDB): Promise<QueueCounts> {
  const rows = await db.queue.toArray()
  const counts: QueueCounts = { pending: 0, dialing: 0, done: 0, failed: 0, skipped: 0, total: rows.length }
  for (const r of rows) counts[r.status]++
  return counts
}
