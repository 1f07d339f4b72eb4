import "fake-indexeddb/auto"

import type { DialerState } from "@dialer/shared"
import { describe, expect, it } from "vitest"

import { createMessageHandler } from "../background/handlers"
import { type Call, jwt, wired } from "../background/test-fakes"
import { createList } from "../db/lists"
import { addNumbers, pendingItems } from "../db/queue"
import { applyState } from "../db/run-sync"
import { FIRST_LIST } from "../db/schema"

const TOKEN = jwt(Math.floor(Date.now() / 1000) + 900)
const DIALING: DialerState = { status: "dialing", remaining: 1, delaySeconds: 5 }

function setup(route: (c: Call) => { status?: number; body?: unknown } | undefined = () => undefined) {
  const t = wired((c) => {
    if (c.path === "/api/auth/refresh") return { body: { accessToken: TOKEN, refreshToken: "r2" } }
    return route(c)
  })
  const handle = createMessageHandler({ db: t.db, auth: t.auth, service: t.service, api: t.api, connect: () => {} })
  return { ...t, handle }
}

const campaignPosts = (calls: Call[]) => calls.filter((c) => c.method === "POST" && c.path === "/api/dialer/campaign")

describe("a list handed to Aircall's Power Dialer", () => {
  it("sends the list's pending numbers (not held ones), marks it, and our run refuses it", async () => {
    const t = setup((c) => (c.path === "/api/dialer/campaign" && c.method === "POST" ? { body: { added: 1, alreadyThere: 1, failed: [] } } : undefined))
    await addNumbers(t.db, [{ phone: "+14155550101", name: "Ada" }, { phone: "+14155550102" }, { phone: "+19005550199" }])
    const answer = await t.handle({ type: "campaign.send", listId: FIRST_LIST.id })
    expect(answer).toEqual({ ok: true, result: { added: 1, alreadyThere: 1, failed: [], sent: 2 } })
    expect(campaignPosts(t.fetch.calls).map((c) => c.body)).toEqual([{ items: [{ phone: "+14155550101", name: "Ada" }, { phone: "+14155550102" }] }])
    expect((await t.db.lists.get(FIRST_LIST.id))?.mode).toBe("aircall")
    expect(await t.handle({ type: "dialer.start" })).toEqual({ ok: false, error: expect.stringContaining("Aircall's Power Dialer") })
    expect(t.fetch.calls.some((c) => c.path === "/api/dialer/start")).toBe(false)
  })

  it("not while our run dials the list; a list with nothing pending is refused with a reason", async () => {
    const t = setup()
    const empty = await createList(t.db, "Empty")
    expect(await t.handle({ type: "campaign.send", listId: empty.id })).toEqual({ ok: false, error: '"Empty" has no pending number to send' })
    await addNumbers(t.db, [{ phone: "+14155550101" }])
    await applyState(t.db, DIALING)
    expect(await t.handle({ type: "campaign.send", listId: FIRST_LIST.id })).toEqual({ ok: false, error: expect.stringContaining("stop it before") })
    expect(campaignPosts(t.fetch.calls)).toHaveLength(0)
  })

  it("a failed send leaves the list to our run; clear takes every Aircall list back", async () => {
    let fail = true
    const t = setup((c) => {
      if (c.path !== "/api/dialer/campaign") return undefined
      if (c.method === "POST") return fail ? { status: 502, body: { error: { code: "aircall_unavailable", message: "Aircall is not answering properly: 503" } } } : { body: { added: 1, alreadyThere: 0, failed: [] } }
      if (c.method === "DELETE") return { status: 204 }
      return { body: { numbers: [{ phone: "+14155550101", called: true, aircallId: "77" }] } }
    })
    await addNumbers(t.db, [{ phone: "+14155550101" }])
    const failed = await t.handle({ type: "campaign.send", listId: FIRST_LIST.id })
    expect(failed).toMatchObject({ ok: false, error: expect.stringContaining("Aircall") })
    expect((await t.db.lists.get(FIRST_LIST.id))?.mode).toBe("run")
    fail = false
    expect(await t.handle({ type: "campaign.send", listId: FIRST_LIST.id })).toMatchObject({ ok: true })
    expect(await t.handle({ type: "campaign.get" })).toEqual({ ok: true, numbers: [{ phone: "+14155550101", called: true, aircallId: "77" }] })
    expect(await t.handle({ type: "campaign.clear" })).toEqual({ ok: true })
    expect(t.fetch.calls.filter((c) => c.method === "DELETE")).toHaveLength(1)
    expect((await t.db.lists.get(FIRST_LIST.id))?.mode).toBe("run")
    expect((await pendingItems(t.db)).map((i) => i.phone)).toEqual(["+14155550101"])
  })

  it("no campaign yet reads as null, not an error", async () => {
    const t = setup((c) => (c.path === "/api/dialer/campaign" ? { status: 404, body: { error: { code: "not_found", message: "none" } } } : undefined))
    expect(await t.handle({ type: "campaign.get" })).toEqual({ ok: true, numbers: null })
  })
})
