import "fake-indexeddb/auto"

import type { DialerState } from "@dialer/shared"
import { describe, expect, it } from "vitest"

import { copyItems, moveItems, removeItems } from "./list-items"
import {
  activeListId,
  allLists,
  createList,
  deleteList,
  listSummaries,
  renameList,
  reorderList,
  setActiveList,
  setListMode,
} from "./lists"
import { activePhones, addNumbers, listQueue, listRows, pendingItems, queueCounts } from "./queue"
import { clearQueue, moveItem } from "./queue-edit"
import { FIRST_LIST } from "./schema"
import { freshDb } from "./test-db"

const A = { phone: "+15550000001", name: "Ada" }
const B = { phone: "+15550000002", name: "Bob" }
const C = { phone: "+15550000003" }

async function running(db: ReturnType<typeof freshDb>) {
  const state = { status: "dialing", updatedAt: new Date().toISOString() } as unknown as DialerState
  await db.runtime.put({ key: "dialer", state, receivedAt: new Date().toISOString() })
}

describe("named lists", () => {
  it("create, rename, reorder and delete; names are trimmed, required and unique", async () => {
    const db = freshDb()
    const webinar = await createList(db, "  Webinar   leads ")
    const renewals = await createList(db, "Renewals Q1")
    expect(webinar.name).toBe("Webinar leads")
    await expect(createList(db, "   ")).rejects.toThrow("Give the list a name")
    await expect(createList(db, "webinar LEADS")).rejects.toThrow("already exists")
    await expect(createList(db, "x".repeat(61))).rejects.toThrow("at most 60")
    await renameList(db, webinar.id, "Webinar March")
    await expect(renameList(db, renewals.id, "Webinar March")).rejects.toThrow("already exists")
    await reorderList(db, renewals.id, 0)
    expect((await allLists(db)).map((l) => l.name)).toEqual(["Renewals Q1", "My queue", "Webinar March"])
    await addNumbers(db, [A, B], { listId: webinar.id })
    await deleteList(db, webinar.id)
    expect((await allLists(db)).map((l) => l.name)).toEqual(["Renewals Q1", "My queue"])
    expect(await db.queue.count()).toBe(0)
    expect(await db.contacts.count()).toBe(2) // contacts stay
  })

  it("a contact can be in several lists; the same number once per list", async () => {
    const db = freshDb()
    const other = await createList(db, "Other")
    await addNumbers(db, [A, B])
    expect((await addNumbers(db, [A, A, C], { listId: other.id })).added).toBe(2)
    expect((await addNumbers(db, [A], { listId: other.id })).added).toBe(0)
    expect((await listQueue(db)).map((r) => r.phone)).toEqual([A.phone, B.phone])
    expect((await listRows(db, other.id)).map((r) => r.phone)).toEqual([A.phone, C.phone])
    const summaries = await listSummaries(db)
    expect(summaries.map((s) => [s.name, s.total, s.pending, s.active])).toEqual([
      ["My queue", 2, 2, true],
      ["Other", 2, 2, false],
    ])
  })

  it("the active list is what the run, the counts, the page marks and Clear see", async () => {
    const db = freshDb()
    const other = await createList(db, "Other")
    await addNumbers(db, [A])
    await addNumbers(db, [B, C], { listId: other.id })
    expect((await pendingItems(db)).map((i) => i.phone)).toEqual([A.phone])
    expect(await activePhones(db)).toEqual([A.phone])
    await setActiveList(db, other.id)
    expect(await activeListId(db)).toBe(other.id)
    expect((await pendingItems(db)).map((i) => i.phone)).toEqual([B.phone, C.phone])
    expect((await activePhones(db)).sort()).toEqual([B.phone, C.phone])
    expect(await queueCounts(db)).toMatchObject({ pending: 2, total: 2 })
    // "+ Queue" goes to the active list
    await addNumbers(db, [A])
    expect((await listQueue(db)).map((r) => r.phone)).toEqual([B.phone, C.phone, A.phone])
    expect(await clearQueue(db)).toBe(3)
    expect(await listRows(db, FIRST_LIST.id)).toHaveLength(1)
  })

  it("move within a list keeps other lists untouched", async () => {
    const db = freshDb()
    const other = await createList(db, "Other")
    await addNumbers(db, [A, B, C])
    await addNumbers(db, [C, A], { listId: other.id })
    const [, , c] = await listQueue(db)
    await moveItem(db, c!.id, 0)
    expect((await listQueue(db)).map((r) => r.phone)).toEqual([C.phone, A.phone, B.phone])
    expect((await listRows(db, other.id)).map((r) => r.phone)).toEqual([C.phone, A.phone])
  })

  it("copy and move items between lists; the number being dialled does not move", async () => {
    const db = freshDb()
    const other = await createList(db, "Other")
    await addNumbers(db, [A, B, C])
    const [a, b, c] = await listQueue(db)
    expect(await copyItems(db, [a!.id, b!.id], other.id)).toEqual({ added: 2 })
    expect((await listRows(db, other.id)).map((r) => r.phone)).toEqual([A.phone, B.phone])
    expect(await listQueue(db)).toHaveLength(3)
    expect(await moveItems(db, [c!.id], other.id)).toEqual({ moved: 1 })
    expect((await listRows(db, other.id)).map((r) => r.phone)).toEqual([A.phone, B.phone, C.phone])
    expect((await listQueue(db)).map((r) => r.phone)).toEqual([A.phone, B.phone])
    await db.queue.update(a!.id, { status: "dialing" })
    await expect(moveItems(db, [a!.id], other.id)).rejects.toThrow("being dialled")
    expect(await removeItems(db, [a!.id, b!.id])).toBe(1)
    await expect(copyItems(db, [a!.id], "gone")).rejects.toThrow("no longer exists")
  })

  it("during a run the active list cannot change nor go, nor be sent to Aircall", async () => {
    const db = freshDb()
    const other = await createList(db, "Other")
    await running(db)
    await expect(setActiveList(db, other.id)).rejects.toThrow("A run is going")
    await expect(deleteList(db, FIRST_LIST.id)).rejects.toThrow("being dialed")
    await expect(setListMode(db, FIRST_LIST.id, "aircall")).rejects.toThrow("stop it before")
    await setListMode(db, other.id, "aircall") // another list may go to Aircall meanwhile
    await deleteList(db, other.id)
    await expect(deleteList(db, FIRST_LIST.id)).rejects.toThrow("at least one list")
  })

  it("a list in Aircall's Power Dialer is never dialed by our run until taken back", async () => {
    const db = freshDb()
    const leads = await createList(db, "Leads")
    await addNumbers(db, [A], { listId: leads.id })
    await setListMode(db, leads.id, "aircall")
    await expect(setActiveList(db, leads.id)).rejects.toThrow("Aircall's Power Dialer")
    await setListMode(db, FIRST_LIST.id, "aircall")
    await expect(pendingItems(db)).rejects.toThrow("clear it there before dialing it here")
    await setListMode(db, leads.id, "run")
    await setActiveList(db, leads.id)
    expect((await pendingItems(db)).map((i) => i.phone)).toEqual([A.phone])
    // deleting the active list activates the first remaining one
    await deleteList(db, leads.id)
    expect(await activeListId(db)).toBe(FIRST_LIST.id)
  })
})
