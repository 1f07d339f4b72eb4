import type { CapturedNumber } from "../lib/messages"
import { httpUrl } from "../lib/safe-url"

import type { DialerDB } from "./db"
import type { ContactRow, HistoryRow, QueueRow } from "./types"

/** Merge captured numbers into contacts: new fields win, createdAt is kept. Call inside a transaction. */
export async function upsertContacts(db: DialerDB, captured: CapturedNumber[], now: string): Promise<void> {
  const phones = [...new Set(captured.map((c) => c.phone))]
  // Which of them exist, from the primary key alone (one cursor; nothing to step through when few
  // do), then the values of those only: adding 10,000 new numbers reads no contact rows.
  const known = (await db.contacts.where(":id").anyOf(phones).primaryKeys()) as string[]
  const existing = known.length ? await db.contacts.bulkGet(known) : []
  const byPhone = new Map<string, ContactRow>()
  existing.forEach((row) => row && byPhone.set(row.phone, row))
  for (const c of captured) {
    const prev = byPhone.get(c.phone)
    byPhone.set(c.phone, {
      phone: c.phone,
      name: c.name ?? prev?.name,
      company: c.company ?? prev?.company,
      sourceUrl: httpUrl(c.sourceUrl) ?? httpUrl(prev?.sourceUrl),
      crm: c.crm ?? prev?.crm,
      createdAt: prev?.createdAt ?? now,
    })
  }
  await db.contacts.bulkPut([...byPhone.values()])
}

/** A contact with its last call (and that call's disposition, once wrap-ups exist) and its lists. */
export type ContactView = ContactRow & { lastCallAt: string | null; lastOutcome: string | null; lastDisposition: string | null; lists: string[] }

/** Every contact, newest first, with its last call from the mirrored history and the lists it is in. */
export async function contactViews(db: DialerDB): Promise<ContactView[]> {
  const [contacts, history, rows] = await Promise.all([
    db.contacts.orderBy("createdAt").reverse().toArray(),
    db.history.orderBy("at").toArray(),
    db.queue.orderBy("[listId+phone]").keys() as Promise<unknown[]>,
  ])
  const last = new Map<string, HistoryRow>()
  for (const h of history) last.set(h.phone, h) // oldest first: the last write is the newest call
  const lists = new Map<string, string[]>()
  for (const key of rows) {
    const [listId, phone] = key as [string, string]
    const ids = lists.get(phone) ?? []
    ids.push(listId)
    lists.set(phone, ids)
  }
  return contacts.map((c) => {
    const h = last.get(c.phone)
    return { ...c, lastCallAt: h?.at ?? null, lastOutcome: h?.outcome ?? null, lastDisposition: h?.disposition ?? null, lists: lists.get(c.phone) ?? [] }
  })
}

/** Search by name, company or number (digits match however the number is written). */
export function searchContacts<T extends ContactRow>(contacts: T[], text: string): T[] {
  const q = text.trim().toLowerCase()
  if (!q) return contacts
  const digits = q.replace(/\D/g, "")
  return contacts.filter(
    (c) => (c.name ?? "").toLowerCase().includes(q) || (c.company ?? "").toLowerCase().includes(q) || (digits.length >= 3 && c.phone.includes(digits)),
  )
}

/** Edit a contact's name and company; its rows still waiting in lists show the new name. */
export async function updateContact(db: DialerDB, phone: string, patch: { name?: string; company?: string }): Promise<void> {
  const clean = (v: string | undefined) => (v === undefined ? undefined : v.replace(/\s+/g, " ").trim().slice(0, 200) || undefined)
  const name = clean(patch.name)
  const company = clean(patch.company)
  await db.transaction("rw", db.contacts, db.queue, db.lists, async () => {
    const row = await db.contacts.get(phone)
    if (!row) return
    const next: ContactRow = { ...row }
    if ("name" in patch) next.name = name
    if ("company" in patch) next.company = company
    await db.contacts.put(next)
    if ("name" in patch) {
      const pending = (await rowsOfPhone(db, phone)).filter((r) => r.status === "pending")
      await db.queue.bulkUpdate(pending.map((r) => ({ key: r.id, changes: { name } })))
    }
  })
}

/** Delete a contact and take its number out of every list, except a call being dialled now. */
export async function deleteContact(db: DialerDB, phone: string): Promise<void> {
  await db.transaction("rw", db.contacts, db.queue, db.lists, async () => {
    await db.contacts.delete(phone)
    await db.queue.bulkDelete((await rowsOfPhone(db, phone)).filter((r) => r.status !== "dialing").map((r) => r.id))
  })
}

/** The calls to one number, newest first. */
export function numberHistory(db: DialerDB, phone: string): Promise<HistoryRow[]> {
  return db.history.where("phone").equals(phone).reverse().sortBy("at")
}

/** A number's rows in every list (a contact can be in several). */
export async function rowsOfPhone(db: DialerDB, phone: string): Promise<QueueRow[]> {
  const listIds = await db.lists.toCollection().primaryKeys()
  return db.queue.where("[listId+phone]").anyOf(listIds.map((id) => [id, phone])).toArray()
}
