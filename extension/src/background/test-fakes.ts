/** Fakes for background unit tests: a routed fetch, JWTs, a wired-up service. */
import { DialerDB } from "../db/db"
import type { Broadcast } from "../lib/messages"
import { memoryStore } from "../lib/storage"
import { Api } from "./api"
import { Auth } from "./auth"
import type { Badge } from "./badge"
import { DialerService } from "./dialer-service"

export type Call = { method: string; path: string; body: unknown; auth: string | null }
type Route = (call: Call) => { status?: number; body?: unknown } | undefined

export function jwt(expEpochSeconds: number, sub = "agent-1"): string {
  const part = (o: object) => btoa(JSON.stringify(o)).replace(/=+$/, "")
  return `${part({ alg: "HS256" })}.${part({ sub, exp: expEpochSeconds })}.sig`
}

/** fetch that answers from `route` (404 when it returns nothing) and records every call. */
export function fakeFetch(route: Route) {
  const calls: Call[] = []
  const fn = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input))
    const headers = new Headers(init?.headers)
    const call: Call = {
      method: init?.method ?? "GET",
      path: url.pathname + url.search,
      body: init?.body ? JSON.parse(String(init.body)) : undefined,
      auth: headers.get("authorization"),
    }
    calls.push(call)
    const answer = route(call) ?? { status: 404, body: { error: { code: "not_found", message: "no route" } } }
    return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), { status: answer.status ?? 200 })
  }
  return Object.assign(fn as typeof fetch, { calls })
}

export const AGENT = {
  agentId: "agent-1", aircallUserId: 42, numberId: 7, name: "Ada Agent", role: "agent",
  createdAt: "2030-01-01T00:00:00.000Z", enrolledAt: "2030-01-01T00:00:00.000Z",
}

export const LOGIN = { workerUrl: "http://worker.test", refreshToken: "refresh-token-0", agent: { agentId: "agent-1", name: "Ada Agent" } }

let dbCount = 0

/** A service with memory stores, a fresh DB and recorded broadcasts/badges. */
export function wired(route: Route, opts: { signedIn?: boolean; now?: () => number } = {}) {
  const fetch = fakeFetch(route)
  const vault = memoryStore(opts.signedIn === false ? {} : { login: LOGIN })
  const session = memoryStore()
  const signedOut: number[] = []
  const auth = new Auth({ vault, session, fetch, now: opts.now, onSignedOut: () => void signedOut.push(1) })
  const api = new Api(auth, fetch)
  const db = new DialerDB(`bg-test-${Date.now()}-${++dbCount}`)
  const broadcasts: Broadcast[] = []
  const badges: Badge[] = []
  const service = new DialerService({
    db, auth, api,
    broadcast: async (m) => void broadcasts.push(m),
    showBadge: async (b) => void badges.push(b),
  })
  return { fetch, vault, session, auth, api, db, service, broadcasts, badges, signedOut }
}
