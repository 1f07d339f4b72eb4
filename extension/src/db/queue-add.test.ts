import "fake-indexeddb/auto"

import { describe, expect, it, vi } from "vitest"

import { createList } from "./lists"
import { addNumbers, listQueue } from "./queue"
import { freshDb } from "./test-db"

const many = (n: number, from = 0) => Array.from({ length: n }, (_, i) => ({ phone: `+1555${String(from + i).padStart(7, "0")}`, name: `C${from + i}` }))

/** The queue indexes addNumbers reads through during `fn`. */
async function queueReads(db: ReturnType<typeof freshDb>, fn: () => Promise<unknown>): Promise<string[]> {
  const where = db.queue.where.bind(db.queue)
  const seen: string[] = []
  const spy = vi.spyOn(db.queue, "where").mockImplementation(((index: string) => {
    seen.push(index)
    return where(index)
  }) as typeof db.queue.where)
  try {
    await fn()
  } finally {
    spy.mockRestore()
  }
  return seen
}

describe("addNumbers into an empty list (Add all of a big page)", () => {
  it("reads no queue rows back: no per-number look-up, phones answered from what it wrote", async () => {
    const db = freshDb()
    const batch = many(500)
    let result: Awaited<ReturnType<typeof addNumbers>> | undefined
    const reads = await queueReads(db, async () => (result = await addNumbers(db, [...batch, batch[0]!])))
    expect(reads).toEqual(["[listId+position]"]) // the list's last position only
    expect(result!.added).toBe(500)
    expect(result!.phones).toEqual(batch.map((c) => c.phone))
    expect((await listQueue(db)).map((r) => r.position)).toEqual(batch.map((_, i) => i + 1))
  })

  it("a second batch into the same list still finds the numbers already queued", async () => {
    const db = freshDb()
    await addNumbers(db, many(3))
    const again = await addNumbers(db, many(4, 2)) // 2 is queued already
    expect(again.added).toBe(3)
    expect(again.phones.sort()).toEqual(many(6).map((c) => c.phone))
    expect((await listQueue(db)).map((r) => r.position)).toEqual([1, 2, 3, 4, 5, 6])
  })

  it("into an empty list that is not the active one: the phones are still the active list's", async () => {
    const db = freshDb()
    await addNumbers(db, many(2))
    const other = await createList(db, "Other")
    const res = await addNumbers(db, many(3, 100), { listId: other.id })
    expect(res.added).toBe(3)
    expect(res.phones.sort()).toEqual(many(2).map((c) => c.phone))
  })
  it("reads the values of contacts that exist only (new numbers cost no contact reads; old ones keep their fields)", async () => {
    const db = freshDb()
    await addNumbers(db, [{ phone: "+15550000001", name: "Ada", company: "Acme" }])
    const created = (await db.contacts.get("+15550000001"))!.createdAt
    const bulkGet = vi.spyOn(db.contacts, "bulkGet")
    await addNumbers(db, [...many(300, 10), { phone: "+15550000001" }], { now: "2030-01-01T00:00:00.000Z" })
    expect(bulkGet.mock.calls.map(([keys]) => keys)).toEqual([["+15550000001"]])
    bulkGet.mockRestore()
    expect(await db.contacts.get("+15550000001")).toMatchObject({ name: "Ada", company: "Acme", createdAt: created })
    expect(await db.contacts.count()).toBe(301)
  })
})
