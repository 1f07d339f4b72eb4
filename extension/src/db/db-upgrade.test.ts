import "fake-indexeddb/auto"

import Dexie from "dexie"
import { describe, expect, it } from "vitest"

import { DialerDB } from "./db"
import { listQueue, pendingItems } from "./queue"
import { FIRST_LIST, SCHEMA_V1, SCHEMA_V3, SCHEMA_V4 } from "./schema"
import { contactViews } from "./contacts"
import { addNumbers } from "./queue"
import { allLists, activeListId } from "./lists"

const NAME = "upgrade-test"

/** Create the database exactly as version 1 shipped, with data in it. */
async function seedV1(): Promise<void> {
  const v1 = new Dexie(NAME)
  v1.version(1).stores(SCHEMA_V1)
  await v1.table("queue").bulkAdd([
    { id: "a", phone: "+15550000001", position: 1, status: "done", addedAt: "2024-01-01T00:00:00Z" },
    { id: "b", phone: "+15550000002", position: 2, status: "pending", addedAt: "2024-01-01T00:00:00Z" },
  ])
  await v1.table("history").bulkAdd([
    { key: "a|2024-01-01T10:00:00Z", itemId: "a", outcome: "no_answer", startedAt: "2024-01-01T10:00:00Z" },
    { key: "a|2024-01-01T11:00:00Z", itemId: "a", outcome: "answered", startedAt: "2024-01-01T11:00:00Z" },
  ])
  await v1.table("contacts").add({ phone: "+15550000001", name: "Ada", createdAt: "2024-01-01T00:00:00Z" })
  expect(v1.verno).toBe(1)
  v1.close()
}

describe("schema upgrade v1 → v5", () => {
  it("keeps the data, fills attempts and lastOutcome, adds the [status+position] index", async () => {
    await seedV1()
    const db = new DialerDB(NAME)
    await db.open()
    expect(db.verno).toBe(5)

    const a = await db.queue.get("a")
    const b = await db.queue.get("b")
    expect(a).toMatchObject({ attempts: 0, lastOutcome: "answered", status: "done" })
    expect(b).toMatchObject({ attempts: 0, lastOutcome: null, status: "pending" })

    expect((await pendingItems(db)).map((r) => r.id)).toEqual(["b"])
    expect(await db.history.where("itemId").equals("a").count()).toBe(2)
    expect(await db.contacts.get("+15550000001")).toMatchObject({ name: "Ada" })
    // v3: every history row has `at` (from startedAt here), and the newest comes first by it
    const byAt = await db.history.orderBy("at").reverse().toArray()
    expect(byAt.map((h) => h.at)).toEqual(["2024-01-01T11:00:00Z", "2024-01-01T10:00:00Z"])
    db.close()
  })

  it("opens an empty database straight at v5, with one active list", async () => {
    const db = new DialerDB("fresh-v4")
    await db.open()
    expect(db.verno).toBe(5)
    expect(db.tables.map((t) => t.name).sort()).toEqual(["contacts", "history", "lists", "queue", "runtime", "settings", "staged"])
    expect(await allLists(db)).toEqual([expect.objectContaining({ id: FIRST_LIST.id, name: "My queue", mode: "run" })])
    expect(await activeListId(db)).toBe(FIRST_LIST.id)
    db.close()
  })
})

