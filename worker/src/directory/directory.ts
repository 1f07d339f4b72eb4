/**
 * The company's directory (one Durable Object named "directory"): enrolled agents, one-time
 * enrolment codes, rotating refresh tokens (a reused one revokes its whole family), the audit
 * trail and the Aircall webhook registration.
 */
import { DurableObject } from "cloudflare:workers";
import { DEFAULT_ADMIN_SETTINGS, type AdminSettings, type Agent, type DncEntry, type CreateAgentBody, type DialerState, type WebhookHealth } from "@dialer/shared";
import { enrollmentCode, normalizeCode, randomToken, sha256 } from "../lib/crypto";
import type { Result } from "../dialer/agent-dialer";
import { AuditLog, type AuditEntry } from "./audit";
import { AdminHub } from "./admin-hub";
import { RefusalThrottle } from "./refusals";
import { aircallFor } from "../aircall/factory";
import { checkWebhook, emptyHealth, reportedCount, shouldCheck, WEBHOOK_HEALTH_SETTING, type HealthStore } from "../aircall/webhook-health";
import { WEBHOOK_SETTING, type StoredWebhook } from "../aircall/webhook-token";
import { AuthThrottle } from "./auth-throttle";
import type { RosterData } from "./roster";
import { DncStore } from "../compliance/dnc-store";
import { CallerNumberCache } from "../compliance/caller-numbers";
import { callerNumber } from "../compliance/local-presence";
import { guardDecision } from "../compliance/guard";
import type { GuardDecision } from "../compliance/guard-types";
import { dispositionChanges, DispositionStore, tagNameOf } from "./dispositions";
import type { Disposition } from "@dialer/shared";

const ADMIN_SETTINGS_KEY = "admin.settings";
/** Expired refresh tokens are kept this long, then deleted by the nightly cleanup. */
const REFRESH_KEEP_AFTER_EXPIRY_MS = 30 * 24 * 3600_000;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS agents (agent_id TEXT PRIMARY KEY, aircall_user_id INTEGER NOT NULL, number_id INTEGER NOT NULL,
  name TEXT, role TEXT NOT NULL, created_at INTEGER NOT NULL, enrolled_at INTEGER, removed_at INTEGER);
