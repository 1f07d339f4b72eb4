import { createServer, type IncomingMessage, type ServerResponse } from "node:http"
import type { AddressInfo } from "node:net"

import type { DialerState, HistoryEntry, Outcome, QueueItem, ScheduledItem, Stats } from "@dialer/shared"
import { DEFAULT_DISPOSITIONS } from "@dialer/shared"
import { WebSocketServer, type WebSocket } from "ws"

/**
 * A stand-in for the Cloudflare Worker's agent API, enough for browser tests of the extension:
 * enrolment and refresh, the dialer commands, queue, history, stats and the WebSocket pushes.
 * It records every request so tests can assert what the extension sent.
 */
export const GOOD_CODE = "E2E-CODE-1"

const far = () => Math.floor(Date.now() / 1000) + 3600
const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString("base64url")
const token = () => `${b64({ alg: "HS256" })}.${b64({ sub: "agent-e2e", exp: far() })}.sig`

export type StubCall = { method: string; path: string; body: unknown }

export async function startStubWorker() {
  const calls: StubCall[] = []
  const sockets = new Set<WebSocket>()
  let items: QueueItem[] = []
  let state: DialerState = { status: "idle", remaining: 0, delaySeconds: 5 }
  const history: HistoryEntry[] = []
  const now = () => new Date().toISOString()
  let down = false // an outage: every request is cut, WebSockets dropped and refused

  const push = (message: object) => sockets.forEach((ws) => ws.send(JSON.stringify(message)))
  const setState = (next: DialerState) => {
    state = { ...next, updatedAt: now() }
    push({ type: "state", state })
  }
  const dialNext = () => {
    const [next, ...rest] = items
    items = rest
    if (!next) return setState({ status: "completed", remaining: 0, delaySeconds: state.delaySeconds })
    setState({ status: "ringing", remaining: rest.length, delaySeconds: state.delaySeconds, current: { itemId: next.id, phone: next.phone, name: next.name, startedAt: now() } })
  }

  const routes: Record<string, (body: any) => [number, unknown]> = {
    "POST /api/auth/enroll": (b) =>
      b?.code === GOOD_CODE
        ? [200, { accessToken: token(), refreshToken: "refresh-1", agent: { agentId: "agent-e2e", aircallUserId: 1, numberId: 2, name: "Erin Agent", role: "agent", createdAt: now(), enrolledAt: now() } }]
        : [401, { error: { code: "unauthorized", message: "This enrolment code is not valid" } }],
    "POST /api/auth/refresh": () => [200, { accessToken: token(), refreshToken: `refresh-${calls.length}` }],
    "POST /api/auth/ws-ticket": () => [200, { ticket: `ticket-${calls.length}` }],
    "GET /api/dialer": () => [200, state],
    "POST /api/dialer/start": (b) => {
      items = b.items
      state = { ...state, delaySeconds: b.delaySeconds ?? 5 }
      dialNext()
      return [200, state]
    },
    "POST /api/dialer/pause": () => (setState({ ...state, status: "paused", pausedFrom: state.status, pausedReason: "Paused by you" }), [200, state]),
    "POST /api/dialer/resume": () => (setState({ ...state, status: state.pausedFrom ?? "ringing", pausedFrom: undefined, pausedReason: undefined }), [200, state]),
    "POST /api/dialer/stop": () => (setState({ status: "stopped", remaining: 0, delaySeconds: state.delaySeconds }), [200, state]),
    "POST /api/dialer/skip": () => (stub.endCall("skipped"), [200, state]),
    "PUT /api/queue": (b) => ((items = b.items), [200, { items }]),
    "GET /api/history": () => [200, { items: history, nextCursor: null }],
    "GET /api/stats": () => [200, stats(history)],
  }

  // ---------- wrap-up (wrapup.spec.ts): dispositions, wrap-ups, requireWrapUp, scheduled numbers ----------
  let requireWrapUp = false
  const scheduled: ScheduledItem[] = []
  const scheduledState = () => ({ scheduled: scheduled.length, nextScheduledAt: scheduled.map((s) => s.dueAt).sort()[0] })
  const plainStart = routes["POST /api/dialer/start"]!
  routes["POST /api/dialer/start"] = (b) => ((requireWrapUp = b?.requireWrapUp === true), plainStart(b))
  routes["GET /api/dispositions"] = () => [200, { dispositions: DEFAULT_DISPOSITIONS }]
  routes["GET /api/dialer/scheduled"] = () => [200, { items: scheduled }]
  routes["POST /api/dialer/wrap-up"] = (b) => {
    const entry = history.find((h) => h.itemId === b?.itemId)
    if (!entry) return [404, { error: { code: "not_found", message: "no such call in your last 24 hours" } }]
    const d = DEFAULT_DISPOSITIONS.find((x) => x.id === b.disposition)
    if (!d) return [400, { error: { code: "validation_failed", message: `unknown disposition ${b.disposition}` } }]
    if (d.kind === "callback" && !b.callbackAt) return [400, { error: { code: "validation_failed", message: "a callback needs callbackAt" } }]
    Object.assign(entry, { disposition: d.id, note: b.note ?? null, callbackAt: b.callbackAt ?? null })
    if (d.kind === "callback" && !scheduled.some((s) => s.item.id === entry.itemId)) {
      const item = { id: entry.itemId, phone: entry.phone, ...(entry.name ? { name: entry.name } : {}) }
      scheduled.push({ item, dueAt: b.callbackAt, why: "callback", attempts: 1, due: false })
      const drop = () => {
        const at = scheduled.findIndex((s) => s.item.id === item.id)
        if (at >= 0) scheduled.splice(at, 1)
      }
      routes[`POST /api/dialer/scheduled/${item.id}/now`] = () => {
        drop()
        items = [item, ...items]
        if (!state.current) dialNext()
        return [200, { ...state, ...scheduledState() }]
      }
      routes[`DELETE /api/dialer/scheduled/${item.id}`] = () => (drop(), [204, null])
    }
    const awaited = state.awaitingWrapUp?.itemId === entry.itemId
    setState({ ...state, awaitingWrapUp: awaited ? undefined : state.awaitingWrapUp, ...scheduledState() })
    if (awaited) dialNext()
    return [200, { entry }]
  }

  // ---------- compliance guard (POST /api/dialer/check): the stub keeps no do-not-call list, every number may be dialed ----------
  routes["POST /api/dialer/check"] ??= (b) => [200, { results: ((b?.phones ?? []) as string[]).map((phone) => ({ phone, ok: true })) }]

  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    if (down) return void req.socket.destroy()
    const url = new URL(req.url ?? "/", "http://x")
    let text = ""
    for await (const chunk of req) text += chunk
    const body = text ? JSON.parse(text) : undefined
    calls.push({ method: req.method ?? "GET", path: url.pathname + url.search, body })
    const route = routes[`${req.method} ${url.pathname}`]
    const [status, answer] = route ? route(body) : [404, { error: { code: "not_found", message: `no ${url.pathname}` } }]
    res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(answer))
  })
  const wss = new WebSocketServer({ server, path: "/api/ws", verifyClient: () => !down })
  wss.on("connection", (ws) => {
    sockets.add(ws)
    ws.send(JSON.stringify({ type: "state", state }))
    ws.on("message", (data) => String(data) === '{"type":"ping"}' && ws.send('{"type":"pong"}'))
    ws.on("close", () => sockets.delete(ws))
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const { port } = server.address() as AddressInfo

  const stub = {
    url: `http://127.0.0.1:${port}`,
    calls,
    get state() {
      return state
    },
    connections: () => sockets.size,
    /** The current call ends: history, a call.ended push, then the countdown to the next dial. */
    endCall(outcome: Outcome, talkSeconds = 0) {
      const current = state.current
      if (!current) return
      const answeredAt = outcome === "answered" ? current.startedAt ?? now() : null
      history.unshift({ itemId: current.itemId, at: current.startedAt ?? now(), phone: current.phone, name: current.name ?? null, callId: `c${history.length + 1}`, outcome, startedAt: current.startedAt ?? now(), answeredAt, endedAt: now(), durationSeconds: talkSeconds + 5, talkSeconds: answeredAt ? talkSeconds : null })
      const nextDialAt = new Date(Date.now() + state.delaySeconds * 1000).toISOString()
      push({ type: "call.ended", itemId: current.itemId, callId: history[0]!.callId, outcome, nextDialAt })
      setState({ status: "wrap_up", remaining: items.length, delaySeconds: state.delaySeconds, nextDialAt, done: history.length })
    },
    dialNext,
    /** Replace the run's state (pushed to the extension as the worker would). */
    setState: (next: DialerState) => setState(next),
    /** The worker goes away: connections cut, requests fail as on a network error. */
    goDown() {
      down = true
      sockets.forEach((ws) => ws.terminate())
    },
    comeBack() {
      down = false
    },
    close: async () => {
      sockets.forEach((ws) => ws.terminate())
      await new Promise((resolve) => wss.close(resolve))
      await new Promise((resolve) => server.close(resolve))
    },
  }
  // A run started with requireWrapUp waits after a connected call: no countdown until the wrap-up.
  const plainEnd = stub.endCall.bind(stub)
  stub.endCall = (outcome: Outcome, talkSeconds = 0) => {
    plainEnd(outcome, talkSeconds)
    const last = history[0]
    if (requireWrapUp && outcome === "answered" && last) setState({ ...state, nextDialAt: undefined, awaitingWrapUp: { itemId: last.itemId, callId: last.callId } })
  }
  return stub
}
export type StubWorker = Awaited<ReturnType<typeof startStubWorker>>

function stats(history: HistoryEntry[]): Stats {
  const answered = history.filter((h) => h.outcome === "answered").length
  const start = new Date()
  start.setHours(0, 0, 0, 0)
  return {
    from: start.toISOString(), to: new Date().toISOString(), calls: history.length, answered,
    noAnswer: history.filter((h) => h.outcome === "no_answer").length,
    failed: history.filter((h) => h.outcome === "failed").length,
    skipped: history.filter((h) => h.outcome === "skipped").length,
    answerRate: history.length ? answered / history.length : 0,
    talkSeconds: history.reduce((sum, h) => sum + (h.talkSeconds ?? 0), 0),
    callsPerHour: history.length, byHour: [],
    // what the wrap-ups say (the default dispositions' ids are their kinds)
    conversations: history.filter((h) => h.disposition === "connected").length,
    voicemails: history.filter((h) => h.disposition === "voicemail").length,
    connectRate: history.length ? history.filter((h) => h.disposition === "connected").length / history.length : 0,
    notRecorded: history.filter((h) => h.outcome === "answered" && !h.disposition).length,
  }
}
