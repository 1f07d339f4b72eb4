import "fake-indexeddb/auto"

import type { DialerState } from "@dialer/shared"
import { describe, expect, it } from "vitest"

import { listQueue } from "../db/queue"
import { STAGE_MIN } from "../db/queue-stage"
import { applyState } from "../db/run-sync"
import { readDialerState } from "../db/runtime"
import { createMessageHandler } from "./handlers"
import { type Call, jwt, wired } from "./test-fakes"

const TOKEN = jwt(Math.floor(Date.now() / 1000) + 900)
const IDLE: DialerState = { status: "idle", remaining: 0, delaySeconds: 5 }
const PAUSED: DialerState = { status: "paused", remaining: 2, delaySeconds: 5, pausedReason: "Paused by you" }
const DIALING: DialerState = { status: "dialing", remaining: 1, delaySeconds: 5 }

function setup(route: (c: Call) => { status?: number; body?: unknown } | undefined = () => undefined) {
  const t = wired((c) => {
    if (c.path === "/api/auth/refresh") return { body: { accessToken: TOKEN, refreshToken: "r2" } }
    if (c.path === "/api/dialer" && c.method === "GET") return { body: IDLE }
    return route(c)
  })
  const connects: number[] = []
  const handle = createMessageHandler({ db: t.db, auth: t.auth, service: t.service, connect: () => void connects.push(1) })
  return { ...t, handle, connects }
}

