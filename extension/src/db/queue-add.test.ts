import "fake-indexeddb/auto"

import Dexie from "dexie"
import { describe, expect, it, vi } from "vitest"

import { createList } from "./lists"
import { addNumbers, listQueue, pendingItems } from "./queue"
import { ROW_CHUNK, STAGE_MIN, stagedRowOf, stagedWritten, writeStagedNow } from "./queue-stage"
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
    await stagedWritten(db) // 300 new numbers: the contacts are written by the add's second transaction
    expect(bulkGet.mock.calls.map(([keys]) => keys)).toEqual([["+15550000001"]])
    bulkGet.mockRestore()
    expect(await db.contacts.get("+15550000001")).toMatchObject({ name: "Ada", company: "Acme", createdAt: created })
    expect(await db.contacts.count()).toBe(301)
  })
})

describe("a big add is staged: durable in one row when it answers, its rows written by the next transaction", () => {
  it("answers after one staged row; every read after the answer sees all rows and contacts, classified", async () => {
    const db = freshDb()
    const batch = [...many(STAGE_MIN), { phone: "+19005550123", name: "Premium" }] // +1 900: premium rate
    const staged = vi.spyOn(db.staged, "add")
    const bulkPut = vi.spyOn(db.queue, "bulkPut")
    const res = await addNumbers(db, batch)
    expect(res).toMatchObject({ added: STAGE_MIN + 1, staged: true })
    expect(res.phones).toEqual(batch.map((c) => c.phone))
    expect(staged).toHaveBeenCalledTimes(1)
    expect(staged.mock.calls[0]![0].rows.ids).toHaveLength(STAGE_MIN + 1)
    // The caller is not left inside the rows' transaction (its next reads would join it).
    expect(Dexie.currentTransaction).toBeNull()
    // No wait here: IndexedDB runs the rows' transaction first, as it was created before the answer.
    const rows = await listQueue(db)
    expect(rows.map((r) => r.phone)).toEqual(batch.map((c) => c.phone))
    expect(rows.map((r) => r.id)).toEqual(staged.mock.calls[0]![0].rows.ids) // ids decided when staged
    expect(rows.at(-1)).toMatchObject({ risk: "premium_rate", riskConfirmed: false, status: "pending", name: "Premium" })
    expect(await db.staged.count()).toBe(0)
    expect(await db.contacts.count()).toBe(STAGE_MIN + 1)
    expect(bulkPut).toHaveBeenCalledTimes(1) // one bulk write of the rows
    // The premium number waits for the agent's confirmation; the others go to the worker in order.
    expect((await pendingItems(db)).map((i) => i.phone)).toEqual(many(STAGE_MIN).map((c) => c.phone))
  })

  it("fewer new numbers than STAGE_MIN are written at once (no staged row)", async () => {
    const db = freshDb()
    const staged = vi.spyOn(db.staged, "add")
    const res = await addNumbers(db, many(STAGE_MIN - 1))
    expect(res).toEqual({ added: STAGE_MIN - 1, phones: many(STAGE_MIN - 1).map((c) => c.phone) })
    expect(staged).not.toHaveBeenCalled()
  })

  it("numbers left staged by a crash are written at start-up, once, in their order", async () => {
    const db = freshDb()
    await addNumbers(db, many(2)) // the list has rows 1 and 2
    const rows = many(3, 10).map((_, i) => ({ id: `s${i}`, position: 3 + i, index: i }))
    await db.staged.add(stagedRowOf("crash", "default", "2030-01-01T00:00:00.000Z", false, rows, many(3, 10)))
    expect(await writeStagedNow(db)).toBe(1)
    expect((await listQueue(db)).map((r) => r.id).slice(2)).toEqual(["s0", "s1", "s2"])
    expect(await db.contacts.get(many(1, 10)[0]!.phone)).toMatchObject({ createdAt: "2030-01-01T00:00:00.000Z" })
    expect(await writeStagedNow(db)).toBe(0)
  })

  it("rows are written in chunks of ROW_CHUNK, in order, each chunk classified", async () => {
    const db = freshDb()
    const n = 2 * ROW_CHUNK + 1
    const numbers = [...many(n - 1, 1000), { phone: "+19005550123" }]
    const rows = numbers.map((_, i) => ({ id: `s${i}`, position: 1 + i, index: i }))
    await db.staged.add(stagedRowOf("big", "default", "2030-01-01T00:00:00.000Z", false, rows, numbers))
    const bulkPut = vi.spyOn(db.queue, "bulkPut")
    await writeStagedNow(db)
    expect(bulkPut.mock.calls.map(([chunk]) => chunk.length)).toEqual([ROW_CHUNK, ROW_CHUNK, 1])
    const written = await listQueue(db)
    expect(written.map((r) => r.id)).toEqual(rows.map((r) => r.id))
    expect(written.at(-1)!.risk).toBe("premium_rate")
    expect(written[0]!.risk).toBeNull()
  })

  it("an add after a crash writes the leftovers first: a number staged then added again is queued once", async () => {
    const db = freshDb()
    const left = many(2, 50).map((_, i) => ({ id: `s${i}`, position: 1 + i, index: i }))
    await db.staged.add(stagedRowOf("crash", "default", "2030-01-01T00:00:00.000Z", false, left, many(2, 50)))
    const res = await addNumbers(db, [many(1, 51)[0]!, many(1, 60)[0]!])
    expect(res.added).toBe(1)
    expect((await listQueue(db)).map((r) => r.phone)).toEqual([...many(2, 50), ...many(1, 60)].map((c) => c.phone))
    expect(await db.staged.count()).toBe(0)
  })

  it("a list deleted before its staged rows are written takes them with it", async () => {
    const db = freshDb()
    const rows = many(2).map((_, i) => ({ id: `s${i}`, position: 1 + i, index: i }))
    await db.staged.add(stagedRowOf("gone", "no-such-list", "2030-01-01T00:00:00.000Z", false, rows, many(2)))
    await writeStagedNow(db)
    expect(await db.queue.count()).toBe(0)
    expect(await db.staged.count()).toBe(0)
  })
})
