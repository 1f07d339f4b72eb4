/**
 * "Add all" of thousands of numbers, written in two transactions so the add can answer in well under a
 * second on a slow disk. Each IndexedDB record and index entry costs ~50–150 µs here (see the bench
 * README), so 10,000 queue rows and contacts take seconds whatever the code does; one record holding
 * the same numbers as columns takes ~20 ms.
 *
 * 1. The add's own transaction writes the batch as one `staged` row (ids and positions decided, so
 *    the numbers are durable and their order fixed) and commits: the add answers.
 * 2. The transaction that turns it into queue rows and contacts is *created before the answer is
 *    sent*. IndexedDB runs transactions with overlapping scopes in creation order, so anything that
 *    reads or writes the queue after the answer (popup, lists, the run, a second add) waits for the
 *    rows: nobody sees a queue without them.
 * A crash between 1 and 2 leaves the `staged` row: the service worker writes it at start-up
 * (`writeStagedNow`), and any add writes leftovers first, in its own transaction.
 */
import Dexie from "dexie"

import type { CapturedNumber } from "../lib/messages"
import { httpUrl } from "../lib/safe-url"
import { upsertContacts } from "./contacts"
import type { DialerDB } from "./db"
import { numberRisk } from "./number-risk"
import { measureSince } from "./queue-timing"
import type { QueueRow, StagedRow } from "./types"

/** Adds with at least this many new rows are staged; smaller ones are written at once. */
export const STAGE_MIN = 200

/** A new queue row of a staged add: its id and position, and the index of its captured number. */
export type StagedNew = { id: string; position: number; index: number }

/** The staged row for new queue rows (their fields besides phone/name/source are the same for all). */
export function stagedRowOf(id: string, listId: string, addedAt: string, awaitingApproval: boolean, rows: StagedNew[], captured: CapturedNumber[]): StagedRow {
  return {
    id,
    listId,
    addedAt,
    awaitingApproval,
    rows: { ids: rows.map((r) => r.id), positions: rows.map((r) => r.position), captured: rows.map((r) => r.index) },
    contacts: {
      phones: captured.map((c) => c.phone),
      names: captured.map((c) => c.name),
      companies: captured.map((c) => c.company),
      sourceUrls: captured.map((c) => c.sourceUrl),
      crms: captured.map((c) => c.crm),
    },
  }
}

/** Rows written per request: the next chunk is classified while IndexedDB writes the previous one. */
export const ROW_CHUNK = 1_000

/** Queue rows `from`..`to` of a staged add, classified (premium rate, shared cost) here, not in the add. */
export function queueRowsOf(staged: StagedRow, from = 0, to = staged.rows.ids.length): QueueRow[] {
  const { ids, positions, captured } = staged.rows
  const { phones, names, sourceUrls } = staged.contacts
  const rows: QueueRow[] = []
  for (let i = from; i < Math.min(to, ids.length); i++) {
    const k = captured[i]!
    rows.push({
      id: ids[i]!,
      listId: staged.listId,
      phone: phones[k]!,
      name: names[k],
      // Normalised here, not in the add: the add's answer waits for nothing it does not need.
      sourceUrl: httpUrl(sourceUrls[k]),
      position: positions[i]!,
      status: "pending",
      attempts: 0,
      lastOutcome: null,
      addedAt: staged.addedAt,
      awaitingApproval: staged.awaitingApproval,
      risk: numberRisk(phones[k]!),
      riskConfirmed: false,
    })
  }
  return rows
}

/** A number added to the list since (only possible after a crash) stays once: the unique [listId+phone] index refuses the second row, the others are written. */
function ignoreDuplicates(error: unknown): void {
  if (!(error instanceof Dexie.BulkError)) throw error
}

/**
 * The rows in chunks, one in flight while the next is built (its numberRisk is most of the
 * JavaScript): the browser writes while the service worker classifies, and no task runs long.
 */
async function addRows(db: DialerDB, staged: StagedRow): Promise<void> {
  let inFlight: Promise<void> = Promise.resolve()
  for (let from = 0; from < staged.rows.ids.length; from += ROW_CHUNK) {
    const write = db.queue.bulkPut(queueRowsOf(staged, from, from + ROW_CHUNK)).then(() => undefined, ignoreDuplicates)
    await inFlight
    inFlight = write
  }
  await inFlight
}

function capturedOf(staged: StagedRow): CapturedNumber[] {
  const { phones, names, companies, sourceUrls, crms } = staged.contacts
  return phones.map((phone, i) => ({ phone, name: names[i], company: companies[i], sourceUrl: sourceUrls[i], crm: crms[i] }))
}

/**
 * Write every staged add's rows and contacts and drop it. Call inside a transaction over contacts,
 * queue, lists and staged; the first request is placed at once (the transaction stays alive).
 */
export async function writeStagedIn(db: DialerDB): Promise<number> {
  const batches = await db.staged.toArray()
  for (const staged of batches) {
    // A list deleted in between takes its numbers with it, as it would have taken the rows.
    const listExists = (await db.lists.get(staged.listId)) !== undefined
    // The contacts' look-up goes first; the rows are written while it answers.
    await Promise.all([upsertContacts(db, capturedOf(staged), staged.addedAt), listExists ? addRows(db, staged) : undefined])
    await db.staged.delete(staged.id)
  }
  return batches.length
}

const writing = new WeakMap<DialerDB, Promise<void>>()

/**
 * Create the transaction that writes the staged rows, outside any caller's transaction, and resolve
 * once it exists (so a caller answering afterwards is ordered before every later reader).
 */
export function scheduleStagedWrite(db: DialerDB): Promise<void> {
  let created!: () => void
  const exists = new Promise<void>((resolve) => (created = resolve))
  const started = performance.now()
  const done = Dexie.ignoreTransaction(() =>
    db.transaction("rw", [db.staged, db.queue, db.contacts, db.lists], async () => {
      // Resolved outside this transaction's zone: the caller's next reads must not join it.
      Dexie.ignoreTransaction(created)
      await writeStagedIn(db)
    }),
  ).then(
    () => measureSince("queue.add rows", started),
    (error: unknown) => {
      created()
      // The staged row stays: written at the next start-up or by the next add.
      console.error("[dialer] queued numbers not written yet", error)
    },
  )
  writing.set(db, Promise.all([writing.get(db), done]).then(() => undefined))
  return exists
}

/** Resolves when every staged write this context scheduled has ended. */
export function stagedWritten(db: DialerDB): Promise<void> {
  return writing.get(db) ?? Promise.resolve()
}

/** Start-up: write what a crash left staged. */
export function writeStagedNow(db: DialerDB): Promise<number> {
  return db.transaction("rw", [db.staged, db.queue, db.contacts, db.lists], () => writeStagedIn(db))
}
