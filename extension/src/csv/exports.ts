import type { DialerDB } from "../db/db"
import { listRows } from "../db/queue"
import type { HistoryRow } from "../db/types"
import { toCsv } from "./export"

export const LIST_HEADERS = ["phone", "name", "company", "status", "attempts", "last_outcome", "added_at", "source_url", "notes"]

/** A list as CSV, in its order, with each contact's company and notes. */
export async function listCsv(db: DialerDB, listId: string): Promise<string> {
  const rows = await listRows(db, listId)
  const contacts = await db.contacts.bulkGet(rows.map((r) => r.phone))
  return toCsv(
    LIST_HEADERS,
    rows.map((r, i) => [r.phone, r.name ?? contacts[i]?.name ?? "", contacts[i]?.company ?? "", r.status, r.attempts, r.lastOutcome ?? "", r.addedAt, r.sourceUrl ?? "", contacts[i]?.notes ?? ""]),
  )
}

export const HISTORY_HEADERS = [
  "at", "phone", "name", "outcome", "reason", "disposition", "note", "started_at", "answered_at", "ended_at",
  "duration_seconds", "talk_seconds", "call_id", "recording_url",
]

/** History rows as CSV, newest first (the wrap-up's disposition and note when they exist). */
export function historyRowsCsv(rows: HistoryRow[]): string {
  return toCsv(
    HISTORY_HEADERS,
    rows.map((h) => [
      h.at, h.phone, h.name ?? "", h.outcome, h.reason ?? "", h.disposition ?? "", h.note ?? "", h.startedAt ?? "",
      h.answeredAt ?? "", h.endedAt ?? "", h.durationSeconds ?? "", h.talkSeconds ?? "", h.callId ?? "", h.recordingUrl ?? "",
    ]),
  )
}

/** The whole mirrored history as CSV. */
export async function historyCsv(db: DialerDB): Promise<string> {
  return historyRowsCsv(await db.history.orderBy("at").reverse().toArray())
}

/** Contacts and lists as one JSON document, for a backup the agent keeps. */
export async function backupJson(db: DialerDB, now = new Date().toISOString()): Promise<string> {
  const [contacts, lists, items] = await Promise.all([db.contacts.toArray(), db.lists.orderBy("position").toArray(), db.queue.toArray()])
  return JSON.stringify({ kind: "power-dialer-backup", version: 1, exportedAt: now, contacts, lists, items }, null, 1)
}
