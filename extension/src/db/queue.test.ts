import "fake-indexeddb/auto"

import { describe, expect, it } from "vitest"

import { addNumbers, listQueue, pendingItems, queueCounts } from "./queue"
import { clearQueue, moveItem, nudgeItem, removeItem } from "./queue-edit"
import { freshDb } from "./test-db"

const A = { phone: "+15550000001", name: "Ada", crm: "hubspot", sourceUrl: "https://crm.test/a" }
const B = { phone: "+15550000002", name: "Bob" }
const C = { phone: "+15550000003" }

describe("queue", () => {
  it("appends pending items, dedupes by E.164 and upserts contacts", async () => {
    const db = freshDb()
    expect(await addNumbers(db, [A, B, A])).toMatchObject({ added: 2 })
    const again = await addNumbers(db, [{ ...A, company: "Acme" }, C])
    expect(again.added).toBe(1)
    expect(again.phones.sort()).toEqual([A.phone, B.phone, C.phone])
    const rows = await listQueue(db)
    expect(rows.map((r) => r.phone)).toEqual([A.phone, B.phone, C.phone])
    expect(rows[0]).toMatchObject({ status: "pending", attempts: 0, name: "Ada", lastOutcome: null })
    expect(await db.contacts.get(A.phone)).toMatchObject({ name: "Ada", company: "Acme", crm: "hubspot" })
  })

  it("queues a finished number again at the end", async () => {
    const db = freshDb()
    await addNumbers(db, [A, B])
    const [first] = await listQueue(db)
    await db.queue.update(first!.id, { status: "done" })
    expect((await addNumbers(db, [A])).added).toBe(1)
    expect((await pendingItems(db)).map((i) => i.phone)).toEqual([B.phone, A.phone])
  })

  it("moves items by index and by one step, keeping order stable", async () => {
    const db = freshDb()
    await addNumbers(db, [A, B, C])
    const [a, , c] = await listQueue(db)
    await moveItem(db, c!.id, 0)
    expect((await listQueue(db)).map((r) => r.phone)).toEqual([C.phone, A.phone, B.phone])
    await nudgeItem(db, a!.id, 1)
    expect((await listQueue(db)).map((r) => r.phone)).toEqual([C.phone, B.phone, A.phone])
    await nudgeItem(db, c!.id, -1) // already first: no change
    expect((await listQueue(db)).map((r) => r.phone)).toEqual([C.phone, B.phone, A.phone])
  })

  it("renumbers when fractional positions get too close", async () => {
    const db = freshDb()
    await addNumbers(db, [A, B, C])
    const rows = await listQueue(db)
    for (let i = 0; i < 60; i++) {
      const current = await listQueue(db)
      await moveItem(db, current[2]!.id, 1)
    }
    const after = await listQueue(db)
    expect(new Set(after.map((r) => r.position)).size).toBe(3)
    expect(after.map((r) => r.id).sort()).toEqual(rows.map((r) => r.id).sort())
  })

  it("removes one, clears all but the dialling one, counts by status", async () => {
    const db = freshDb()
    await addNumbers(db, [A, B, C])
    const [a, b] = await listQueue(db)
    await removeItem(db, a!.id)
    await db.queue.update(b!.id, { status: "dialing" })
    expect(await queueCounts(db)).toMatchObject({ pending: 1, dialing: 1, total: 2 })
    expect(await clearQueue(db)).toBe(1)
    expect((await listQueue(db)).map((r) => r.id)).toEqual([b!.id])
  })
})
