import "fake-indexeddb/auto"

import type { ServerMessage } from "@dialer/shared"
import { afterEach, describe, expect, it, vi } from "vitest"

import { addNumbers, listQueue } from "../db/queue"
import { readDialerState } from "../db/runtime"
import { DialerSocket, MAX_RECONNECT_MS, PING_INTERVAL_MS, PONG_TIMEOUT_MS } from "./socket"
import { jwt, wired } from "./test-fakes"

/** The smallest WebSocket partysocket accepts; opens on the next tick. */
class FakeWebSocket extends EventTarget {
  static instances: FakeWebSocket[] = []
  static CONNECTING = 0
  static OPEN = 1
  static CLOSING = 2
  static CLOSED = 3
  readyState = 0
  binaryType = "blob"
  sent: string[] = []
  constructor(readonly url: string) {
    super()
    FakeWebSocket.instances.push(this)
    setTimeout(() => {
      this.readyState = 1
      this.dispatchEvent(new Event("open"))
    }, 0)
  }
  send(data: string) {
    this.sent.push(data)
  }
  close() {
    this.readyState = 3
    this.dispatchEvent(Object.assign(new Event("close"), { code: 1000, reason: "", wasClean: true }))
  }
}

afterEach(() => {
  vi.useRealTimers()
  FakeWebSocket.instances = []
})

describe("DialerSocket", () => {
  it("validates frames: good ones are applied, bad ones dropped", () => {
    const got: ServerMessage[] = []
    const socket = new DialerSocket({ url: async () => "ws://x", onOpen: () => {}, onMessage: (m) => void got.push(m) })
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {})
    socket.receive(JSON.stringify({ type: "state", state: { status: "idle", remaining: 0, delaySeconds: 5 } }))
    socket.receive(JSON.stringify({ type: "state", state: { status: "exploding" } }))
    socket.receive("not json")
    socket.receive(JSON.stringify({ type: "pong" }))
    expect(got.map((m) => m.type)).toEqual(["state", "pong"])
    expect(warn).toHaveBeenCalledTimes(2)
    warn.mockRestore()
  })

  it("asks for a fresh URL per connection, resyncs on open and pings every 20 s", async () => {
    vi.useFakeTimers()
    let tickets = 0
    const opened: number[] = []
    const socket = new DialerSocket({
      url: async () => `ws://worker.test/api/ws?ticket=t${++tickets}`,
      onOpen: () => void opened.push(1),
      onMessage: () => {},
      WebSocket: FakeWebSocket,
      random: () => 0,
    })
    socket.start()
    await vi.advanceTimersByTimeAsync(10)
    expect(FakeWebSocket.instances.map((w) => w.url)).toEqual(["ws://worker.test/api/ws?ticket=t1"])
    expect(opened).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(PING_INTERVAL_MS)
    expect(FakeWebSocket.instances[0]?.sent).toEqual(['{"type":"ping"}'])

    FakeWebSocket.instances[0]!.close() // the server went away: reconnect with a new ticket
    await vi.advanceTimersByTimeAsync(5000)
    expect(FakeWebSocket.instances.map((w) => w.url).at(-1)).toBe("ws://worker.test/api/ws?ticket=t2")
    expect(opened).toHaveLength(2)
    socket.stop()
  })
})

describe("DialerSocket: a lost link is noticed and mended quickly", () => {
  const make = (statuses: boolean[]) =>
    new DialerSocket({
      url: async () => "ws://worker.test/api/ws?ticket=t",
      onOpen: () => {},
      onMessage: () => {},
      onStatus: (connected) => void statuses.push(connected),
      WebSocket: FakeWebSocket,
      random: () => 0,
    })

  it("a ping left unanswered for PONG_TIMEOUT_MS counts as a lost link and reconnects", async () => {
    vi.useFakeTimers()
    const statuses: boolean[] = []
    const socket = make(statuses)
    socket.start()
    await vi.advanceTimersByTimeAsync(10)
    expect(statuses).toEqual([true])
    await vi.advanceTimersByTimeAsync(PING_INTERVAL_MS) // ping sent, no pong comes
    await vi.advanceTimersByTimeAsync(PONG_TIMEOUT_MS)
    expect(statuses).toContain(false)
    await vi.advanceTimersByTimeAsync(5000)
    expect(FakeWebSocket.instances.length).toBeGreaterThanOrEqual(2)
    expect(statuses.at(-1)).toBe(true)
    socket.stop()
  })

  it("a pong keeps the link", async () => {
    vi.useFakeTimers()
    const statuses: boolean[] = []
    const socket = make(statuses)
    socket.start()
    await vi.advanceTimersByTimeAsync(PING_INTERVAL_MS + 10)
    socket.receive(JSON.stringify({ type: "pong" }))
    await vi.advanceTimersByTimeAsync(PONG_TIMEOUT_MS + 10)
    expect(statuses).toEqual([true])
    expect(FakeWebSocket.instances).toHaveLength(1)
    socket.stop()
  })

  it("start() on a running socket that is down retries at once instead of waiting out the backoff", async () => {
    vi.useFakeTimers()
    const statuses: boolean[] = []
    const socket = make(statuses)
    socket.start()
    await vi.advanceTimersByTimeAsync(10)
    FakeWebSocket.instances[0]!.readyState = 3 // the link is down, the backoff timer still waiting
    socket.start()
    await vi.advanceTimersByTimeAsync(50)
    expect(FakeWebSocket.instances).toHaveLength(2)
    socket.stop()
  })

  it("waits at most MAX_RECONNECT_MS between attempts", () => {
    expect(MAX_RECONNECT_MS).toBeLessThanOrEqual(10_000)
  })
})

describe("applying server messages", () => {
  it("state and call.ended update IndexedDB, mirror history and publish", async () => {
    const t = wired((c) =>
      c.path.startsWith("/api/history")
        ? { body: { items: [], nextCursor: null } }
        : c.path === "/api/auth/refresh"
          ? { body: { accessToken: jwt(Math.floor(Date.now() / 1000) + 900), refreshToken: "r" } }
          : undefined,
    )
    await addNumbers(t.db, [{ phone: "+15550000001", name: "Ada" }])
    const [a] = await listQueue(t.db)
    await t.service.onServerMessage({ type: "state", state: { status: "in_call", remaining: 0, delaySeconds: 5, current: { itemId: a!.id, phone: a!.phone } } })
    expect((await listQueue(t.db))[0]?.status).toBe("dialing")
    expect(t.badges.at(-1)).toMatchObject({ color: "#16a34a" })
    expect(t.broadcasts.at(-1)).toMatchObject({ type: "dialer.view", view: { current: { name: "Ada", phone: "+15550000001" } } })

    await t.service.onServerMessage({ type: "call.ended", itemId: a!.id, callId: "1", outcome: "answered", nextDialAt: "2030-01-01T00:00:05.000Z" })
    expect((await listQueue(t.db))[0]).toMatchObject({ status: "done", lastOutcome: "answered", attempts: 1 })
    expect(t.fetch.calls.some((c) => c.path === "/api/history?limit=20")).toBe(true)
    expect((await readDialerState(t.db))?.status).toBe("in_call")
  })
})
