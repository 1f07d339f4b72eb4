/**
 * One Durable Object per agent (named "user:<aircallUserId>"): the authority for the agent's run.
 * A thin shell around the pure machine: it persists each transition, applies its effects, keeps
 * the alarm on the next due time and pushes state over hibernatable WebSockets.
 */
import { DurableObject } from "cloudflare:workers";
import {
  PING,
  PONG,
  type DialerState,
  type ErrorCode,
  type HistoryEntry,
  type HistoryResponse,
  type QueueItem,
  type ScheduledItem,
  type Stats,
  type WebhookEnvelope,
  type WrapUpBody,
} from "@dialer/shared";
import { sha256, randomToken } from "../lib/crypto";
import { settings } from "../settings";
import { aircallHttpFor, companyLimiter } from "../aircall/factory";
import { DEFAULT_CONFIG, initialState, transition, type MachineConfig } from "./dialer-machine";
import type { Effect, MachineEvent, MachineState } from "./machine-types";
import { nextAlarmAt, toSnapshot } from "./snapshot";
import { DialerStore } from "./storage";
import { computeStats } from "./stats";
import { fromEnvelope } from "./webhook-event";
import { effectKey, isAircallEffect, runAircallEffect, type AircallEffect, type WriteContext, type WriteEffect } from "./effects";
import type { GuardDecision } from "../compliance/guard-types";

type OutboxEffect = AircallEffect | Extract<Effect, { type: "dnc.add" }>;
/** Writes the agent asked for (wrap-up note and tag, do-not-call): in the outbox before the answer, never lost. */
type DurableWrite = Extract<Effect, { type: "aircall.comment" | "aircall.tag" | "dnc.add" }>;
const isDurableWrite = (e: Effect): e is DurableWrite => e.type === "aircall.comment" || e.type === "aircall.tag" || e.type === "dnc.add";
const outboxKey = (e: OutboxEffect): string => (e.type === "dnc.add" ? `dnc:${e.phone}` : effectKey(e));
import { directory } from "../lib/stubs";
import { signTicket, verifyTicket } from "../auth/ws-ticket";

export type AgentConfig = { agentId: string; aircallUserId: number; numberId: number; name: string | null; enabled: boolean };
export type Result<T> = { ok: true; value: T } | { ok: false; code: ErrorCode; message: string };
export type Command = "pause" | "resume" | "skip" | "stop";
export type IngestResult = "applied" | "duplicate" | "ignored" | "not_enrolled";

const TICKET_TTL_MS = 30_000;
/** A wrap-up may be given or corrected this long after the call. */
const WRAP_UP_WINDOW_MS = 24 * 3600_000;
const MAX_CALLBACK_MS = 365 * 24 * 3600_000;
/** Writes to Aircall (notes, tags) that fail for now are tried again from this delay, doubling. */
const WRITE_RETRY_MS = 30_000;
const MAX_WRITE_TRIES = 12;
/** The compliance guard could not be asked: the dial waits this long and asks again. */
const GUARD_RETRY_MS = 15_000;
/** A due outbox request being sent is retried after this long if its instance went away meanwhile. */
const OUTBOX_LEASE_MS = 60_000;
/** The team dashboard gets an agent's state at most this often (the newest one; see notifyHub). */
const HUB_SPACING_MS = 500;

