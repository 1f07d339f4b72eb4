/**
 * The background's side of the wrap-up: which call waits for one (the prompt the popup and the bar
 * show), the company's choices, the contact's time zone, submitting and correcting, and the
 * numbers the worker scheduled (retries and callbacks). The worker owns the schedule; this mirrors it.
 */
import { DEFAULT_DISPOSITIONS, type Disposition, type HistoryEntry } from "@dialer/shared"

import type { Api } from "../background/api"
import type { DialerDB } from "../db/db"
import { mirrorHistory, recentHistory } from "../db/history"
import { applyState } from "../db/run-sync"
import { readDialerState } from "../db/runtime"
import type { HistoryRow } from "../db/types"
import type { KeyValueStore } from "../lib/storage"
import { contactTimeZone } from "./contact-zone"
import { readRequireWrapUp } from "./prefs"
import { withKeys } from "./form-model"
import { CORRECTION_WINDOW_MS, type ScheduledView, type WrapUpPrompt, type WrapUpSubmission } from "./types"

/** After this long, a call nobody wrapped up is no longer offered (the history page still corrects it). */
export const PROMPT_WINDOW_MS = 15 * 60_000
const CHOICES_TTL_MS = 5 * 60_000
/** While a call is being placed or talked, the form waits. */
const IN_CALL = new Set(["dialing", "ringing", "in_call"])

export type WrapUpDeps = { db: DialerDB; api: Api; now?: () => number; /** where "wait for my wrap-up" is kept */ prefs?: KeyValueStore }

export class WrapUpService {
  private choicesCache: { at: number; list: Disposition[] } | null = null
  /** prompts the agent put off ("Later"): by history key, until the browser restarts */
  private readonly putOffKeys = new Set<string>()

  constructor(private readonly deps: WrapUpDeps) {}

  private now() {
    return this.deps.now?.() ?? Date.now()
  }

  /** "Wait for my wrap-up" (the popup's and options' toggle): sent with Start. */
  requireWrapUp(): Promise<boolean> {
    return readRequireWrapUp(this.deps.prefs)
  }

  /** The company's dispositions (kept 5 minutes); the default set while the worker cannot say. */
  async dispositions(): Promise<Disposition[]> {
    const cached = this.choicesCache
    if (cached && this.now() - cached.at < CHOICES_TTL_MS) return cached.list
    try {
      const { dispositions } = await this.deps.api.dispositions()
      this.choicesCache = { at: this.now(), list: dispositions }
      return dispositions
    } catch (error) {
      console.warn("wrap-up: dispositions", error)
      return cached?.list ?? DEFAULT_DISPOSITIONS
    }
  }

  private async prompt(row: HistoryRow, required: boolean, correction: boolean): Promise<WrapUpPrompt> {
    const choices = withKeys((await this.dispositions()).map(({ id, label, kind }) => ({ id, label, kind })))
    return {
      key: row.key,
      itemId: row.itemId,
      callId: row.callId,
      phone: row.phone,
      name: row.name,
      at: row.at,
      outcome: row.outcome,
      required,
      correction,
      choices,
      timeZone: contactTimeZone(row.phone),
      current: { disposition: row.disposition ?? null, note: row.note ?? null, callbackAt: row.callbackAt ?? null },
    }
  }

  /**
   * The call that waits for a wrap-up now: the one the run waits for (requireWrapUp), else the last
   * call, once it ended, if it reached Aircall, has no wrap-up yet, ended under 15 minutes ago and
   * was not put off. Nothing while the next call is being placed or talked.
   */
  async pending(): Promise<WrapUpPrompt | null> {
    const { db } = this.deps
    const state = await readDialerState(db)
    const awaiting = state?.awaitingWrapUp
    if (awaiting) {
      const rows = await db.history.filter((r) => r.itemId === awaiting.itemId && (!awaiting.callId || r.callId === awaiting.callId)).toArray()
      const row = rows.sort((a, b) => b.at.localeCompare(a.at))[0]
      if (row) return this.prompt(row, true, false)
    }
    if (state && IN_CALL.has(state.status)) return null
    const [last] = await recentHistory(db, 1)
    if (!last || !needsWrapUp(last) || this.putOffKeys.has(last.key)) return null
    if (this.now() - Date.parse(last.endedAt ?? last.at) > PROMPT_WINDOW_MS) return null
    return this.prompt(last, false, false)
  }

  /** The history page's "Correct": any of the agent's calls of the last 24 hours. */
  async forEntry(key: string): Promise<WrapUpPrompt | null> {
    const row = await this.deps.db.history.get(key)
    if (!row || row.outcome === "skipped" || !correctable(row, this.now())) return null
    return this.prompt(row, false, !!row.disposition)
  }

  /** Sends the wrap-up; the worker answers with the updated history entry, mirrored at once. */
  async submit(body: WrapUpSubmission): Promise<HistoryEntry> {
    const rows = await this.deps.db.history.filter((r) => r.itemId === body.itemId).toArray()
    if (!rows.some((r) => correctable(r, this.now()))) throw new Error("This call is not in your last 24 hours of history: it can no longer be wrapped up.")
    const { entry } = await this.deps.api.wrapUp(body)
    await mirrorHistory(this.deps.db, [entry])
    return entry
  }

  /** "Later": the popup and the bar stop offering this call (the history page still can). */
  putOff(key: string): void {
    this.putOffKeys.add(key)
  }

  async scheduled(): Promise<ScheduledView[]> {
    const { items } = await this.deps.api.scheduled()
    return items
      .map((s) => ({ itemId: s.item.id, phone: s.item.phone, name: s.item.name ?? null, dueAt: s.dueAt, why: s.why, attempts: s.attempts, due: s.due }))
      .sort((a, b) => a.dueAt.localeCompare(b.dueAt))
  }

  /** Dial it next: the worker puts it at the head of the run's queue and answers with the run. */
  async dialNow(itemId: string): Promise<void> {
    await applyState(this.deps.db, await this.deps.api.scheduledNow(itemId))
  }

  async drop(itemId: string): Promise<void> {
    await this.deps.api.dropScheduled(itemId)
  }
}

/** A call that reached Aircall and has no wrap-up yet. */
export function needsWrapUp(row: HistoryEntry): boolean {
  return !!row.callId && (row.outcome === "answered" || row.outcome === "no_answer") && !row.disposition
}

export function correctable(row: HistoryEntry, now: number): boolean {
  return row.outcome !== "skipped" && now - Date.parse(row.at) <= CORRECTION_WINDOW_MS
}
