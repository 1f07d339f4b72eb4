/**
 * The extension against a hostile CRM page (issue 10): what page script can and cannot make the
 * extension do, where the login is kept, which addresses are accepted. Happy / error / security.
 */
import "fake-indexeddb/auto"

import type { DialerState } from "@dialer/shared"
import { afterEach, describe, expect, it, vi } from "vitest"

import { generic } from "~adapters/generic"

import { createMessageHandler } from "./background/handlers"
import { allowedFrom } from "./background/sender"
import { jwt, LOGIN, type Call, wired } from "./background/test-fakes"
import { fromUser } from "./bar/DialerBar"
import { holdOf, listQueue, pendingItems } from "./db/queue"
import { confirmItem, includeItem } from "./db/queue-edit"
import { applyState } from "./db/run-sync"
import { freshDb } from "./db/test-db"
import { migratingStore, vaultStore } from "./db/vault"
import { closedShadowRoot } from "./lib/csui"
import { memoryStore } from "./lib/storage"
import { httpUrl } from "./lib/safe-url"
import { workerUrlProblem } from "./lib/worker-url"
import { createFakeBridge } from "./page/fake-bridge"
import { startDetector, type Detector } from "./page/manager"
import { userClick } from "./page/user-events.test-helper"

const immediate = (run: (deadline: { timeRemaining(): number }) => void) => setTimeout(() => run({ timeRemaining: () => 50 }), 0)
const controls = () => [...document.querySelectorAll<HTMLButtonElement>("button[data-dialer-number]")]
const addAll = () => document.querySelector<HTMLButtonElement>("[data-dialer-add-all]")!
const settle = () => new Promise((resolve) => setTimeout(resolve, 30))
let detector: Detector | undefined

async function page(html: string) {
  document.body.innerHTML = html
  const bridge = createFakeBridge()
  detector = startDetector({ bridge, adapter: generic, schedule: immediate, mutationDelayMs: 5 })
  await detector.idle()
  return bridge
}

afterEach(() => {
  detector?.stop()
  detector = undefined
  document.body.replaceChildren()
})

const ROWS = '<table><tr><td><a href="/c/1">Ada</a></td><td>415-555-0132</td></tr><tr><td>Bob</td><td>415-555-0133</td></tr></table>'

describe("in-page controls", () => {
  it("happy: a user's click queues the number the extension detected", async () => {
    const bridge = await page(ROWS)
    userClick(controls()[0]!)
    await vi.waitFor(() => expect(bridge.sent).toHaveLength(1))
    expect(bridge.sent[0]!.map((c) => c.phone)).toEqual(["+14155550132"])
  })

  it("security: clicks made by page script (click(), dispatchEvent) queue nothing, on a control or on Add all", async () => {
    const bridge = await page(ROWS)
    controls()[0]!.click()
    controls()[1]!.dispatchEvent(new MouseEvent("click", { bubbles: true }))
    await vi.waitFor(() => expect(addAll().hidden).toBe(false))
    addAll().click()
    await settle()
    expect(bridge.sent).toEqual([])
  })

  it("security: the page rewriting data-dialer-number does not change what a click queues", async () => {
    const bridge = await page(ROWS)
    const [first] = controls()
    first!.setAttribute("data-dialer-number", "+19005550199") // premium rate, chosen by the page
    first!.setAttribute("data-queued", "false")
    userClick(first!)
    await vi.waitFor(() => expect(bridge.sent).toHaveLength(1))
    expect(bridge.sent[0]!.map((c) => c.phone)).toEqual(["+14155550132"])
  })

  it("security: a button the page made to look like ours queues nothing, even clicked by the user", async () => {
    const bridge = await page(ROWS)
    const fake = document.createElement("button")
    fake.setAttribute("data-dialer-number", "+19005550199")
    document.body.append(fake)
    userClick(fake)
    await vi.waitFor(() => expect(addAll().hidden).toBe(false))
    userClick(addAll())
    await vi.waitFor(() => expect(bridge.sent).toHaveLength(1))
    expect(bridge.sent[0]!.map((c) => c.phone).sort()).toEqual(["+14155550132", "+14155550133"])
  })

  it("security: a record link is only ever http(s)", async () => {
    const bridge = await page('<table><tr><td><a href=" javascript:alert(1)">Eve</a></td><td>415-555-0134</td></tr></table>')
    userClick(controls()[0]!)
    await vi.waitFor(() => expect(bridge.sent).toHaveLength(1))
    expect(bridge.sent[0]![0]!.sourceUrl ?? "").not.toMatch(/^javascript:/i)
    for (const bad of ["javascript:alert(1)", " JaVaScRiPt:alert(1)", "data:text/html,x", "vbscript:x", "not a url", undefined]) expect(httpUrl(bad)).toBeUndefined()
    expect(httpUrl("https://crm.example.com/c/1")).toBe("https://crm.example.com/c/1")
  })
})

