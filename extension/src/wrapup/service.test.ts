import "fake-indexeddb/auto"

import type { DialerState, HistoryEntry } from "@dialer/shared"
import { describe, expect, it } from "vitest"

import { createMessageHandler } from "../background/handlers"
import { type Call, jwt, wired } from "../background/test-fakes"
import { mirrorHistory } from "../db/history"
import { applyState } from "../db/run-sync"
import { readDialerState } from "../db/runtime"
import { allowedFrom } from "../background/sender"
import { memoryStore } from "../lib/storage"
import { REQUIRE_WRAP_UP_KEY } from "./prefs"
import { WrapUpService } from "./service"

const TOKEN = jwt(Math.floor(Date.now() / 1000) + 900)
const MINE = [
  { id: "talked", label: "Talked", kind: "connected" },
  { id: "later", label: "Call back", kind: "callback" },
]
const ago = (ms: number) => new Date(Date.now() - ms).toISOString()

function entry(over: Partial<HistoryEntry> = {}): HistoryEntry {
  return {
    itemId: "item-1", at: ago(60_000), phone: "+33612345678", name: "Ana", callId: "c1", outcome: "answered",
    startedAt: ago(60_000), answeredAt: ago(50_000), endedAt: ago(10_000), durationSeconds: 50, talkSeconds: 40, ...over,
  }
}

function setup(route: (c: Call) => { status?: number; body?: unknown } | undefined = () => undefined) {
  const t = wired((c) => {
    if (c.path === "/api/auth/refresh") return { body: { accessToken: TOKEN, refreshToken: "r2" } }
    if (c.path === "/api/dispositions") return { body: { dispositions: MINE } }
    return route(c)
  })
  return { ...t, handle: createMessageHandler({ db: t.db, auth: t.auth, service: t.service, connect: () => {} }) }
}
const state = (s: Partial<DialerState>): DialerState => ({ status: "wrap_up", remaining: 2, delaySeconds: 5, updatedAt: new Date().toISOString(), ...s })

describe("the wrap-up prompt", () => {
  it("offers the last ended call with the company's choices, keys and the contact's time zone", async () => {
    const t = setup()
    await mirrorHistory(t.db, [entry()])
    await applyState(t.db, state({}))
    const { prompt } = (await t.handle({ type: "wrapup.pending" })) as { prompt: Record<string, unknown> | null }
    expect(prompt).toMatchObject({ itemId: "item-1", callId: "c1", name: "Ana", required: false, correction: false, timeZone: "Europe/Paris" })
    expect(prompt!.choices).toEqual([{ id: "talked", label: "Talked", kind: "connected", key: 1 }, { id: "later", label: "Call back", kind: "callback", key: 2 }])
  })

  it("nothing while the next call is placed, for a skipped or wrapped-up call, or one ended long ago; a US number has no single zone", async () => {
    const t = setup()
    await mirrorHistory(t.db, [entry()])
    await applyState(t.db, state({ status: "ringing", current: { itemId: "item-2", phone: "+15550000002" } }))
    expect(await t.handle({ type: "wrapup.pending" })).toEqual({ prompt: null })
    await applyState(t.db, state({ status: "wrap_up", updatedAt: new Date(Date.now() + 1000).toISOString() }))
    for (const e of [entry({ disposition: "talked" }), entry({ outcome: "skipped", callId: null }), entry({ endedAt: ago(20 * 60_000) })]) {
      await t.db.history.clear()
      await mirrorHistory(t.db, [e])
      expect(await t.handle({ type: "wrapup.pending" })).toEqual({ prompt: null })
    }
    await t.db.history.clear()
    await mirrorHistory(t.db, [entry({ phone: "+14155550101" })])
    expect(((await t.handle({ type: "wrapup.pending" })) as { prompt: { timeZone: string | null } }).prompt.timeZone).toBeNull()
  })

  it("a run waiting for the wrap-up (awaitingWrapUp) offers that call as required, even in another status; Later puts off only optional ones", async () => {
    const t = setup()
    await mirrorHistory(t.db, [entry({ itemId: "old", at: ago(120_000) }), entry({ itemId: "item-9", callId: "c9" })])
    await applyState(t.db, state({ awaitingWrapUp: { itemId: "old", callId: "c1" } }))
    const { prompt } = (await t.handle({ type: "wrapup.pending" })) as { prompt: { itemId: string; required: boolean; key: string } }
    expect(prompt).toMatchObject({ itemId: "old", required: true })
    await applyState(t.db, state({ updatedAt: new Date(Date.now() + 1000).toISOString() }))
    const latest = ((await t.handle({ type: "wrapup.pending" })) as { prompt: { key: string; itemId: string } }).prompt
    expect(latest.itemId).toBe("item-9")
    expect(await t.handle({ type: "wrapup.putOff", key: latest.key })).toEqual({ ok: true })
    expect(await t.handle({ type: "wrapup.pending" })).toEqual({ prompt: null })
  })

  it("submits to the worker, mirrors the entry it answers, and refuses what is not a wrap-up", async () => {
    const e = entry()
    const t = setup((c) => (c.path === "/api/dialer/wrap-up" ? { body: { entry: { ...e, disposition: (c.body as { disposition: string }).disposition, note: "hi" } } } : undefined))
    await mirrorHistory(t.db, [e])
    expect(await t.handle({ type: "dialer.wrapUp", itemId: "item-1", disposition: "talked", note: "hi" })).toEqual({ ok: true })
    expect(t.fetch.calls.find((c) => c.path === "/api/dialer/wrap-up")?.body).toEqual({ itemId: "item-1", disposition: "talked", note: "hi" })
    expect(await t.db.history.toArray()).toEqual([expect.objectContaining({ disposition: "talked", note: "hi" })])
    expect(t.broadcasts.some((b) => b.type === "dialer.view")).toBe(true)

    expect(await t.handle({ type: "dialer.wrapUp", itemId: "item-1", disposition: "Not An Id" })).toMatchObject({ ok: false })
    expect(await t.handle({ type: "dialer.wrapUp", itemId: "item-1", disposition: "talked", note: "x".repeat(2001) })).toMatchObject({ ok: false })
    expect(await t.handle({ type: "dialer.wrapUp", itemId: "unknown", disposition: "talked" })).toMatchObject({ ok: false, error: expect.stringMatching(/24 hours/) })
    await mirrorHistory(t.db, [entry({ itemId: "old", at: ago(25 * 3600_000) })])
    expect(await t.handle({ type: "dialer.wrapUp", itemId: "old", disposition: "talked" })).toMatchObject({ ok: false })
    expect(t.fetch.calls.filter((c) => c.path === "/api/dialer/wrap-up")).toHaveLength(1)
  })

  it("the worker's refusal is shown as its message", async () => {
    const t = setup((c) => (c.path === "/api/dialer/wrap-up" ? { status: 400, body: { error: { code: "validation_failed", message: "a callback needs callbackAt" } } } : undefined))
    await mirrorHistory(t.db, [entry()])
    expect(await t.handle({ type: "dialer.wrapUp", itemId: "item-1", disposition: "later" })).toEqual({ ok: false, error: "a callback needs callbackAt" })
  })

  it("corrections from the history page: within 24 hours only, marked as corrections once wrapped up", async () => {
    const t = setup()
    await mirrorHistory(t.db, [entry({ disposition: "talked", note: "first" }), entry({ itemId: "old", at: ago(25 * 3600_000) })])
    const [recent, old] = (await t.db.history.orderBy("at").reverse().toArray()).map((r) => r.key)
    expect(((await t.handle({ type: "wrapup.forEntry", key: recent! })) as { prompt: unknown }).prompt).toMatchObject({ correction: true, current: { disposition: "talked", note: "first" } })
    expect(await t.handle({ type: "wrapup.forEntry", key: old! })).toEqual({ prompt: null })
  })
})

