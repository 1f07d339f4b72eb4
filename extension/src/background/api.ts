import * as z from "zod"

import {
  CampaignGetResult,
  CampaignPostResult,
  DialerState,
  DispositionsResponse,
  HistoryEntry,
  HistoryResponse,
  QueueResponse,
  ScheduledResponse,
  Stats,
  WsTicketResponse,
  type CampaignItem,
  type QueueItem,
  type WrapUpBody,
  DialerCheckResponse,
} from "@dialer/shared"

import type { DialerCommand } from "../lib/messages"
import type { Auth } from "./auth"
import { ApiError, type Fetch, joinUrl, readResponse, send } from "./http"

/** The worker's agent API. Every call carries a fresh access token and retries once after a 401. */
export class Api {
  constructor(
    private readonly auth: Auth,
    private readonly fetchFn: Fetch,
  ) {}

  private async call<S extends z.ZodType>(method: string, path: string, schema: S, body?: unknown): Promise<z.infer<S>> {
    const login = await this.auth.login()
    if (!login) throw new ApiError(401, "signed_out", "Not signed in: open the options page and enter your code")
    const attempt = async (token: string) =>
      send(this.fetchFn, joinUrl(login.workerUrl, path), {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { "content-type": "application/json" }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      })
    let res = await attempt(await this.auth.accessToken())
    if (res.status === 401) res = await attempt(await this.auth.refresh())
    return readResponse(res, schema)
  }

  state() {
    return this.call("GET", "/api/dialer", DialerState)
  }

  start(items: QueueItem[], delaySeconds?: number, requireWrapUp?: boolean) {
    return this.call("POST", "/api/dialer/start", DialerState, { items, delaySeconds, ...(requireWrapUp ? { requireWrapUp } : {}) })
  }

  command(command: DialerCommand) {
    return this.call("POST", `/api/dialer/${command}`, DialerState)
  }

  /** `baseRev`: the queueRev of the state the edit was made from, so the worker keeps what it put back since. */
  putQueue(items: QueueItem[], baseRev?: number) {
    return this.call("PUT", "/api/queue", QueueResponse, { items, baseRev })
  }

  history(limit = 50, cursor?: string) {
    const query = new URLSearchParams({ limit: String(limit), ...(cursor ? { cursor } : {}) })
    return this.call("GET", `/api/history?${query}`, HistoryResponse)
  }

  stats(from: string, to?: string) {
    const query = new URLSearchParams({ from, ...(to ? { to } : {}) })
    return this.call("GET", `/api/stats?${query}`, Stats)
  }

  async wsUrl(): Promise<string> {
    const login = await this.auth.login()
    const { ticket } = await this.call("POST", "/api/auth/ws-ticket", WsTicketResponse)
    const url = new URL(joinUrl(login?.workerUrl ?? "", "/api/ws"))
    url.protocol = url.protocol === "https:" ? "wss:" : "ws:"
    url.searchParams.set("ticket", ticket)
    return url.toString()
  }

  /** Aircall's own Power Dialer: put numbers into the agent's Aircall dialer campaign. */
  campaignAdd(items: CampaignItem[]) {
    return this.call("POST", "/api/dialer/campaign", CampaignPostResult, { items })
  }

  /** The agent's Aircall dialer campaign (a 404 ApiError when there is none). */
  campaign() {
    return this.call("GET", "/api/dialer/campaign", CampaignGetResult)
  }

  clearCampaign() {
    return this.call("DELETE", "/api/dialer/campaign", z.null())
  }

  // ---------- wrap-up (see wrapup/service.ts) ----------
  /** The company's wrap-up choices. */
  dispositions() {
    return this.call("GET", "/api/dispositions", DispositionsResponse)
  }

  /** A disposition, note and callback for one of the agent's calls (a second one corrects the first). */
  wrapUp(body: WrapUpBody) {
    return this.call("POST", "/api/dialer/wrap-up", z.object({ entry: HistoryEntry }), body)
  }

  /** Numbers the worker brings back later (retries and callbacks). */
  scheduled() {
    return this.call("GET", "/api/dialer/scheduled", ScheduledResponse)
  }

  /** A scheduled number goes to the head of the run's queue now. */
  scheduledNow(itemId: string) {
    return this.call("POST", `/api/dialer/scheduled/${encodeURIComponent(itemId)}/now`, DialerState)
  }

  /** A scheduled number is dropped: it will not come back. */
  dropScheduled(itemId: string) {
    return this.call("DELETE", `/api/dialer/scheduled/${encodeURIComponent(itemId)}`, z.unknown())
  }

  // ---------- compliance (see compliance/marks.ts) ----------
  /** The guard's answer for queued numbers: do-not-call list, calling hours (≤ 1,000 numbers). */
  checkNumbers(phones: string[]) {
    return this.call("POST", "/api/dialer/check", DialerCheckResponse, { phones })
  }
}
