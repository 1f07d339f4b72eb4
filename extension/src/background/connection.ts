import type { ConnectionView } from "../lib/messages"

/** Where the connection state is kept for extension pages (popup, options) to follow. */
export const CONNECTION_KEY = "connection"

export type ConnectionDeps = {
  now?: () => number
  /** Every change of status: store it for the pages, publish it to the tabs. */
  onChange?: (view: ConnectionView) => void
}

/**
 * Whether the extension is connected to the worker, and since when. The WebSocket is the judge:
 * open means online; closed (or unanswered pings) means offline from the moment it was lost. A
 * link never made since start-up counts as offline from start-up once the first attempt fails.
 */
export class ConnectionTracker {
  private view: ConnectionView

  constructor(private readonly deps: ConnectionDeps = {}) {
    this.view = { status: "connecting", since: this.stamp() }
  }

  get(): ConnectionView {
    return this.view
  }

  /** The WebSocket opened. */
  opened(): void {
    if (this.view.status !== "online") this.set({ status: "online", since: this.stamp() })
  }

  /** The WebSocket closed or an attempt to open it failed. */
  lost(): void {
    if (this.view.status === "offline") return
    this.set({ status: "offline", since: this.view.status === "online" ? this.stamp() : this.view.since })
  }

  /** Signed out: nothing to be connected to; the next sign-in starts afresh. */
  reset(): void {
    this.set({ status: "connecting", since: this.stamp() })
  }

  private stamp(): string {
    return new Date(this.deps.now?.() ?? Date.now()).toISOString()
  }

  private set(view: ConnectionView): void {
    this.view = view
    this.deps.onChange?.(view)
  }
}