describe("in-page bar", () => {
  it("security: lives in a closed shadow root the page cannot open", () => {
    const host = document.createElement("plasmo-csui")
    document.body.append(host)
    const root = closedShadowRoot(host)
    root.innerHTML = '<div data-testid="dialer-bar">Ada Lovelace</div>'
    expect(host.shadowRoot).toBeNull()
    expect(document.body.textContent).not.toContain("Ada Lovelace")
  })

  it("security: acts only on real clicks", () => {
    expect(fromUser({ nativeEvent: new MouseEvent("click") })).toBe(false)
    const trusted = new MouseEvent("click")
    Object.defineProperty(trusted, "isTrusted", { value: true })
    expect(fromUser({ nativeEvent: trusted })).toBe(true)
  })
})

const ID = "extension-id"
const contentScript = { id: ID, tab: { id: 1 }, url: "https://app.hubspot.com/contacts/1" }

describe("messages from content scripts", () => {
  it("happy: add numbers, read the view, pause and stop", () => {
    for (const message of [{ type: "queue.add" }, { type: "dialer.snapshot" }, { type: "dialer.command", command: "pause" }, { type: "dialer.command", command: "stop" }]) {
      expect(allowedFrom(contentScript, ID, message)).toBe(true)
    }
  })

  it("security: nothing that leads to a dial: no start, resume, skip or queue edit", () => {
    for (const message of [{ type: "dialer.start" }, { type: "dialer.command", command: "resume" }, { type: "dialer.command", command: "skip" }, { type: "queue.edited" }, { type: "auth.enroll" }]) {
      expect(allowedFrom(contentScript, ID, message)).toBe(false)
    }
  })
})

const TOKEN = jwt(Math.floor(Date.now() / 1000) + 900)
const RINGING = (itemId: string, phone: string): DialerState => ({ status: "ringing", remaining: 1, delaySeconds: 5, current: { itemId, phone } })

function background(route: (c: Call) => { status?: number; body?: unknown } | undefined = () => undefined) {
  const t = wired((c) => {
    if (c.path === "/api/auth/refresh") return { body: { accessToken: TOKEN, refreshToken: "r2" } }
    if (c.path === "/api/queue") return { body: { items: [] } }
    if (c.path === "/api/dialer/start") return { body: { status: "dialing", remaining: 0, delaySeconds: 5 } }
    return route(c)
  })
  return { ...t, handle: createMessageHandler({ db: t.db, auth: t.auth, service: t.service, connect: () => {} }) }
}
const putQueues = (t: ReturnType<typeof background>) => t.fetch.calls.filter((c) => c.path === "/api/queue").map((c) => (c.body as { items: { phone: string }[] }).items.map((i) => i.phone))

describe("numbers added from a page during a run", () => {
  it("security: wait in the popup as pending approval and never reach the worker's queue", async () => {
    const t = background()
    await t.handle({ type: "queue.add", items: [{ phone: "+14155550101" }, { phone: "+14155550102" }] })
    const [first] = await listQueue(t.db)
    await applyState(t.db, RINGING(first!.id, first!.phone))
    await t.handle({ type: "queue.add", items: [{ phone: "+14155550199", name: "Mallory" }] })
    const added = (await listQueue(t.db)).find((r) => r.phone === "+14155550199")!
    expect(added).toMatchObject({ status: "pending", awaitingApproval: true })
    expect(holdOf(added)).toBe("approval")
    expect(putQueues(t).flat()).not.toContain("+14155550199")
    expect(await t.handle({ type: "dialer.snapshot" })).toMatchObject({ next: { phone: "+14155550102" } })
  })

  it("happy: once the agent includes it in the popup, the worker gets it", async () => {
    const t = background()
    await t.handle({ type: "queue.add", items: [{ phone: "+14155550101" }] })
    const [first] = await listQueue(t.db)
    await applyState(t.db, RINGING(first!.id, first!.phone))
    await t.handle({ type: "queue.add", items: [{ phone: "+14155550199" }] })
    const added = (await listQueue(t.db)).find((r) => r.phone === "+14155550199")!
    await includeItem(t.db, added.id)
    expect(await t.handle({ type: "queue.edited" })).toEqual({ ok: true })
    expect(putQueues(t).at(-1)).toEqual(["+14155550199"])
  })

  it("happy: outside a run, numbers from a page are ready for the agent's Start", async () => {
    const t = background()
    await t.handle({ type: "queue.add", items: [{ phone: "+14155550101" }] })
    expect((await listQueue(t.db))[0]).toMatchObject({ awaitingApproval: false })
    expect(putQueues(t)).toEqual([]) // nothing leaves the browser until Start
  })
})