describe("runtime message handling", () => {
  it("queue.add upserts contacts, dedupes by E.164, answers with phones and broadcasts queue.changed", async () => {
    const t = setup()
    const items = [{ phone: "+15550000001", name: "  Ada  ", crm: "hubspot" }, { phone: "+15550000001" }, { phone: "+15550000002" }]
    expect(await t.handle({ type: "queue.add", items })).toMatchObject({ added: 2 })
    expect(await t.handle({ type: "queue.add", items: [{ phone: "+15550000002" }] })).toMatchObject({ added: 0 })
    expect((await listQueue(t.db)).map((r) => [r.phone, r.name])).toEqual([["+15550000001", "Ada"], ["+15550000002", undefined]])
    const changed = t.broadcasts.filter((b) => b.type === "queue.changed").at(-1)
    expect(changed?.type === "queue.changed" && changed.phones.sort()).toEqual(["+15550000001", "+15550000002"])
    expect(t.fetch.calls.some((c) => c.path === "/api/queue")).toBe(false) // no run: nothing sent
  })

  it("a big queue.add (Add all) answers once its numbers are durable, then tells tabs every phone", async () => {
    const t = setup()
    const items = Array.from({ length: STAGE_MIN + 5 }, (_, i) => ({ phone: `+1555${String(i).padStart(7, "0")}` }))
    const answer = await t.handle({ type: "queue.add", items })
    expect(answer).toEqual({ added: items.length, phones: items.map((c) => c.phone) }) // nothing internal in the answer
    expect((await listQueue(t.db)).length).toBe(items.length)
    await expect.poll(() => t.broadcasts.filter((b) => b.type === "queue.changed").at(-1)).toMatchObject({ phones: items.map((c) => c.phone) })
  })

  it("rejects invalid requests before acting", async () => {
    const t = setup()
    expect(await t.handle({ type: "queue.add", items: [{ phone: "555-0100" }] })).toMatchObject({ ok: false, error: expect.stringContaining("Invalid queue.add") })
    expect(await t.handle({ type: "dialer.command", command: "explode" })).toMatchObject({ ok: false })
    expect(await t.handle({ type: "nope" })).toEqual({ ok: false, error: "Unknown message" })
    expect(await t.handle("hello")).toEqual({ ok: false, error: "Unknown message" })
    expect(await t.db.queue.count()).toBe(0)
  })

  it("dialer.command posts to the worker with a bearer token and stores the state it answers", async () => {
    const t = setup((c) => (c.path === "/api/dialer/pause" ? { body: PAUSED } : undefined))
    expect(await t.handle({ type: "dialer.command", command: "pause" })).toEqual({ ok: true })
    const post = t.fetch.calls.find((c) => c.path === "/api/dialer/pause")
    expect(post).toMatchObject({ method: "POST", auth: `Bearer ${TOKEN}` })
    expect(t.fetch.calls.some((c) => c.path === "/api/dialer" && c.method === "GET")).toBe(false) // no second round trip
    expect(await readDialerState(t.db)).toMatchObject({ status: "paused" })
    expect(t.broadcasts.some((b) => b.type === "dialer.view")).toBe(true)
  })

  it("surfaces the worker's error message", async () => {
    const t = setup((c) => (c.path === "/api/dialer/skip" ? { status: 409, body: { error: { code: "conflict", message: "No run to skip" } } } : undefined))
    expect(await t.handle({ type: "dialer.command", command: "skip" })).toEqual({ ok: false, error: "No run to skip" })
  })

  it("retries once with a renewed token after a 401", async () => {
    let first = true
    const t = setup((c) => {
      if (c.path !== "/api/dialer/resume") return undefined
      if (first) {
        first = false
        return { status: 401, body: { error: { code: "unauthorized", message: "expired" } } }
      }
      return { body: DIALING }
    })
    await t.session.set("access", { token: "old", expiresAt: Date.now() + 600_000 })
    expect(await t.handle({ type: "dialer.command", command: "resume" })).toEqual({ ok: true })
    expect(t.fetch.calls.filter((c) => c.path === "/api/dialer/resume").map((c) => c.auth)).toEqual(["Bearer old", `Bearer ${TOKEN}`])
  })

  it("dialer.start sends the pending items in queue order with the delay from settings", async () => {
    const t = setup((c) => (c.path === "/api/dialer/start" ? { body: DIALING } : undefined))
    await t.handle({ type: "queue.add", items: [{ phone: "+15550000001", name: "Ada" }, { phone: "+15550000002" }] })
    expect(await t.handle({ type: "dialer.start" })).toEqual({ ok: true })
    const start = t.fetch.calls.find((c) => c.path === "/api/dialer/start")
    const rows = await listQueue(t.db)
    expect(start?.body).toEqual({ items: rows.map((r) => ({ id: r.id, phone: r.phone, ...(r.name ? { name: r.name } : {}) })), delaySeconds: 5 })
  })

  it("queue edits during a run are sent to the worker as PUT /api/queue", async () => {
    const t = setup((c) => (c.path === "/api/queue" ? { body: { items: [] } } : undefined))
    await t.handle({ type: "queue.add", items: [{ phone: "+15550000001" }, { phone: "+15550000002" }] })
    const [a, b] = await listQueue(t.db)
    await applyState(t.db, { status: "ringing", remaining: 1, delaySeconds: 5, current: { itemId: a!.id, phone: a!.phone } })
    expect(await t.handle({ type: "queue.edited" })).toEqual({ ok: true })
    const put = t.fetch.calls.find((c) => c.path === "/api/queue")
    expect(put).toMatchObject({ method: "PUT", body: { items: [{ id: b!.id, phone: b!.phone }] } })
  })

  it("dialer.snapshot answers the view with the next pending number", async () => {
    const t = setup()
    await t.handle({ type: "queue.add", items: [{ phone: "+15550000001", name: "Ada" }] })
    expect(await t.handle({ type: "dialer.snapshot" })).toMatchObject({ signedIn: true, state: null, next: { phone: "+15550000001", name: "Ada" } })
  })
})

describe("queue edits during a run are versioned", () => {
  it("PUT /api/queue says which queueRev of the worker's state the edit was made from", async () => {
    const t = setup((c) => (c.path === "/api/queue" ? { body: { items: [] } } : undefined))
    await t.handle({ type: "queue.add", items: [{ phone: "+15550000001" }] })
    await applyState(t.db, { ...DIALING, queueRev: 3 })
    expect(await t.handle({ type: "queue.edited" })).toEqual({ ok: true })
    const put = t.fetch.calls.filter((c) => c.path === "/api/queue").at(-1)
    expect(put?.method).toBe("PUT")
    expect(put?.body).toMatchObject({ baseRev: 3 })
  })
})

describe("sync.now", () => {
  it("tries the link to the worker again at once (the popup asks when it opens or on Retry)", async () => {
    const t = setup((c) => (c.path.startsWith("/api/history") ? { body: { items: [], nextCursor: null } } : undefined))
    expect(await t.handle({ type: "sync.now" })).toEqual({ ok: true })
    expect(t.connects).toHaveLength(1)
  })
})