describe("schema upgrade v3 → v4 (named lists)", () => {
  const V3 = "upgrade-v3-test"
  const rows = [
    { id: "p1", phone: "+15550000001", position: 1, status: "pending", attempts: 0, lastOutcome: null, addedAt: "2024-01-01T00:00:00Z", name: "Ada" },
    { id: "d1", phone: "+15550000002", position: 2, status: "done", attempts: 1, lastOutcome: "answered", addedAt: "2024-01-01T00:00:00Z" },
    { id: "g1", phone: "+15550000003", position: 2.5, status: "dialing", attempts: 0, lastOutcome: null, addedAt: "2024-01-01T00:00:00Z" },
    { id: "h1", phone: "+15550000004", position: 3, status: "pending", attempts: 0, lastOutcome: null, addedAt: "2024-01-01T00:00:00Z", awaitingApproval: true },
    { id: "p2", phone: "+15550000005", position: 4, status: "pending", attempts: 2, lastOutcome: "no_answer", addedAt: "2024-01-01T00:00:00Z", risk: null },
  ]

  it("moves today's queue, every status, into a first active list in the same order", async () => {
    const v3 = new Dexie(V3)
    v3.version(3).stores(SCHEMA_V3)
    await v3.table("queue").bulkAdd(rows)
    await v3.table("history").add({ key: "d1|2024-01-01T10:00:00Z", itemId: "d1", phone: "+15550000002", outcome: "answered", startedAt: "2024-01-01T10:00:00Z", at: "2024-01-01T10:00:00Z" })
    await v3.table("runtime").put({ key: "account", account: { agentId: "a", name: null, workerUrl: "https://w.test" } })
    v3.close()

    const db = new DialerDB(V3)
    await db.open()
    expect(db.verno).toBe(5)
    expect(await allLists(db)).toEqual([expect.objectContaining({ id: FIRST_LIST.id, name: "My queue", position: 1, mode: "run" })])
    expect(await activeListId(db)).toBe(FIRST_LIST.id)
    const queue = await listQueue(db)
    expect(queue.map((r) => r.id)).toEqual(["p1", "d1", "g1", "h1", "p2"])
    expect(queue.every((r) => r.listId === FIRST_LIST.id)).toBe(true)
    expect(queue.find((r) => r.id === "d1")).toMatchObject({ status: "done", attempts: 1, lastOutcome: "answered" })
    expect(queue.find((r) => r.id === "h1")).toMatchObject({ awaitingApproval: true })
    // The run goes on with the same numbers: pending, not held, in order.
    expect((await pendingItems(db)).map((i) => i.id)).toEqual(["p1", "p2"])
    expect(await db.history.where("phone").equals("+15550000002").count()).toBe(1)
    expect(await db.runtime.get("account")).toMatchObject({ account: { agentId: "a" } })
    db.close()
  })
})

describe("schema upgrade v4 → v5 (staged adds)", () => {
  const V4 = "upgrade-v4-test"

  it("keeps every contact and row, adds the staged table; a big add works on the upgraded database", async () => {
    const v4 = new Dexie(V4)
    v4.version(4).stores(SCHEMA_V4)
    await v4.table("lists").add({ id: FIRST_LIST.id, name: "My queue", position: 1, createdAt: "2024-01-01T00:00:00Z", mode: "run" })
    await v4.table("contacts").bulkAdd([
      { phone: "+15550000001", name: "Ada", crm: "hubspot", createdAt: "2024-01-01T00:00:00Z" },
      { phone: "+15550000002", name: "Bo", createdAt: "2024-03-01T00:00:00Z" },
      { phone: "+15550000003", name: "Cy", createdAt: "2024-03-01T00:00:00Z" },
    ])
    await v4.table("queue").add({ id: "p1", listId: FIRST_LIST.id, phone: "+15550000001", position: 1, status: "pending", attempts: 0, lastOutcome: null, addedAt: "2024-01-01T00:00:00Z" })
    v4.close()

    const db = new DialerDB(V4)
    await db.open()
    expect(db.verno).toBe(5)
    expect(db.contacts.schema.indexes.map((i) => i.name).sort()).toEqual(["createdAt", "crm"])
    expect(db.staged.schema.indexes).toEqual([])
    // Newest first, by the createdAt index.
    expect((await contactViews(db)).map((c) => c.phone)).toEqual(["+15550000003", "+15550000002", "+15550000001"])
    expect(await db.contacts.get("+15550000001")).toMatchObject({ name: "Ada", crm: "hubspot" })
    expect((await listQueue(db)).map((r) => r.id)).toEqual(["p1"])
    // And a big add still works on the upgraded database.
    const added = await addNumbers(db, Array.from({ length: 300 }, (_, i) => ({ phone: `+1555100${String(i).padStart(4, "0")}` })))
    expect(added.added).toBe(300)
    expect(await db.queue.count()).toBe(301)
    expect(await db.contacts.count()).toBe(303)
    db.close()
  })
})
