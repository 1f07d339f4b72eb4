import type { DialerDB } from "./db"
import { ListError } from "./lists"
import { addNumbers } from "./queue"

/**
 * Copy rows into another list, at its end, as fresh pending numbers (a number already waiting
 * there is left alone). Contacts are shared, so names and companies follow.
 */
export async function copyItems(db: DialerDB, ids: string[], toListId: string): Promise<{ added: number }> {
  return db.transaction("rw", [db.contacts, db.queue, db.lists, db.runtime], async () => {
    if (!(await db.lists.get(toListId))) throw new ListError("That list no longer exists")
    const rows = (await db.queue.bulkGet(ids)).filter((r) => r !== undefined)
    const { added } = await addNumbers(
      db,
      rows.map((r) => ({ phone: r.phone, name: r.name, sourceUrl: r.sourceUrl })),
      { listId: toListId },
    )
    return { added }
  })
}

/** Move rows to another list: copied there, then taken out of theirs. The number being dialled stays. */
export async function moveItems(db: DialerDB, ids: string[], toListId: string): Promise<{ moved: number }> {
  return db.transaction("rw", [db.contacts, db.queue, db.lists, db.runtime], async () => {
    const rows = (await db.queue.bulkGet(ids)).filter((r) => r !== undefined && r.listId !== toListId)
    if (rows.some((r) => r!.status === "dialing")) throw new ListError("A number being dialled cannot move: wait for its call to end")
    await copyItems(db, rows.map((r) => r!.id), toListId)
    await db.queue.bulkDelete(rows.map((r) => r!.id))
    return { moved: rows.length }
  })
}

/** Remove several rows at once (the number being dialled stays). */
export async function removeItems(db: DialerDB, ids: string[]): Promise<number> {
  return db.transaction("rw", db.queue, async () => {
    const rows = (await db.queue.bulkGet(ids)).filter((r) => r !== undefined && r.status !== "dialing")
    await db.queue.bulkDelete(rows.map((r) => r!.id))
    return rows.length
  })
}
