import "fake-indexeddb/auto"

import { describe, expect, it } from "vitest"

import { contactViews, deleteContact, numberHistory, searchContacts, updateContact } from "./contacts"
import { createList } from "./lists"
import { addNumbers, listQueue, listRows } from "./queue"
import { FIRST_LIST } from "./schema"
import { freshDb } from "./test-db"

const A = { phone: "+14155550101", name: "Ada", company: "Engines", crm: "hubspot", sourceUrl: "https://crm.test/a" }
const B = { phone: "+33612345678", name: "Bernard" }

function call(phone: string, at: string, outcome: "answered" | "no_answer", disposition?: string) {
  return {
    key: `${phone}|${at}`, itemId: `i-${at}`, at, phone, name: null, callId: null, outcome, startedAt: at, answeredAt: null, endedAt: null,
    durationSeconds: null, talkSeconds: null, ...(disposition ? { disposition } : {}),
  }
}

describe("contacts", () => {
  it("each contact shows its last call, last disposition (when a wrap-up exists) and its lists", async () => {
    const db = freshDb()
    const other = await createList(db, "Other")
    await addNumbers(db, [A, B])
    await addNumbers(db, [A], { listId: other.id })
    await db.history.bulkPut([call(A.phone, "2026-01-01T10:00:00.000Z", "no_answer"), call(A.phone, "2026-01-02T10:00:00.000Z", "answered", "interested")])
    const views = await contactViews(db)
    const ada = views.find((v) => v.phone === A.phone)
    expect(ada).toMatchObject({ name: "Ada", company: "Engines", crm: "hubspot", lastCallAt: "2026-01-02T10:00:00.000Z", lastOutcome: "answered", lastDisposition: "interested" })
    expect(ada?.lists.sort()).toEqual([FIRST_LIST.id, other.id].sort())
    expect(views.find((v) => v.phone === B.phone)).toMatchObject({ lastCallAt: null, lastDisposition: null, lists: [FIRST_LIST.id] })
    expect((await numberHistory(db, A.phone)).map((h) => h.outcome)).toEqual(["answered", "no_answer"])
  })

  it("search by name, company or digits of the number", async () => {
    const db = freshDb()
    await addNumbers(db, [A, B])
    const views = await contactViews(db)
    expect(searchContacts(views, "engi").map((c) => c.phone)).toEqual([A.phone])
    expect(searchContacts(views, "06 12 34").map((c) => c.phone)).toEqual([]) // national digits are not in +33612…
    expect(searchContacts(views, "612 345").map((c) => c.phone)).toEqual([B.phone])
    expect(searchContacts(views, "")).toHaveLength(2)
  })

  it("edits name and company (pending rows follow); delete takes the number out of every list but a live call", async () => {
    const db = freshDb()
    const other = await createList(db, "Other")
    await addNumbers(db, [A, B])
    await addNumbers(db, [A], { listId: other.id })
    await updateContact(db, A.phone, { name: "  Ada  Lovelace ", company: "" })
    expect(await db.contacts.get(A.phone)).toMatchObject({ name: "Ada Lovelace", company: undefined })
    expect((await listQueue(db))[0]).toMatchObject({ name: "Ada Lovelace" })
    const [ada] = await listQueue(db)
    await db.queue.update(ada!.id, { status: "dialing" })
    await deleteContact(db, A.phone)
    expect(await db.contacts.get(A.phone)).toBeUndefined()
    expect((await listQueue(db)).map((r) => r.phone)).toEqual([A.phone, B.phone]) // the live call stays
    expect(await listRows(db, other.id)).toEqual([])
  })
})