describe("premium-rate and shared-cost numbers", () => {
  it("security: are never sent in Start until the agent confirms each one", async () => {
    const t = background()
    await t.handle({ type: "queue.add", items: [{ phone: "+19005550199" }, { phone: "+33810123456" }, { phone: "+14155550101" }] })
    const rows = await listQueue(t.db)
    expect(rows.map((r) => r.risk)).toEqual(["premium_rate", "shared_cost", null])
    expect(await t.handle({ type: "dialer.start" })).toEqual({ ok: true })
    const sent = () => t.fetch.calls.filter((c) => c.path === "/api/dialer/start").map((c) => (c.body as { items: { phone: string }[] }).items.map((i) => i.phone))
    expect(sent()).toEqual([["+14155550101"]])
  })

  it("happy: a confirmed one is dialed in its place", async () => {
    const t = background()
    await t.handle({ type: "queue.add", items: [{ phone: "+19005550199" }, { phone: "+14155550101" }] })
    const [premium] = await listQueue(t.db)
    await confirmItem(t.db, premium!.id)
    expect((await pendingItems(t.db)).map((i) => i.phone)).toEqual(["+19005550199", "+14155550101"])
  })

  it("error: Start with only held numbers explains what to do", async () => {
    const t = background()
    await t.handle({ type: "queue.add", items: [{ phone: "+19005550199" }] })
    expect(await t.handle({ type: "dialer.start" })).toEqual({ ok: false, error: expect.stringContaining("include or confirm") })
    expect(t.fetch.calls.some((c) => c.path === "/api/dialer/start")).toBe(false)
  })

  it("security: rows stored before classification are classified when sent", async () => {
    const db = freshDb()
    await db.queue.add({ id: "old", listId: "default", phone: "+19005550199", position: 1, status: "pending", attempts: 0, addedAt: "2030-01-01T00:00:00.000Z", lastOutcome: null })
    expect(await pendingItems(db)).toEqual([])
  })
})

describe("record links (sourceUrl)", () => {
  it("error: queue.add with a javascript: sourceUrl is refused with a clear message", async () => {
    const t = background()
    const answer = await t.handle({ type: "queue.add", items: [{ phone: "+14155550101", sourceUrl: "javascript:alert(1)" }] })
    expect(answer).toMatchObject({ ok: false, error: expect.stringContaining("http(s)") })
    expect(await t.db.queue.count()).toBe(0)
  })

  it("security: a javascript: link already stored is never sent nor kept by a new add", async () => {
    const db = freshDb()
    await db.queue.add({ id: "x", listId: "default", phone: "+14155550101", position: 1, status: "pending", attempts: 0, addedAt: "2030-01-01T00:00:00.000Z", lastOutcome: null, risk: null, sourceUrl: "javascript:alert(1)" })
    expect((await pendingItems(db))[0]?.sourceUrl).toBeUndefined()
  })
})

describe("the login", () => {
  it("happy: enrolment keeps the refresh token in the extension's IndexedDB, not in chrome.storage.local", async () => {
    const db = freshDb()
    const legacy = memoryStore() // stands for chrome.storage.local, which content scripts can read
    const vault = migratingStore(vaultStore(db), legacy)
    await vault.set("login", LOGIN)
    expect(legacy.data).toEqual({})
    expect(await vaultStore(db).get("login")).toEqual(LOGIN)
  })

  it("security: a login left in chrome.storage.local by an earlier version moves out of it, still signed in", async () => {
    const db = freshDb()
    const legacy = memoryStore({ login: LOGIN })
    const vault = migratingStore(vaultStore(db), legacy)
    expect(await vault.get("login")).toEqual(LOGIN)
    expect(legacy.data.login).toBeUndefined()
    await vault.remove("login")
    expect(await vault.get("login")).toBeUndefined()
  })
})

describe("the worker's address", () => {
  it("happy: https anywhere, plain http on this computer", () => {
    for (const url of ["https://dialer.example.workers.dev", "http://127.0.0.1:8787", "http://localhost:8787/"]) expect(workerUrlProblem(url)).toBeNull()
  })

  it("error: plain http elsewhere is refused with a clear message, in the options page and the background", async () => {
    expect(workerUrlProblem("http://dialer.example.com")).toMatch(/must start with https:\/\//)
    expect(workerUrlProblem("ftp://dialer.example.com")).toMatch(/https:\/\//)
    expect(workerUrlProblem("dialer")).toMatch(/full address/)
    const t = background()
    const answer = await t.handle({ type: "auth.enroll", workerUrl: "http://dialer.example.com", code: "CODE-123" })
    expect(answer).toMatchObject({ ok: false, error: expect.stringContaining("https://") })
    expect(t.fetch.calls).toEqual([])
  })
})