describe("scheduled numbers", () => {
  it("lists them soonest first, dials one now (the run's new state is kept) and drops one", async () => {
    const soon = new Date(Date.now() + 60_000).toISOString()
    const later = new Date(Date.now() + 3600_000).toISOString()
    const t = setup((c) => {
      if (c.path === "/api/dialer/scheduled") return { body: { items: [
        { item: { id: "b", phone: "+33612345679" }, dueAt: later, why: "callback", attempts: 1, due: false },
        { item: { id: "a", phone: "+33612345678", name: "Ana" }, dueAt: soon, why: "retry", attempts: 2, due: false },
      ] } }
      if (c.path === "/api/dialer/scheduled/a/now") return { body: state({ status: "dialing", remaining: 3, updatedAt: new Date(Date.now() + 5000).toISOString() }) }
      if (c.path === "/api/dialer/scheduled/b" && c.method === "DELETE") return { status: 204 }
      return undefined
    })
    const listed = (await t.handle({ type: "wrapup.scheduled" })) as { ok: true; items: { itemId: string; name: string | null; why: string }[] }
    expect(listed.items.map((i) => [i.itemId, i.name, i.why])).toEqual([["a", "Ana", "retry"], ["b", null, "callback"]])
    expect(await t.handle({ type: "wrapup.scheduledNow", itemId: "a" })).toEqual({ ok: true })
    expect(await readDialerState(t.db)).toMatchObject({ status: "dialing", remaining: 3 })
    expect(await t.handle({ type: "wrapup.scheduledDrop", itemId: "b" })).toEqual({ ok: true })
    expect(t.fetch.calls.map((c) => `${c.method} ${c.path}`)).toContain("DELETE /api/dialer/scheduled/b")
  })
})

describe("wait for my wrap-up", () => {
  it("Start sends requireWrapUp when asked; the stored option is read from the preferences", async () => {
    const t = setup((c) => (c.path === "/api/dialer/start" ? { body: state({ status: "dialing" }) } : undefined))
    await t.handle({ type: "queue.add", items: [{ phone: "+33612345678" }] })
    expect(await t.handle({ type: "dialer.start", requireWrapUp: true })).toEqual({ ok: true })
    expect(t.fetch.calls.find((c) => c.path === "/api/dialer/start")?.body).toMatchObject({ requireWrapUp: true })
    const prefs = memoryStore()
    const service = new WrapUpService({ db: t.db, api: t.api, prefs })
    expect(await service.requireWrapUp()).toBe(false)
    await prefs.set(REQUIRE_WRAP_UP_KEY, true)
    expect(await service.requireWrapUp()).toBe(true)
  })
})

describe("who may send wrap-up requests", () => {
  const ID = "ext"
  const page = { id: ID, tab: { id: 1 }, url: "https://app.hubspot.com/contacts/1" }
  it("the bar may read the prompt and send a wrap-up; scheduling and corrections stay with extension pages", () => {
    for (const type of ["wrapup.pending", "dialer.wrapUp", "wrapup.putOff"]) expect(allowedFrom(page, ID, { type })).toBe(true)
    for (const type of ["wrapup.forEntry", "wrapup.scheduled", "wrapup.scheduledNow", "wrapup.scheduledDrop"]) expect(allowedFrom(page, ID, { type })).toBe(false)
  })
})
