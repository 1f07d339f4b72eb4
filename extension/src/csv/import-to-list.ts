import type { DialerDB } from "../db/db"
import { activeListId } from "../db/lists"
import { addNumbers } from "../db/queue"
import { readDialerState } from "../db/runtime"
import { isRunActive } from "../ui/run-status"
import type { ImportContact } from "./import-rows"

/** Contacts written per step: the page shows progress between steps. */
export const WRITE_CHUNK = 5_000

export type ImportResult = { added: number; alreadyInList: number }

/**
 * Write imported contacts into a list (contacts upserted, notes kept). Numbers already waiting in the
 * list stay where they are. Added to the active list during a run, they wait for the agent to include
 * them in the popup, like numbers added from a page.
 */
export async function importIntoList(
  db: DialerDB,
  listId: string,
  contacts: ImportContact[],
  onProgress?: (done: number, total: number) => void,
  now = new Date().toISOString(),
): Promise<ImportResult> {
  const awaitingApproval = listId === (await activeListId(db)) && isRunActive(await readDialerState(db))
  let added = 0
  // One transaction, so open pages re-read the list once at the end; written in chunks.
  await db.transaction("rw", [db.contacts, db.queue, db.lists, db.runtime], async () => {
    for (let start = 0; start < contacts.length; start += WRITE_CHUNK) {
      const chunk = contacts.slice(start, start + WRITE_CHUNK)
      const captured = chunk.map((c) => ({ phone: c.phone, name: c.name, company: c.company, crm: "csv" }))
      added += (await addNumbers(db, captured, { listId, awaitingApproval, now })).added
      const withNotes = chunk.filter((c) => c.notes)
      if (withNotes.length > 0) {
        const rows = await db.contacts.bulkGet(withNotes.map((c) => c.phone))
        await db.contacts.bulkPut(rows.flatMap((row, i) => (row ? [{ ...row, notes: withNotes[i]!.notes }] : [])))
      }
      onProgress?.(Math.min(contacts.length, start + WRITE_CHUNK), contacts.length)
    }
  })
  return { added, alreadyInList: contacts.length - added }
}