export class AgentDialer extends DurableObject<Env> {
  private readonly store: DialerStore;
  private state: MachineState;
  private readonly machineConfig: MachineConfig;
  private alarmAt: number | null | undefined = undefined;
  private lastPushed = "";
  private cachedConfig: AgentConfig | null | undefined = undefined;
  /** numbers in the agent's Aircall Power Dialer campaign (read once, kept in step) */
  private campaignSize: number | undefined;
  /** Aircall requests of this instance between taking their slot and their answer */
  private readonly inFlight = new Set<string>();

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.store = new DialerStore(ctx.storage.sql);
    this.state = this.store.loadMachine() ?? initialState();
    const s = settings(env);
    const watchdogMs = s.CALL_WATCHDOG_SECONDS * 1000;
    // call.ended comes about 30 s after the hang-up: its final data is read from Aircall after 1.5 watchdogs.
    this.machineConfig = { ...DEFAULT_CONFIG, watchdogMs, listDelayMs: s.AIRCALL_LIST_DELAY_SECONDS * 1000, finalDelayMs: Math.round(watchdogMs * 1.5) };
    ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair(PING, PONG));
  }

  // ---------- admin ----------
  /**
   * A different agent on this Aircall user (a reused seat): the previous agent's history goes to
   * an archive (kept, never shown to the new agent) and the run starts afresh.
   */
  async configure(config: AgentConfig): Promise<void> {
    const previous = this.config();
    if (previous && previous.agentId !== config.agentId) {
      this.store.archiveHistory(previous.agentId, Date.now());
      this.store.outboxClear(); // nothing of the previous agent's is ever sent
      this.state = initialState();
      this.store.saveMachine(undefined, this.state);
      this.lastPushed = "";
      for (const ws of this.ctx.getWebSockets()) ws.close(1000, "agent replaced");
      await this.syncAlarm();
    }
    this.store.putJson("config", config);
    this.cachedConfig = config;
  }

  /** The agent was removed: stop the run, close sockets, refuse everything from now on. */
  async disable(): Promise<void> {
    const config = this.config();
    if (config) {
      this.cachedConfig = { ...config, enabled: false };
      this.store.putJson("config", this.cachedConfig);
    }
    await this.apply({ type: "stop", now: Date.now() });
    this.store.outboxClear(); // a removed agent's waiting requests are never sent
    await this.syncAlarm();
    for (const ws of this.ctx.getWebSockets()) ws.close(1000, "agent removed");
  }

  // ---------- the agent's API (every call names the agent it is for) ----------
  async start(agentId: string, items: QueueItem[], delaySeconds?: number, requireWrapUp?: boolean): Promise<Result<DialerState>> {
    return this.guarded(agentId, () => this.command({ type: "start", items, delaySeconds, requireWrapUp, now: Date.now() }));
  }

  /**
   * The agent's wrap-up of one of their calls of the last 24 hours (a second one corrects the first):
   * the row gets the disposition and note, Aircall gets a comment and a tag, and a retry or callback
   * is scheduled.
   */
  async wrapUp(agentId: string, body: WrapUpBody): Promise<Result<HistoryEntry>> {
    return this.guarded(agentId, async () => {
      const now = Date.now();
      const row = this.store.historyForItem(body.itemId, now - WRAP_UP_WINDOW_MS);
      if (!row) return { ok: false, code: "not_found", message: "No call of the last 24 hours has that item id." };
      const disposition = (await directory(this.env).dispositions()).find((d) => d.id === body.disposition);
      if (!disposition) return { ok: false, code: "bad_request", message: `Unknown disposition "${body.disposition}".` };
      const callbackAt = body.callbackAt === undefined ? undefined : Date.parse(body.callbackAt);
      if (disposition.kind === "callback" && callbackAt === undefined) return { ok: false, code: "bad_request", message: "A callback needs callbackAt: when to call back." };
      if (callbackAt !== undefined && (callbackAt < now - 60_000 || callbackAt > now + MAX_CALLBACK_MS))
        return { ok: false, code: "bad_request", message: "callbackAt must be in the next 365 days." };
      await this.apply({
        type: "wrapup", dialId: row.dialId, item: row.item, callId: row.callId, disposition,
        note: body.note, callbackAt: disposition.kind === "callback" ? callbackAt : undefined, correction: row.disposition !== null, now,
      });
      return { ok: true, value: this.store.historyEntry(row.dialId)! };
    });
  }

  /** The numbers the agent sent to Aircall's Power Dialer: their calls are recorded when they make them in Workspace. */
  async campaignRemember(agentId: string, items: { phone: string; name?: string }[]): Promise<Result<number>> {
    return this.guarded(agentId, async () => {
      this.store.campaignPut(items);
      this.campaignSize = this.store.campaignCount();
      return { ok: true, value: this.campaignSize };
    });
  }

  async campaignForget(agentId: string): Promise<Result<number>> {
    return this.guarded(agentId, async () => {
      this.store.campaignClear();
      this.campaignSize = 0;
      return { ok: true, value: 0 };
    });
  }

  async scheduledItems(agentId: string): Promise<Result<ScheduledItem[]>> {
    return this.guarded(agentId, async () => ({
      ok: true,
      value: [
        // Those whose time came and that wait in the run's queue (the extension holds no row for them) come first.
        ...this.dueInQueue().map(({ item, why, dueAt }) => ({ item, dueAt: new Date(dueAt).toISOString(), why, attempts: this.state.attemptsOf?.[item.id] ?? 1, due: true })),
        ...(this.state.scheduled ?? []).map((x) => ({ item: x.item, dueAt: new Date(x.dueAt).toISOString(), why: x.why, attempts: x.attempts, due: x.due })),
      ],
    }));
  }

  /** Callbacks and retries whose time came, waiting in the run's queue. */
  private dueInQueue(): { item: QueueItem; why: "retry" | "callback"; dueAt: number }[] {
    const out: { item: QueueItem; why: "retry" | "callback"; dueAt: number }[] = [];
    for (const r of this.state.restored ?? []) {
      const item = r.why && this.state.queue.find((i) => i.id === r.id);
      if (item && r.why) out.push({ item, why: r.why, dueAt: r.dueAt ?? Date.now() });
    }
    return out;
  }

  async scheduledCommand(agentId: string, type: "scheduled.now" | "scheduled.drop", itemId: string): Promise<Result<DialerState>> {
    return this.guarded(agentId, async () => {
      const waiting = this.dueInQueue().some((x) => x.item.id === itemId);
      // "Dial now" on one already waiting in the run's queue: it is dialed as soon as the run can.
      if (waiting && type === "scheduled.now") return { ok: true, value: this.view() };
      if (!waiting && !this.state.scheduled?.some((x) => x.item.id === itemId)) return { ok: false, code: "not_found", message: "That number is not scheduled." };
      return this.command({ type, itemId, now: Date.now() });
    });
  }

  async control(agentId: string, command: Command): Promise<Result<DialerState>> {
    return this.guarded(agentId, () => this.command({ type: command, now: Date.now() }));
  }

  /** `baseRev`: the queueRev of the state the client edited (DialerState.queueRev). */
  async replaceQueue(agentId: string, items: QueueItem[], baseRev?: number): Promise<Result<QueueItem[]>> {
    return this.guarded(agentId, async () => {
      const handled = this.store.itemIdsSince(this.state.runFrom ?? this.state.dialSeq);
      await this.apply({ type: "queue.replace", items, handled, baseRev, now: Date.now() });
      return { ok: true, value: this.state.queue };
    });
  }

  async pendingItems(agentId: string): Promise<Result<QueueItem[]>> {
    return this.guarded(agentId, async () => ({ ok: true, value: this.state.queue }));
  }

  async snapshot(agentId?: string): Promise<Result<DialerState>> {
    if (agentId === undefined) return { ok: true, value: this.view() }; // the admin dashboard
    return this.guarded(agentId, async () => ({ ok: true, value: this.view() }));
  }

  async history(agentId: string, limit: number, cursor?: string): Promise<Result<HistoryResponse>> {
    return this.guarded(agentId, async () => ({ ok: true, value: this.store.listHistory(limit, cursor ? Number(cursor) : undefined) }));
  }

  async stats(agentId: string | undefined, from: number, to: number): Promise<Result<Stats>> {
    // The company's own dispositions say which wrap-ups are conversations.
    const run = async (): Promise<Result<Stats>> => ({ ok: true, value: computeStats(this.store.historyBetween(from, to), from, to, await directory(this.env).dispositions()) });
    return agentId === undefined ? run() : this.guarded(agentId, run);
  }

  /** A signed ticket the worker can check without us (auth/ws-ticket.ts); its nonce is taken here once. */
  async issueTicket(agentId: string): Promise<Result<string>> {
    return this.guarded(agentId, async () => {
      const nonce = randomToken(24);
      const now = Date.now();
      this.store.addTicket(await sha256(nonce), now + TICKET_TTL_MS);
      return { ok: true, value: await signTicket(settings(this.env).JWT_SECRET, this.config()!.aircallUserId, nonce, now) };
    });
  }

  /** GET /api/ws?ticket=<uid>.<exp>.<nonce>.<mac>: the worker checked the signature and routed it here by uid. */
  async fetch(request: Request): Promise<Response> {
    if (request.headers.get("upgrade")?.toLowerCase() !== "websocket") return new Response("expected a WebSocket upgrade", { status: 426 });
    const ticket = new URL(request.url).searchParams.get("ticket") ?? "";
    const claims = await verifyTicket(settings(this.env).JWT_SECRET, ticket);
    const config = this.config();
    if (!config?.enabled || !claims || claims.uid !== String(config.aircallUserId) || !this.store.takeTicket(await sha256(claims.nonce), Date.now()))
      return Response.json({ error: { code: "unauthorized", message: "invalid or expired WebSocket ticket" } }, { status: 401 });
    const { 0: client, 1: server } = new WebSocketPair();
    this.ctx.acceptWebSocket(server, [config.agentId]);
    server.send(JSON.stringify({ type: "state", state: this.view() }));
    return new Response(null, { status: 101, webSocket: client });
  }

  async webSocketMessage(ws: WebSocket, message: string | ArrayBuffer): Promise<void> {
    if (typeof message === "string" && message.includes('"ping"')) ws.send(PONG);
  }

  async webSocketClose(ws: WebSocket, code: number, reason: string): Promise<void> {
    ws.close(1000, reason || "closing"); // 1005/1006 cannot be echoed back
  }

  // ---------- Aircall ----------
  /** A webhook for this agent's Aircall user: persisted (deduplicated) and applied before the 200. */
  async ingest(envelope: WebhookEnvelope): Promise<IngestResult> {
    if (!this.config()?.enabled) return "not_enrolled";
    const now = Date.now();
    const routed = fromEnvelope(envelope, now);
    if ("ignored" in routed) return "ignored";
    if (this.store.seen(routed.key, now)) return "duplicate";
    const event = routed.event;
    // A call of the agent's from Aircall's Power Dialer (only looked up while a campaign exists).
    if (event.type === "call" && (this.campaignSize ??= this.store.campaignCount()) > 0) {
      const contact = this.store.campaignFind(event.call.digits);
      if (contact) event.campaign = contact;
    }
    await this.apply(event);
    return "applied";
  }

  /** Due timers of the run, then the Aircall requests whose rate-limit slot has come. */
  async alarm(): Promise<void> {
    this.alarmAt = null;
    await this.apply({ type: "timer", now: Date.now() });
    const now = Date.now();
    const due = this.store.outboxDue(now);
    // Leased, not removed: if this instance goes away before sending, the alarm tries again later.
    for (const w of due) this.store.outboxLease(w.key, now + OUTBOX_LEASE_MS);
    const send = due.filter((w) => !this.inFlight.has(w.key));
    if (send.length) this.ctx.waitUntil(Promise.all(send.map((w) => this.runOutbox(w.effect as OutboxEffect, w.held ? w.slotAt : undefined, true))));
    await this.syncAlarm(true);
  }

  // ---------- internals ----------
  /** Read once per instance; configure/disable keep the copy in step with storage. */
  private config(): AgentConfig | undefined {
    if (this.cachedConfig === undefined) this.cachedConfig = this.store.getJson<AgentConfig>("config") ?? null;
    return this.cachedConfig ?? undefined;
  }

  private async guarded<T>(agentId: string, fn: () => Promise<Result<T>>): Promise<Result<T>> {
    const config = this.config();
    if (!config?.enabled || config.agentId !== agentId) return { ok: false, code: "forbidden", message: "this agent is not enrolled" };
    return fn();
  }

  private async command(event: MachineEvent): Promise<Result<DialerState>> {
    const t = await this.apply(event);
    return t.error ? { ok: false, code: t.error.code, message: t.error.message } : { ok: true, value: this.view() };
  }

  private view(): DialerState {
    return toSnapshot(this.state, Date.now());
  }

  /** Runs one transition: persist, apply effects, re-arm the alarm, push. */
  private async apply(event: MachineEvent) {
    const prev = this.state;
    const t = transition(prev, event, this.machineConfig);
    if (t.error || (t.state === prev && t.effects.length === 0)) return t;
    this.state = t.state;
    this.store.saveMachine(prev, t.state);
    const later: Effect[] = [];
    for (const effect of t.effects) if (!this.applyNow(effect)) later.push(effect);
    // Writes the agent's wrap-up asked for are in the outbox in this same storage turn: whatever
    // happens to this instance before each one's turn comes, the alarm sends it (leased until then).
    for (const effect of later) if (isDurableWrite(effect)) this.store.outboxPut(outboxKey(effect), effect, Date.now() + OUTBOX_LEASE_MS, false);
    this.pushState();
    await this.syncAlarm();
    if (later.length) this.ctx.waitUntil(this.runLater(later));
    return t;
  }

  /** Effects on this object's own storage and sockets; false for effects that go to Aircall. */
  private applyNow(e: Effect): boolean {
    switch (e.type) {
      case "history.open":
        this.store.historyOpen(e.dialId, e.item, e.dialAt);
        return true;
      case "history.skipped":
        this.store.historyOpen(e.dialId, e.item, e.at, "skipped", e.reason, e.reasonCode);
        return true;
      case "history.discard":
        this.store.historyDiscard(e.dialId);
        return true;
      case "history.update":
        this.store.historyUpdate({ dialId: e.dialId }, e.fields);
        return true;
      case "history.updateCall":
        this.store.historyUpdate({ callId: e.callId }, e.fields);
        return true;
      case "push.ended": {
        const iso = (t?: number) => (t === undefined ? undefined : new Date(t).toISOString());
        const msg = { type: "call.ended", itemId: e.itemId, callId: e.callId, outcome: e.outcome, nextDialAt: iso(e.nextDialAt), reasonCode: e.reasonCode, retryAt: iso(e.retryAt) };
        this.broadcast(JSON.stringify(msg));
        return true;
      }
      case "webhook.missing":
        this.ctx.waitUntil(
          directory(this.env)
            .reportMissingWebhooks(1)
            .catch((err: Error) => console.warn("webhook health report failed", err.message)),
        );
        return true;
      default:
        return false;
    }
  }

  private async runLater(effects: Effect[]) {
    for (const effect of effects) if (isAircallEffect(effect) || effect.type === "dnc.add") await this.runOutbox(effect, undefined, isDurableWrite(effect));
  }

  /** `stored`: the request comes from the outbox (else it is new, from a transition's effects). */
  private runOutbox(effect: OutboxEffect, reservedAt?: number, stored = false): Promise<void> {
    return effect.type === "dnc.add" ? this.addToDnc(effect) : this.sendToAircall(effect, reservedAt, stored);
  }

  /** "Do not call" from a wrap-up: onto the company's list, kept in the outbox until the Directory has it. */
  private async addToDnc(effect: Extract<Effect, { type: "dnc.add" }>) {
    const key = outboxKey(effect);
    const agentId = this.config()?.agentId ?? "unknown agent";
    this.store.outboxPut(key, effect, Date.now() + OUTBOX_LEASE_MS, false);
    try {
      await directory(this.env).dncAdd([effect.phone], effect.reason, agentId);
      this.store.outboxDelete(key);
    } catch (err) {
      const tries = (effect.tries ?? 0) + 1;
      console.warn(`do-not-call add of a number failed (try ${tries}): ${(err as Error).message}`);
      this.store.outboxPut(key, { ...effect, tries }, Date.now() + Math.min(WRITE_RETRY_MS * 2 ** (tries - 1), 3600_000), false);
    }
    await this.syncAlarm();
  }

  /**
   * The compliance guard, right before the start-call leaves: the do-not-call list, then calling hours
   * (the Directory decides). It also says which of the agent's numbers to call from (local presence).
   * When it cannot be asked, nothing is dialed: the dial waits and asks again.
   */
  private async guard(effect: Extract<Effect, { type: "dial" }>, config: AgentConfig): Promise<GuardDecision | null> {
    try {
      return await directory(this.env).dialGuard(effect.phone, { aircallUserId: config.aircallUserId, numberId: config.numberId }, Date.now());
    } catch (err) {
      console.warn(`compliance guard unavailable: ${(err as Error).message}`);
      return null;
    }
  }

  /**
   * One Aircall request: takes a company slot; when it must wait, the request is kept in the outbox
   * (SQLite) and the alarm sends it — no in-memory wait holds it. A start-call that waited is marked
   * sent in durable state before it leaves (a restart mid-request then searches, never re-sends).
   * `reservedAt`: the slot this request took earlier (sent from the outbox); `stored`: it is in the outbox.
   */
  private async sendToAircall(effect: AircallEffect, reservedAt?: number, stored = false): Promise<void> {
    const config = this.config();
    const key = effectKey(effect);
    if (!config?.enabled) return this.store.outboxDelete(key);
    if (this.inFlight.has(key)) return;
    this.inFlight.add(key);
    try {
      if (!this.wanted(effect)) return this.drop(key, effect);
      const limiter = companyLimiter(this.env);
      // A number the guard refuses takes no slot of the company's budget: asked before the slot, and
      // asked again right before sending when the slot made the dial wait (the hour may have changed).
      let decision: GuardDecision | null = null;
      if (effect.type === "dial" && reservedAt === undefined) {
        decision = await this.guard(effect, config);
        if (!decision) return await this.defer(key, effect, Date.now() + GUARD_RETRY_MS, false);
        if (!this.wanted(effect)) return this.drop(key, effect); // the run moved on during the check
        if (!decision.ok) return await this.refused(key, effect, decision);
      }
      // The insight card is a courtesy: sent only when the company's budget has a slot free right now.
      if (effect.type === "aircall.insight" && !(await limiter.tryAcquire!())) return this.drop(key, effect);
      const wait = effect.type === "aircall.insight" ? 0 : await limiter.acquire(reservedAt);
      if (wait > 0) return await this.defer(key, effect, Date.now() + wait, true);
      if (!this.wanted(effect)) return this.drop(key, effect); // the run moved on while we asked
      let from = config;
      if (effect.type === "dial") {
        decision ??= await this.guard(effect, config);
        if (!decision) return await this.defer(key, effect, Date.now() + GUARD_RETRY_MS, false);
        if (!this.wanted(effect)) return this.drop(key, effect); // the run moved on during the check
        if (!decision.ok) return await this.refused(key, effect, decision);
        if (decision.numberId !== undefined && decision.numberId !== config.numberId) {
          from = { ...config, numberId: decision.numberId };
          this.store.historySetNumber(effect.dialId, decision.numberId);
        }
        // Never sent twice: out of the outbox, and marked sent in storage, before it leaves.
        this.store.outboxDelete(key);
        if (this.state.current?.queued) await this.apply({ type: "dial.sent", dialId: effect.dialId, attempt: effect.attempt, now: Date.now() });
      } else if (effect.type !== "aircall.insight") {
        // A search or read is safe to send again: kept (leased) until answered, so a restart mid-request resends it.
        // Not the insight card: a courtesy for the call in progress, not worth two writes per call to resend.
        this.store.outboxPut(key, effect, Date.now() + OUTBOX_LEASE_MS, false);
        stored = true;
        await this.syncAlarm();
      }
      const outcome = await runAircallEffect(aircallHttpFor(this.env, limiter), from, effect, this.writeContext());
      // A 429 placed nothing: the same request after the reset, with a new slot then.
      if ("limited" in outcome) return await this.defer(key, effect, outcome.limited, false);
      if ("retry" in outcome) return await this.retryWrite(key, effect as WriteEffect, outcome.retry);
      if (stored) this.store.outboxDelete(key);
      if (outcome.event) await this.apply(outcome.event);
    } finally {
      this.inFlight.delete(key);
    }
  }

  /** The guard said no: nothing is sent, the run records why and moves on. */
  private async refused(key: string, effect: Extract<Effect, { type: "dial" }>, decision: Extract<GuardDecision, { ok: false }>) {
    this.store.outboxDelete(key);
    const { reasonCode, reason, retryAt } = decision;
    await this.apply({ type: "dial.guarded", dialId: effect.dialId, attempt: effect.attempt, reasonCode, reason, retryAt, now: Date.now() });
  }

  /** A write to Aircall that failed for now is sent again later, backing off, until it is done (or clearly never will be). */
  private async retryWrite(key: string, effect: WriteEffect, why: string) {
    const tries = ("tries" in effect ? (effect.tries ?? 0) : 0) + 1;
    if (tries > MAX_WRITE_TRIES) {
      console.warn(`gave up writing ${key} to Aircall after ${tries - 1} tries: ${why}`);
      return this.store.outboxDelete(key);
    }
    await this.defer(key, { ...effect, tries } as WriteEffect, Date.now() + Math.min(WRITE_RETRY_MS * 2 ** (tries - 1), 3600_000), false);
  }

  private writeContext(): WriteContext {
    const dir = directory(this.env);
    return {
      tagIdFor: (id) => dir.tagIdFor(id),
      forgetTag: (id) => dir.forgetTag(id),
      lastNote: (phone) => this.store.lastNote(phone),
    };
  }

  /**
   * Keeps the request until `slotAt`; a start-call that waits has not gone out (no watchdog meanwhile).
   * `held`: a slot is reserved for it then (else it takes one when it is due).
   */
  private async defer(key: string, effect: AircallEffect, slotAt: number, held: boolean) {
    this.store.outboxPut(key, effect, slotAt, held);
    if (effect.type === "dial") await this.apply({ type: "dial.queued", dialId: effect.dialId, attempt: effect.attempt, now: Date.now() });
    await this.syncAlarm();
  }

  private drop(key: string, effect: AircallEffect) {
    this.store.outboxDelete(key);
    if (effect.type === "dial") return void this.apply({ type: "dial.result", dialId: effect.dialId, attempt: effect.attempt, result: { kind: "cancelled" }, now: Date.now() });
  }

  /**
   * Whether a request still belongs to the run as it is now. A start-call: the same attempt of the
   * dial in progress, not yet matched to a call, the run still dialing. A lookup: the one the dial waits for.
   */
  private wanted(effect: AircallEffect): boolean {
    const cur = this.state.current;
    switch (effect.type) {
      case "dial":
        return this.state.status === "dialing" && cur?.dialId === effect.dialId && cur.attempt === effect.attempt && cur.item.phone === effect.phone && !cur.callId;
      case "lookup.dial":
      case "lookup.call":
        return cur?.dialId === effect.dialId && cur.lookup?.seq === effect.seq;
      case "lookup.final":
        return !!this.state.unfinal?.some((u) => u.callId === effect.callId);
      case "check.availability":
        return this.state.status === "paused" && !!this.state.autoResume;
      case "aircall.insight":
        return cur?.callId === effect.callId; // only while the call is on (Aircall refuses it after)
      case "aircall.comment":
      case "aircall.tag":
        return true; // the wrap-up is written whatever the run does since
    }
  }

  private pushState() {
    const state = this.view();
    const { updatedAt: _ignored, ...rest } = state;
    const key = JSON.stringify(rest);
    if (key === this.lastPushed) return;
    this.lastPushed = key;
    this.broadcast(JSON.stringify({ type: "state", state }));
    const agentId = this.config()?.agentId;
    // the team dashboard (admin hub in the Directory); fire-and-forget, never blocks the run
    if (agentId) this.notifyHub(agentId, state);
  }

  /**
   * One state message to the Directory at a time per agent, the newest one when the previous
   * answers and HUB_SPACING_MS have passed: a burst of webhooks costs the single Directory a few
   * calls, not one per event, and the dashboard still ends on the latest state.
   */
  private notifyHub(agentId: string, state: DialerState) {
    const idle = this.hubNext === undefined;
    this.hubNext = { agentId, state };
    if (idle) this.ctx.waitUntil(this.flushHub());
  }

  private hubNext: { agentId: string; state: DialerState } | null | undefined;
  private hubSentAt = 0;

  /** At most one message per HUB_SPACING_MS: the first change after a quiet spell goes at once, a burst's last state after the spacing. */
  private async flushHub() {
    try {
      while (this.hubNext) {
        const wait = this.hubSentAt + HUB_SPACING_MS - Date.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        const next = this.hubNext;
        this.hubNext = null;
        this.hubSentAt = Date.now();
        await this.sendToHub(next.agentId, next.state);
      }
    } finally {
      this.hubNext = undefined;
    }
  }

  private sendToHub(agentId: string, state: DialerState): Promise<void> {
    return directory(this.env).agentState(agentId, state).catch((err: Error) => console.error("admin hub notify failed", err.message));
  }

  private broadcast(message: string) {
    for (const ws of this.ctx.getWebSockets()) {
      try {
        ws.send(message);
      } catch (err) {
        console.warn("websocket send failed", (err as Error).message); // a closing socket; the client resyncs
      }
    }
  }

  /**
   * Keeps the alarm on the next due time (the run's timers, the outbox). Set whenever that time
   * changes: keeping an earlier alarm instead saved a storage write per event but left one run of
   * the short soak without its next dial, so the simple rule stays. A time at or before now is never
   * trusted to be pending (it may have fired already).
   */
  private async syncAlarm(inAlarmHandler = false) {
    const times = [nextAlarmAt(this.state), this.store.outboxNext()].filter((t): t is number => t !== undefined);
    let at = times.length ? Math.min(...times) : null;
    if (inAlarmHandler) {
      // Always written at the end of alarm(): the runtime drops, when the handler returns, an alarm
      // left at the time that fired (even one set again to it during the handler), so neither what
      // this instance set last nor a time already past can be trusted to be pending.
      this.alarmAt = undefined;
      if (at !== null && at <= Date.now()) at = Date.now() + 1;
    }
    if (at === this.alarmAt && (at === null || at > Date.now())) return;
    this.alarmAt = at;
    if (at === null) await this.ctx.storage.deleteAlarm();
    else await this.ctx.storage.setAlarm(at);
  }

  // ---------- retention (the nightly cron, see retention/cleanup.ts) ----------
  /**
   * Deletes this agent's history dialled more than `retentionMs` ago, old webhook dedupe keys and
   * expired tickets. The rows of a run in progress stay, however old.
   */
  async cleanup(retentionMs: number): Promise<{ history: number; inbox: number; tickets: number }> {
    const now = Date.now();
    const ended = this.state.status === "idle" || this.state.status === "completed" || this.state.status === "stopped";
    const keepAfter = ended ? null : (this.state.runFrom ?? this.state.dialSeq);
    return this.store.cleanupOld(now - Math.max(0, retentionMs), keepAfter, now);
  }
}
