import ReconnectingWebSocket from "partysocket/ws"

import { PING, ServerMessage } from "@dialer/shared"

export const PING_INTERVAL_MS = 20_000
/** A ping unanswered this long means the link is gone even if no close event came (network drop). */
export const PONG_TIMEOUT_MS = 8_000
/** Backoff cap: a worker that comes back is found within this long (the popup can retry at once). */
export const MAX_RECONNECT_MS = 10_000

export type SocketDeps = {
  /** A fresh `ws(s)://…/api/ws?ticket=` URL: tickets are single use, so one per connection. */
  url: () => Promise<string>
  onMessage: (message: ServerMessage) => void | Promise<void>
  /** Every (re)connection: resync, since pushes may have been missed while disconnected. */
  onOpen: () => void | Promise<void>
  onStatus?: (connected: boolean) => void
  WebSocket?: unknown
  random?: () => number
}

/**
 * The live link to the agent's Durable Object: partysocket reconnects with exponential backoff
 * (randomised start, capped at MAX_RECONNECT_MS); a ping every 20 s keeps the MV3 service worker
 * alive (Chrome 116+ keeps it running while a WebSocket carries traffic) and, unanswered, tells a
 * dead link from a quiet one.
 */
export class DialerSocket {
  private ws: ReconnectingWebSocket | null = null
  private pinger: ReturnType<typeof setInterval> | null = null
  private pongDue: ReturnType<typeof setTimeout> | null = null

  constructor(private readonly deps: SocketDeps) {}

  get connected(): boolean {
    return this.ws?.readyState === 1
  }

  get running(): boolean {
    return this.ws !== null
  }

  /** Connects; on a socket already started but down, tries again now rather than after the backoff. */
  start(): void {
    if (this.ws) {
      if (this.ws.readyState !== 0 && this.ws.readyState !== 1) this.ws.reconnect()
      return
    }
    const random = this.deps.random ?? Math.random
    const ws = new ReconnectingWebSocket(() => this.deps.url(), undefined, {
      WebSocket: this.deps.WebSocket,
      minReconnectionDelay: 1000 + random() * 2000,
      maxReconnectionDelay: MAX_RECONNECT_MS,
      reconnectionDelayGrowFactor: 1.6,
      connectionTimeout: 10_000,
    })
    ws.addEventListener("open", () => {
      this.deps.onStatus?.(true)
      void Promise.resolve(this.deps.onOpen()).catch((error: unknown) => console.warn("resync failed", error))
    })
    ws.addEventListener("close", () => {
      this.clearPongDue()
      this.deps.onStatus?.(false)
    })
    ws.addEventListener("message", (event) => this.receive(event.data))
    this.ws = ws
    this.pinger = setInterval(() => this.ping(), PING_INTERVAL_MS)
  }

  stop(): void {
    this.clearPongDue()
    if (this.pinger) clearInterval(this.pinger)
    this.pinger = null
    this.ws?.close(1000, "signed out")
    this.ws = null
    this.deps.onStatus?.(false)
  }

  ping(): void {
    if (!this.connected) return
    this.ws?.send(PING)
    this.pongDue ??= setTimeout(() => {
      this.pongDue = null
      console.warn("no answer to a ping: reconnecting")
      this.deps.onStatus?.(false)
      this.ws?.reconnect()
    }, PONG_TIMEOUT_MS)
  }

  private clearPongDue(): void {
    if (this.pongDue) clearTimeout(this.pongDue)
    this.pongDue = null
  }

  /** Frames are validated before anything acts on them; bad ones are logged and dropped. */
  receive(data: unknown): void {
    if (typeof data !== "string") return
    let json: unknown
    try {
      json = JSON.parse(data)
    } catch (error) {
      console.warn("dropped a WebSocket frame that is not JSON", error)
      return
    }
    const parsed = ServerMessage.safeParse(json)
    if (!parsed.success) {
      console.warn("dropped an unexpected WebSocket frame", parsed.error.issues[0]?.message)
      return
    }
    this.clearPongDue() // any frame shows the link is alive
    void Promise.resolve(this.deps.onMessage(parsed.data)).catch((error: unknown) =>
      console.warn("applying a WebSocket message failed", error),
    )
  }
}
