import type { CapturedNumber } from "../lib/messages"
import { httpUrl } from "../lib/safe-url"

import type { DialerDB } from "./db"
import type { ContactRow } from "./types"

/** Merge captured numbers into contacts: new fields win, createdAt is kept. Call inside a transaction. */
export async function upsertContacts(db: DialerDB, captured: CapturedNumber[], now: string): Promise<void> {
  const phones = [...new Set(captured.map((c) => c.phone))]
  const existing = await db.contacts.bulkGet(phones)
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
