import type { ServerMessage } from "@dialer/shared"

import type { DialerDB } from "../db/db"
import { mirrorHistory } from "../db/history"
import { activePhones, pendingItems, queueCounts } from "../db/queue"
import { applyCallEnded, applyHistoryOutcomes, applyState } from "../db/run-sync"
import { readDialerState, writeAccount, writeError } from "../db/runtime"
import { getSettings } from "../db/settings"
import type { Broadcast, DialerCommand } from "../lib/messages"
import type { Api } from "./api"
import type { Auth } from "./auth"
import { type Badge, badgeFor } from "./badge"
import { errorMessage } from "./http"
import { buildView, isRunActive } from "./view"
import { WrapUpService } from "../wrapup/service"
import { localStore } from "../lib/storage"

export type ServiceDeps = {
  db: DialerDB
  auth: Auth
  api: Api
  broadcast: (message: Broadcast) => Promise<void>
  showBadge: (badge: Badge) => Promise<void>
}

/** What the background does, free of chrome.* wiring: syncing, commands, publishing the view. */
export class DialerService {
  constructor(private readonly deps: ServiceDeps) {}

  async signedIn(): Promise<boolean> {
    return !!(await this.deps.auth.login())
  }

  /** After (re)connecting: state and recent history from the worker, then publish. */
  async resync(): Promise<void> {
    const { api, db } = this.deps
    const state = await api.state()
    await applyState(db, state)
    const history = await api.history(50)
    await mirrorHistory(db, history.items)
    await applyHistoryOutcomes(db, history.items, state.current?.itemId)
    await writeError(db, null)
    await this.publish()
  }

  async onServerMessage(message: ServerMessage): Promise<void> {
    const { db, api } = this.deps
    if (message.type === "pong") return
    if (message.type === "state") await applyState(db, message.state)
    if (message.type === "call.ended") {
      await applyCallEnded(db, message)
      const history = await api.history(20)
      await mirrorHistory(db, history.items)
    }
    await this.publish()
  }

  async start(opts: { requireWrapUp?: boolean } = {}): Promise<void> {
    const { db, api } = this.deps
    const items = await pendingItems(db)
    if (items.length === 0) {
      const held = (await queueCounts(db)).pending > 0
      throw new Error(held ? "No number is ready: include or confirm the numbers waiting in the queue" : "The queue has no pending numbers")
    }
    const settings = await getSettings(db)
    await applyState(db, await api.start(items, settings.delaySeconds, opts.requireWrapUp)) // the answer is the new state
    await this.publish()
  }

  async command(command: DialerCommand): Promise<void> {
    await applyState(this.deps.db, await this.deps.api.command(command))
    await this.publish()
  }

  /** The queue was edited: during a run the worker gets the pending items in their new order. */
  async queueEdited(): Promise<void> {
    const { db, api } = this.deps
    await this.publishQueue()
    await this.publish()
    const state = await readDialerState(db)
    if (isRunActive(state)) await api.putQueue(await pendingItems(db), state?.queueRev)
  }

  stats(from: string, to?: string) {
    return this.deps.api.stats(from, to)
  }

  async signedOut(): Promise<void> {
    await writeAccount(this.deps.db, null)
    await this.publish()
  }

  /** Remember a failure for the popup to show; `null` clears it. */
  async report(error: unknown): Promise<string> {
    const message = errorMessage(error)
    await writeError(this.deps.db, message)
    return message
  }

  async publishQueue(): Promise<string[]> {
    const phones = await activePhones(this.deps.db)
    await this.deps.broadcast({ type: "queue.changed", phones })
    return phones
  }

  async publish(): Promise<void> {
    const { db } = this.deps
    const signedIn = await this.signedIn()
    const view = await buildView(db, signedIn)
    const counts = await queueCounts(db)
    await this.deps.showBadge(badgeFor(view.state, counts.pending, signedIn))
    await this.deps.broadcast({ type: "dialer.view", view })
  }

  private wrapUpService?: WrapUpService

  /** Wrap-ups, their choices and the scheduled numbers (wrapup/service.ts). */
  wrapUp(): WrapUpService {
    const prefs = typeof chrome !== "undefined" && chrome.storage?.local ? localStore() : undefined
    return (this.wrapUpService ??= new WrapUpService({ db: this.deps.db, api: this.deps.api, prefs }))
  }
}