CREATE INDEX IF NOT EXISTS agents_user ON agents(aircall_user_id);
CREATE TABLE IF NOT EXISTS codes (hash TEXT PRIMARY KEY, agent_id TEXT NOT NULL, expires_at INTEGER NOT NULL, used_at INTEGER);
CREATE TABLE IF NOT EXISTS refresh (hash TEXT PRIMARY KEY, agent_id TEXT NOT NULL, family TEXT NOT NULL,
  expires_at INTEGER NOT NULL, used_at INTEGER, revoked INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS kv (key TEXT PRIMARY KEY, value TEXT NOT NULL);
`;

export const CODE_TTL_MS = 7 * 24 * 3600_000;
export const REFRESH_TTL_MS = 30 * 24 * 3600_000;
/**
 * A rotated token presented again this soon is taken as a retry (the answer with its successor
 * was lost: a service worker stopped mid-request, a network drop), not as theft.
 */
export const REFRESH_RETRY_GRACE_MS = 30_000;

type AgentRow = {
  agent_id: string;
  aircall_user_id: number;
  number_id: number;
  name: string | null;
  role: "agent" | "admin";
  created_at: number;
  enrolled_at: number | null;
};

const toAgent = (r: AgentRow): Agent => ({
  agentId: r.agent_id,
  aircallUserId: r.aircall_user_id,
  numberId: r.number_id,
  name: r.name,
  role: r.role,
  createdAt: new Date(r.created_at).toISOString(),
  enrolledAt: r.enrolled_at ? new Date(r.enrolled_at).toISOString() : null,
});

export type Session = { agent: Agent; refreshToken: string };
/** Too many refused attempts from one address: 429 with Retry-After. */
export type Throttled = { ok: false; code: "rate_limited"; message: string; retryAfterSeconds: number };

export class Directory extends DurableObject<Env> {
  private readonly sql: SqlStorage;
  private readonly log: AuditLog;
  private readonly hub: AdminHub;
  private readonly refusals = new RefusalThrottle();
  private readonly throttle = new AuthThrottle();

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.sql = ctx.storage.sql;
    this.sql.exec(SCHEMA);
    const columns = this.sql.exec<{ name: string }>("PRAGMA table_info(refresh)").toArray();
    if (!columns.some((c) => c.name === "replaced_by")) this.sql.exec("ALTER TABLE refresh ADD COLUMN replaced_by TEXT");
    if (!columns.some((c) => c.name === "retried")) this.sql.exec("ALTER TABLE refresh ADD COLUMN retried INTEGER NOT NULL DEFAULT 0");
    this.log = new AuditLog(this.sql);
    this.hub = new AdminHub(ctx, this.sql);
  }

  // ---------- the team dashboard's live feed ----------
  async issueAdminTicket(actor: string): Promise<string> {
    return this.hub.issueTicket(actor);
  }

  /** GET /api/admin/ws?ticket=, forwarded by the worker. */
  async fetch(request: Request): Promise<Response> {
    return this.hub.accept(request, (actor) => this.actorActive(actor));
  }

  /** Who may use the admin API and which Aircall users have an agent (the worker caches it briefly). */
  async roster(): Promise<RosterData> {
    const rows = this.sql.exec<{ agent_id: string; aircall_user_id: number; role: string }>("SELECT agent_id, aircall_user_id, role FROM agents WHERE removed_at IS NULL").toArray();
    return { admins: rows.filter((r) => r.role === "admin").map((r) => r.agent_id), aircallUserIds: rows.map((r) => String(r.aircall_user_id)) };
  }

  /** "admin-token", or "admin:<agentId>" of an admin still in the team. */
  private actorActive(actor: string): boolean {
    if (!actor.startsWith("admin:")) return actor === "admin-token";
    return this.agent(actor.slice("admin:".length))?.role === "admin";
  }

  async webSocketMessage(ws: WebSocket, message: string | ArrayBuffer): Promise<void> {
    this.hub.onMessage(ws, message);
  }

  async webSocketClose(ws: WebSocket, _code: number, reason: string): Promise<void> {
    this.hub.onClose(ws, reason);
  }

  /** An agent's dialer changed state (AgentDialer.pushState). */
  async agentState(agentId: string, state: DialerState): Promise<void> {
    this.hub.broadcast({ type: "agent.state", agentId, state });
  }

  /** A refused admin-token attempt: audited at most once per client per minute. */
  async adminRefused(client: string, reason: string): Promise<void> {
    const { verdict, suppressed } = this.refusals.check(client, Date.now());
    if (verdict === "record") this.log.add(client, "admin.refused", { reason });
    if (verdict === "summary") this.log.add(client, "admin.refused", { reason, alsoRefusedLastMinute: suppressed });
  }

  async createAgent(body: CreateAgentBody, actor: string): Promise<Result<{ agent: Agent; code: string; expiresAt: number }>> {
    const taken = this.sql.exec("SELECT 1 FROM agents WHERE aircall_user_id = ? AND removed_at IS NULL", body.aircallUserId).toArray();
    if (taken.length) return { ok: false, code: "conflict", message: `Aircall user ${body.aircallUserId} is already enrolled` };
    const now = Date.now();
    const agentId = crypto.randomUUID();
    this.sql.exec(
      "INSERT INTO agents (agent_id, aircall_user_id, number_id, name, role, created_at) VALUES (?, ?, ?, ?, ?, ?)",
      agentId, body.aircallUserId, body.numberId, body.name ?? null, body.role ?? "agent", now,
    );
    const { code, expiresAt } = await this.issueCode(agentId, now);
    this.log.add(actor, "agent.created", { agentId, aircallUserId: body.aircallUserId, numberId: body.numberId, role: body.role ?? "agent" });
    this.hub.broadcast({ type: "team.changed" });
    return { ok: true, value: { agent: this.agent(agentId)!, code, expiresAt } };
  }

  /** A fresh enrolment code for an agent (the old ones stop working). */
  async newCode(agentId: string, actor: string): Promise<Result<{ code: string; expiresAt: number }>> {
    if (!this.agent(agentId)) return { ok: false, code: "not_found", message: "no such agent" };
    this.sql.exec("DELETE FROM codes WHERE agent_id = ?", agentId);
    const issued = await this.issueCode(agentId, Date.now());
    this.log.add(actor, "agent.code", { agentId });
    return { ok: true, value: issued };
  }

  async listAgents(): Promise<Agent[]> {
    return this.sql.exec<AgentRow>("SELECT * FROM agents WHERE removed_at IS NULL ORDER BY created_at").toArray().map(toAgent);
  }

  async getAgent(agentId: string): Promise<Agent | null> {
    return this.agent(agentId) ?? null;
  }

  async removeAgent(agentId: string, actor: string): Promise<Result<Agent>> {
    const agent = this.agent(agentId);
    if (!agent) return { ok: false, code: "not_found", message: "no such agent" };
    this.sql.exec("UPDATE agents SET removed_at = ? WHERE agent_id = ?", Date.now(), agentId);
    this.sql.exec("UPDATE refresh SET revoked = 1 WHERE agent_id = ?", agentId);
    this.sql.exec("DELETE FROM codes WHERE agent_id = ?", agentId);
    this.log.add(actor, "agent.removed", { agentId, aircallUserId: agent.aircallUserId });
    this.hub.closeActor(`admin:${agentId}`, "admin removed");
    this.hub.broadcast({ type: "team.changed" });
    return { ok: true, value: agent };
  }

  /** Trades a one-time enrolment code for a session. */
  async enroll(code: string, from: string): Promise<Result<Session> | Throttled> {
    const now = Date.now();
    const blocked = this.throttled(from, now);
    if (blocked) return blocked;
    const hash = await sha256(normalizeCode(code));
    const row = this.sql.exec<{ agent_id: string; expires_at: number; used_at: number | null }>("SELECT * FROM codes WHERE hash = ?", hash).toArray()[0];
    const agent = row ? this.agent(row.agent_id) : undefined;
    if (!row || !agent || row.used_at !== null || row.expires_at < now) {
      this.refusedFrom(from, "enroll", !row ? "unknown code" : row.used_at !== null ? "code already used" : "code expired", now);
      return { ok: false, code: "unauthorized", message: "This enrolment code is invalid, expired or already used. Ask your admin for a new one." };
    }
    this.sql.exec("UPDATE codes SET used_at = ? WHERE hash = ?", now, hash);
    this.sql.exec("UPDATE agents SET enrolled_at = ? WHERE agent_id = ?", now, agent.agentId);
    const refreshToken = await this.issueRefresh(agent.agentId, crypto.randomUUID(), now);
    this.log.add(agent.agentId, "agent.enrolled", { from });
    this.hub.broadcast({ type: "team.changed" });
    return { ok: true, value: { agent: this.agent(agent.agentId)!, refreshToken } };
  }

  /**
   * Rotates a refresh token. A token presented again (already used, or replaced) revokes its whole
   * family — except the first replay, within REFRESH_RETRY_GRACE_MS, of a token whose successor
   * was never used: that is the retry of a request whose answer was lost, and it gets a fresh
   * successor (the unseen one is revoked). Whoever later presents that revoked successor (a thief
   * who replayed first, or the real client) ends the family, so a replayed token never lives on.
   */
  async refresh(token: string, from: string): Promise<Result<Session> | Throttled> {
    const now = Date.now();
    const blocked = this.throttled(from, now);
    if (blocked) return blocked;
    const hash = await sha256(token);
    const row = this.sql
      .exec<{ agent_id: string; family: string; expires_at: number; used_at: number | null; revoked: number; replaced_by: string | null; retried: number }>("SELECT * FROM refresh WHERE hash = ?", hash)
      .toArray()[0];
    const ended: Result<Session> = { ok: false, code: "unauthorized", message: "This session has ended. Sign in again with a new enrolment code." };
    if (!row) {
      this.refusedFrom(from, "refresh", "unknown refresh token", now);
      return ended;
    }
    const agent = this.agent(row.agent_id);
    const reused = (): Result<Session> => {
      this.sql.exec("UPDATE refresh SET revoked = 1 WHERE family = ?", row.family);
      this.log.add(row.agent_id, "token.reuse", { reason: "reused", from });
      return ended;
    };
    if (!agent) {
      this.log.add(row.agent_id, "login.refused", { reason: "agent removed", from });
      return ended;
    }
    if (row.used_at !== null) {
      const successor = row.replaced_by
        ? this.sql.exec<{ used_at: number | null; revoked: number }>("SELECT used_at, revoked FROM refresh WHERE hash = ?", row.replaced_by).toArray()[0]
        : undefined;
      const retry = now - row.used_at <= REFRESH_RETRY_GRACE_MS && !row.retried && !row.revoked && successor && successor.used_at === null && !successor.revoked;
      if (!retry) return reused();
      // The successor never reached the client: replace it, once.
      this.sql.exec("UPDATE refresh SET revoked = 1 WHERE hash = ?", row.replaced_by);
      this.sql.exec("UPDATE refresh SET retried = 1 WHERE hash = ?", hash);
      return { ok: true, value: { agent, refreshToken: await this.rotate(hash, agent.agentId, row.family, now) } };
    }
    if (row.revoked) return reused(); // a replaced successor, or a family already ended
    if (row.expires_at < now) {
      this.log.add(row.agent_id, "login.refused", { reason: "refresh token expired", from });
      return ended;
    }
    this.sql.exec("UPDATE refresh SET used_at = ? WHERE hash = ?", now, hash);
    return { ok: true, value: { agent, refreshToken: await this.rotate(hash, agent.agentId, row.family, now) } };
  }

  /** The address has failed too often this minute: refused without looking at what it sent. */
  private throttled(from: string, now: number): Throttled | null {
    const waitMs = this.throttle.blockedFor(from, now);
    if (!waitMs) return null;
    this.log.addAggregated(from, "login.refused", { reason: "throttled" }, now);
    const retryAfterSeconds = Math.max(1, Math.ceil(waitMs / 1000));
    return { ok: false, code: "rate_limited", message: `Too many failed sign-in attempts from this address. Try again in ${retryAfterSeconds} s.`, retryAfterSeconds };
  }

  /** A refused enrolment code or refresh token from an address: counted, audited once a minute with a count. */
  private refusedFrom(from: string, what: "enroll" | "refresh", reason: string, now: number) {
    this.throttle.fail(from, now);
    this.log.addAggregated(from, "login.refused", { reason, what }, now);
  }

  /** Issues the successor of a refresh token and links it, for the retry grace above. */
  private async rotate(previousHash: string, agentId: string, family: string, now: number): Promise<string> {
    const token = await this.issueRefresh(agentId, family, now);
    this.sql.exec("UPDATE refresh SET replaced_by = ? WHERE hash = ?", await sha256(token), previousHash);
    return token;
  }

  async audit(actor: string, action: string, detail: Record<string, unknown> = {}): Promise<void> {
    this.log.add(actor, action, detail);
  }

  async listAudit(limit: number, before?: number): Promise<AuditEntry[]> {
    return this.log.list(limit, before);
  }

  async getSetting<T>(key: string): Promise<T | null> {
    const row = this.sql.exec<{ value: string }>("SELECT value FROM kv WHERE key = ?", key).toArray()[0];
    return row ? (JSON.parse(row.value) as T) : null;
  }

  async putSetting(key: string, value: unknown): Promise<void> {
    this.sql.exec("INSERT OR REPLACE INTO kv (key, value) VALUES (?, ?)", key, JSON.stringify(value));
  }

  private agent(agentId: string): Agent | undefined {
    const row = this.sql.exec<AgentRow>("SELECT * FROM agents WHERE agent_id = ? AND removed_at IS NULL", agentId).toArray()[0];
    return row ? toAgent(row) : undefined;
  }

  private async issueCode(agentId: string, now: number) {
    const code = enrollmentCode();
    const expiresAt = now + CODE_TTL_MS;
    this.sql.exec("INSERT INTO codes (hash, agent_id, expires_at) VALUES (?, ?, ?)", await sha256(normalizeCode(code)), agentId, expiresAt);
    return { code, expiresAt };
  }

  private async issueRefresh(agentId: string, family: string, now: number) {
    const token = randomToken(32);
    this.sql.exec("INSERT INTO refresh (hash, agent_id, family, expires_at) VALUES (?, ?, ?, ?)", await sha256(token), agentId, family, now + REFRESH_TTL_MS);
    return token;
  }

  // ---------- the Aircall webhook's health (see aircall/webhook-health.ts) ----------
  private checkingWebhook: Promise<WebhookHealth> | undefined;

  private healthStore(): HealthStore {
    return {
      health: () => this.kvGet<WebhookHealth>(WEBHOOK_HEALTH_SETTING),
      putHealth: (h) => this.kvPut(WEBHOOK_HEALTH_SETTING, h),
      stored: () => this.kvGet<StoredWebhook>(WEBHOOK_SETTING),
      putStored: (w) => this.kvPut(WEBHOOK_SETTING, w),
      audit: (actor, action, detail) => this.log.add(actor, action, detail),
    };
  }

  private kvGet<T>(key: string): T | null {
    const row = this.sql.exec<{ value: string }>("SELECT value FROM kv WHERE key = ?", key).toArray()[0];
    return row ? (JSON.parse(row.value) as T) : null;
  }

  private kvPut(key: string, value: unknown) {
    this.sql.exec("INSERT OR REPLACE INTO kv (key, value) VALUES (?, ?)", key, JSON.stringify(value));
  }

  /**
   * An agent's dialer found `count` calls through Aircall's REST API whose webhooks never came.
   * Counted for the dashboard; checks (and re-activates) the webhook at most once a minute.
   * Resolves when any check it started is done: callers that must not wait need not await it.
   */
  async reportMissingWebhooks(count: number): Promise<void> {
    const n = reportedCount(count);
    if (n === 0) return;
    const health = this.healthStore().health() ?? emptyHealth();
    this.kvPut(WEBHOOK_HEALTH_SETTING, { ...health, missingWebhookCalls: health.missingWebhookCalls + n });
    if (this.checkingWebhook || !shouldCheck(health, Date.now())) return;
    await this.checkWebhook(`${n} call${n === 1 ? "" : "s"} found without ${n === 1 ? "its webhooks" : "their webhooks"}`);
  }

  /** Checks the webhook now (one check at a time; a caller arriving during one shares it). */
  async checkWebhook(reason: string, actor = "worker"): Promise<WebhookHealth> {
    this.checkingWebhook ??= checkWebhook(aircallFor(this.env), this.healthStore(), reason, actor).finally(() => (this.checkingWebhook = undefined));
    return this.checkingWebhook;
  }

  async webhookHealth(): Promise<WebhookHealth> {
    return this.healthStore().health() ?? emptyHealth();
  }

  /** `pnpm admin connect` registered or updated the webhook: a fresh start for its health. */
  async webhookConnected(webhook: { webhookId: string; url: string; active: boolean }, action: "created" | "updated" | "reactivated"): Promise<void> {
    const before = this.healthStore().health() ?? emptyHealth();
    const now = new Date().toISOString();
    const reactivated = action === "reactivated";
    this.kvPut(WEBHOOK_HEALTH_SETTING, {
      ...before,
      state: reactivated ? "reactivated" : "ok",
      ...webhook,
      lastCheckAt: now,
      lastCheckReason: "connect",
      lastReactivatedAt: reactivated ? now : before.lastReactivatedAt,
      reactivations: before.reactivations + (reactivated ? 1 : 0),
      missingWebhookCalls: 0,
      lastError: null,
    } satisfies WebhookHealth);
  }

  // ---------- settings and retention (the nightly cron, see retention/cleanup.ts) ----------
  async getAdminSettings(): Promise<AdminSettings> {
    return { ...DEFAULT_ADMIN_SETTINGS, ...(this.kvGet<Partial<AdminSettings>>(ADMIN_SETTINGS_KEY) ?? {}) };
  }

  /** Changes the fields given (already validated by the route), audited with the previous values. */
  async putAdminSettings(patch: Partial<AdminSettings>, actor: string): Promise<AdminSettings> {
    const before = await this.getAdminSettings();
    const after = { ...before, ...patch };
    this.kvPut(ADMIN_SETTINGS_KEY, after);
    this.log.add(actor, "settings.changed", { before, after });
    return after;
  }

  /** Every Aircall user that ever had an agent here (removed ones too: their history ages out as well). */
  async cleanupTargets(): Promise<number[]> {
    return this.sql.exec<{ id: number }>("SELECT DISTINCT aircall_user_id AS id FROM agents ORDER BY id").toArray().map((r) => r.id);
  }

  /**
   * Deletes audit rows older than `retentionMs`, expired enrolment codes and WebSocket tickets, and
   * refresh tokens expired for more than REFRESH_KEEP_AFTER_EXPIRY_MS (kept that long so a replayed
   * old token is still recognised as reuse).
   */
  async cleanup(retentionMs: number): Promise<{ audit: number; codes: number; refreshTokens: number; adminTickets: number }> {
    const now = Date.now();
    const purge = (table: string, where: string, ...args: SqlStorageValue[]) => {
      const n = this.sql.exec<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table} WHERE ${where}`, ...args).one().n;
      if (n) this.sql.exec(`DELETE FROM ${table} WHERE ${where}`, ...args);
      return n;
    };
    return {
      audit: purge("audit", "at < ?", now - Math.max(0, retentionMs)),
      codes: purge("codes", "expires_at < ?", now),
      refreshTokens: purge("refresh", "expires_at < ?", now - REFRESH_KEEP_AFTER_EXPIRY_MS),
      adminTickets: purge("admin_tickets", "expires_at < ?", now),
    };
  }

  // ---------- dispositions and their Aircall tags (see directory/dispositions.ts) ----------
  private dispositionStore?: DispositionStore;
  private get dispositionsDb(): DispositionStore {
    return (this.dispositionStore ??= new DispositionStore(this.sql));
  }

  /** The admin's list, or the default set (one of every kind) when none was saved. */
  async dispositions(): Promise<Disposition[]> {
    return this.dispositionsDb.list();
  }

  /** Replaces the list (validated by the route), audited with what changed. */
  async putDispositions(list: Disposition[], actor: string): Promise<Disposition[]> {
    const before = this.dispositionsDb.list();
    this.dispositionsDb.put(list);
    this.log.add(actor, "dispositions.changed", { ...dispositionChanges(before, list), count: list.length });
    return list;
  }

  /**
   * The Aircall tag id for a disposition: kept, else found by name (GET /v1/tags) or created
   * (POST /v1/tags). null for an unknown disposition; throws when Aircall cannot be reached (retry later).
   */
  async tagIdFor(dispositionId: string): Promise<number | null> {
    const d = this.dispositionsDb.find(dispositionId);
    if (!d) return null;
    try {
      return await this.dispositionsDb.tagId(d, aircallFor(this.env).http);
    } catch (err) {
      throw new Error(`Aircall tag for "${dispositionId}": ${(err as Error).message}`);
    }
  }

  /** Aircall answered 404 for the kept tag: forget it, so the next tagIdFor finds or creates it again. */
  async forgetTag(dispositionId: string): Promise<void> {
    const d = this.dispositionsDb.find(dispositionId);
    if (d) this.dispositionsDb.forget(tagNameOf(d));
  }

  // ---------- compliance: do-not-call list, calling hours, local presence (see compliance/) ----------
  private dncStore?: DncStore;
  private callerNumberCache?: CallerNumberCache;
  private readonly refreshingNumbers = new Map<number, Promise<number>>();
  /** Last background refresh tried per agent: a failing Aircall is asked again after 10 minutes, not on every dial. */
  private readonly numbersTriedAt = new Map<number, number>();
  private get dnc(): DncStore {
    return (this.dncStore ??= new DncStore(this.sql, (fn) => this.ctx.storage.transactionSync(fn)));
  }
  private get callerNumbers(): CallerNumberCache {
    return (this.callerNumberCache ??= new CallerNumberCache(this.sql));
  }

  /** Adds numbers to the company's do-not-call list (admin API, CSV import, the "do not call" wrap-up); audited. */
  /** Numbers that are not E.164 are left out (counted in `invalid`; the admin API refuses them before). */
  async dncAdd(phones: string[], reason: string | null, addedBy: string): Promise<{ added: number; alreadyListed: number; invalid?: number }> {
    const { added, alreadyListed, invalid, addedPhones } = this.dnc.add(phones, reason?.trim() || null, addedBy, Date.now());
    const more = addedPhones.length > 100 ? { morePhones: addedPhones.length - 100 } : {};
    this.log.add(addedBy, "dnc.added", { added, alreadyListed, reason: reason?.trim() || null, phones: addedPhones.slice(0, 100), ...more, ...(invalid ? { invalid } : {}) });
    return invalid ? { added, alreadyListed, invalid } : { added, alreadyListed };
  }

  /** Takes a number off the list; false when it was not listed. Audited with what was removed. */
  async dncRemove(phone: string, actor: string): Promise<boolean> {
    const removed = this.dnc.remove(phone);
    if (removed) this.log.add(actor, "dnc.removed", { phone, reason: removed.reason, addedBy: removed.addedBy, addedAt: removed.addedAt });
    return removed !== null;
  }

  async dncList(opts: { cursor?: string; q?: string; limit: number }): Promise<{ items: DncEntry[]; nextCursor: string | null }> {
    return this.dnc.page(opts);
  }

  /**
   * Asked by the agent's dialer right before every start-call: the do-not-call list, then calling
   * hours in every zone the number may be in, then (local presence) the number to call from, from
   * the cache only (a stale cache is refreshed in the background, never on this path).
   */
  async dialGuard(phone: string, agent: { aircallUserId: number; numberId: number }, nowMs: number): Promise<GuardDecision> {
    const settings = await this.getAdminSettings();
    return guardDecision({
      phone,
      listed: this.dnc.get(phone),
      callingHours: settings.callingHours,
      localPresence: settings.localPresence ? this.presenceFor(agent.aircallUserId, agent.numberId) : null,
      nowMs,
    });
  }

  /** Which of these numbers are on the company's do-not-call list (for numbers that leave through Aircall's own dialer). */
  async dncListedOf(phones: string[]): Promise<string[]> {
    const listed = this.dnc.listed(phones);
    return phones.filter((p) => listed.has(p));
  }

  /** The same guard for many numbers at once (when numbers are queued, to mark them in the popup). */
  async guardMany(phones: string[], aircallUserId: number, nowMs: number): Promise<GuardDecision[]> {
    const settings = await this.getAdminSettings();
    const listed = this.dnc.listed(phones);
    const own = this.sql.exec<{ number_id: number }>("SELECT number_id FROM agents WHERE aircall_user_id = ? AND removed_at IS NULL", aircallUserId).toArray()[0];
    const presence = settings.localPresence && own ? this.presenceFor(aircallUserId, own.number_id) : null;
    return phones.map((phone) => guardDecision({ phone, listed: listed.get(phone) ?? null, callingHours: settings.callingHours, localPresence: presence, nowMs }));
  }

  /** Reads the numbers Aircall lets the agent call from and caches them; resolves to how many. One refresh per agent at a time. */
  async refreshCallerNumbers(aircallUserId: number): Promise<number> {
    const running = this.refreshingNumbers.get(aircallUserId);
    if (running) return running;
    const job = aircallFor(this.env)
      .listUserNumbers(aircallUserId)
      .then((rows) => {
        const numbers = rows.map(callerNumber);
        this.callerNumbers.put(aircallUserId, numbers, Date.now());
        return numbers.length;
      })
      .finally(() => this.refreshingNumbers.delete(aircallUserId));
    this.refreshingNumbers.set(aircallUserId, job);
    return job;
  }

  /** Local presence was switched on: read every agent's numbers now (failures are logged; the dial falls back to the agent's own number). */
  async refreshAllCallerNumbers(): Promise<{ refreshed: number; failed: number }> {
    const ids = this.sql.exec<{ id: number }>("SELECT DISTINCT aircall_user_id AS id FROM agents WHERE removed_at IS NULL").toArray().map((r) => r.id);
    const results = await Promise.allSettled(ids.map((id) => this.refreshCallerNumbers(id)));
    for (const [i, r] of results.entries()) if (r.status === "rejected") console.warn(`local presence: numbers of user ${ids[i]} not read: ${(r.reason as Error).message}`);
    return { refreshed: results.filter((r) => r.status === "fulfilled").length, failed: results.filter((r) => r.status === "rejected").length };
  }

  /** The cached numbers for local presence; a missing or day-old cache is refreshed in the background. */
  private presenceFor(aircallUserId: number, ownNumberId: number) {
    const now = Date.now();
    if (this.callerNumbers.stale(aircallUserId, now) && now - (this.numbersTriedAt.get(aircallUserId) ?? 0) > 10 * 60_000) {
      this.numbersTriedAt.set(aircallUserId, now);
      this.ctx.waitUntil(this.refreshCallerNumbers(aircallUserId).catch((err) => console.warn(`local presence: numbers of user ${aircallUserId} not refreshed: ${(err as Error).message}`)));
    }
    return { numbers: this.callerNumbers.get(aircallUserId)?.numbers ?? null, ownNumberId };
  }
}
