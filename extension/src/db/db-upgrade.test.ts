import "fake-indexeddb/auto"

import Dexie from "dexie"
import { describe, expect, it } from "vitest"

import { DialerDB } from "./db"
import { SCHEMA_V1 } from "./schema"

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

describe("schema upgrade v1 → v3", () => {
  it("keeps the data, fills attempts and lastOutcome, adds the [status+position] index", async () => {
    await seedV1()
    const db = new DialerDB(NAME)
    await db.open()
    expect(db.verno).toBe(3)

    const a = await db.queue.get("a")
    const b = await db.queue.get("b")
    expect(a).toMatchObject({ attempts: 0, lastOutcome: "answered", status: "done" })
    expect(b).toMatchObject({ attempts: 0, lastOutcome: null, status: "pending" })

    const pending = await db.queue
      .where("[status+position]")
      .between(["pending", Dexie.minKey], ["pending", Dexie.maxKey])
      .toArray()
    expect(pending.map((r) => r.id)).toEqual(["b"])
    expect(await db.history.where("itemId").equals("a").count()).toBe(2)
    expect(await db.contacts.get("+15550000001")).toMatchObject({ name: "Ada" })
    // v3: every history row has `at` (from startedAt here), and the newest comes first by it
    const byAt = await db.history.orderBy("at").reverse().toArray()
    expect(byAt.map((h) => h.at)).toEqual(["2024-01-01T11:00:00Z", "2024-01-01T10:00:00Z"])
    db.close()
  })

  it("opens an empty database straight at v3", async () => {
    const db = new DialerDB("fresh-v3")
    await db.open()
    expect(db.verno).toBe(3)
    expect(db.tables.map((t) => t.name).sort()).toEqual(["contacts", "history", "queue", "runtime", "settings"])
    db.close()
  })
})
