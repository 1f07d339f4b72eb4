/** The AgentDialer's SQLite: machine state, pending queue, history, webhook inbox, WS tickets. */
import type { HistoryEntry, QueueItem } from "@dialer/shared";
import type { HistoryFields, MachineState } from "./machine-types";

const SCHEMA = `
CREATE TABLE IF NOT EXISTS kv (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS queue (seq INTEGER PRIMARY KEY AUTOINCREMENT, item TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS history (
  dial_id INTEGER PRIMARY KEY, item_id TEXT NOT NULL, phone TEXT NOT NULL, name TEXT, source_url TEXT,
  call_id TEXT, outcome TEXT, reason TEXT, dial_at INTEGER NOT NULL, started_at INTEGER,
  answered_at INTEGER, ended_at INTEGER, duration INTEGER, talk INTEGER, recording TEXT,
  final INTEGER NOT NULL DEFAULT 0);
CREATE INDEX IF NOT EXISTS history_call ON history(call_id);
CREATE INDEX IF NOT EXISTS history_dial_at ON history(dial_at);
CREATE TABLE IF NOT EXISTS inbox (key TEXT PRIMARY KEY, received_at INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS inbox_received ON inbox(received_at);
CREATE TABLE IF NOT EXISTS tickets (hash TEXT PRIMARY KEY, expires_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS campaign (digits TEXT PRIMARY KEY, phone TEXT NOT NULL, name TEXT);
CREATE TABLE IF NOT EXISTS outbox (key TEXT PRIMARY KEY, effect TEXT NOT NULL, slot_at INTEGER NOT NULL, held INTEGER NOT NULL DEFAULT 0);
`;

/** Columns added after the first version: added to an existing table on first use. */
const ADDED_COLUMNS: [table: string, column: string, type: string][] = [
  ["history", "reason_code", "TEXT"],
  ["history", "disposition", "TEXT"],
  ["history", "note", "TEXT"],
  ["history", "callback_at", "INTEGER"],
  ["history", "retry_at", "INTEGER"],
  ["history", "number_id", "INTEGER"],
];

const INBOX_KEEP_MS = 3 * 24 * 3600_000; // Aircall retries for up to 12 hours

const COLUMNS: Record<keyof HistoryFields, string> = {
  callId: "call_id",
  outcome: "outcome",
  reason: "reason",
  reasonCode: "reason_code",
  startedAt: "started_at",
  answeredAt: "answered_at",
  endedAt: "ended_at",
  durationSeconds: "duration",
  talkSeconds: "talk",
  recordingUrl: "recording",
  final: "final",
  disposition: "disposition",
  note: "note",
  callbackAt: "callback_at",
  retryAt: "retry_at",
};

export class DialerStore {
  constructor(private readonly sql: SqlStorage) {
    sql.exec(SCHEMA);
    for (const [table, column, type] of ADDED_COLUMNS) {
      const has = sql.exec<{ name: string }>(`PRAGMA table_info(${table})`).toArray().some((c) => c.name === column);
      if (!has) sql.exec(`ALTER TABLE ${table} ADD COLUMN ${column} ${type}`);
    }
    // lastNote (once per call, for the insight card) without reading the whole history; only rows with a note are in it.
    sql.exec("CREATE INDEX IF NOT EXISTS history_note ON history(phone, dial_id) WHERE note IS NOT NULL");
  }

  /** MIN(slot_at) of the outbox, kept until the outbox changes (undefined: not read yet). */
  private outboxNextAt: number | null | undefined;

  // ---------- the numbers the agent sent to Aircall's Power Dialer ----------
  campaignPut(items: { phone: string; name?: string }[]) {
    for (const i of items) this.sql.exec("INSERT OR REPLACE INTO campaign (digits, phone, name) VALUES (?, ?, ?)", i.phone.replace(/\D/g, ""), i.phone, i.name ?? null);
  }

  campaignClear() {
    this.sql.exec("DELETE FROM campaign");
  }

  campaignCount(): number {
    return this.sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM campaign").toArray()[0]?.n ?? 0;
  }

  campaignFind(digits: string): { phone: string; name?: string } | undefined {
    const r = this.sql.exec<{ phone: string; name: string | null }>("SELECT phone, name FROM campaign WHERE digits = ?", digits).toArray()[0];
    return r ? { phone: r.phone, ...(r.name ? { name: r.name } : {}) } : undefined;
  }

  // ---------- Aircall requests waiting for a rate-limit slot (durable: an alarm sends them) ----------
  /**
   * The same work waiting already (same key) is replaced: one request per key. `held`: the request
   * holds a rate-limit slot reserved for `slotAt` (false: it must take a new one, e.g. after a 429).
   */
  outboxPut(key: string, effect: unknown, slotAt: number, held: boolean) {
    this.outboxNextAt = undefined;
    this.sql.exec("INSERT OR REPLACE INTO outbox (key, effect, slot_at, held) VALUES (?, ?, ?, ?)", key, JSON.stringify(effect), slotAt, held ? 1 : 0);
  }

  /** Taken for sending: if it is still here at `until` (its instance went away), it is sent again, with a new slot. */
  outboxLease(key: string, until: number) {
    this.outboxNextAt = undefined;
    this.sql.exec("UPDATE outbox SET slot_at = ?, held = 0 WHERE key = ?", until, key);
  }

  outboxClear() {
    this.outboxNextAt = undefined;
    this.sql.exec("DELETE FROM outbox");
  }

  outboxDelete(key: string) {
    if (this.sql.exec("DELETE FROM outbox WHERE key = ?", key).rowsWritten > 0) this.outboxNextAt = undefined;
  }

  outboxDue(now: number): { key: string; effect: unknown; slotAt: number; held: boolean }[] {
    return this.sql
      .exec<{ key: string; effect: string; slot_at: number; held: number }>("SELECT key, effect, slot_at, held FROM outbox WHERE slot_at <= ? ORDER BY slot_at", now)
      .toArray()
      .map((r) => ({ key: r.key, effect: JSON.parse(r.effect) as unknown, slotAt: r.slot_at, held: r.held === 1 }));
  }

  /** The earliest slot of a waiting request (read once, then again after the outbox changes). */
  outboxNext(): number | undefined {
    if (this.outboxNextAt === undefined) this.outboxNextAt = this.sql.exec<{ at: number | null }>("SELECT MIN(slot_at) AS at FROM outbox").toArray()[0]?.at ?? null;
    return this.outboxNextAt ?? undefined;
  }

  getJson<T>(key: string): T | undefined {
    const row = this.sql.exec<{ value: string }>("SELECT value FROM kv WHERE key = ?", key).toArray()[0];
    return row ? (JSON.parse(row.value) as T) : undefined;
  }

  putJson(key: string, value: unknown) {
    this.sql.exec("INSERT OR REPLACE INTO kv (key, value) VALUES (?, ?)", key, JSON.stringify(value));
  }

  loadMachine(): MachineState | undefined {
    const core = this.getJson<Omit<MachineState, "queue">>("machine");
    if (!core) return undefined;
    const queue = this.sql.exec<{ item: string }>("SELECT item FROM queue ORDER BY seq").toArray().map((r) => JSON.parse(r.item) as QueueItem);
    return { ...core, queue };
  }

  /**
   * Persists a transition. The machine row is updated in place (a REPLACE would delete and insert it,
   * touching the key's index too); the queue is rewritten only when it changed other than by dialing its head.
   */
  saveMachine(prev: MachineState | undefined, next: MachineState) {
    const { queue, ...core } = next;
    const json = JSON.stringify(core);
    if (this.sql.exec("UPDATE kv SET value = ? WHERE key = 'machine'", json).rowsWritten === 0) this.sql.exec("INSERT INTO kv (key, value) VALUES ('machine', ?)", json);
    if (prev && prev.queue === queue) return;
    const dropped = prev ? prev.queue.length - queue.length : -1;
    if (prev && dropped > 0 && queue.every((item, i) => item === prev.queue[i + dropped])) {
      this.sql.exec("DELETE FROM queue WHERE seq IN (SELECT seq FROM queue ORDER BY seq LIMIT ?)", dropped);
      return;
    }
    this.sql.exec("DELETE FROM queue");
    for (const item of queue) this.sql.exec("INSERT INTO queue (item) VALUES (?)", JSON.stringify(item));
  }

  /** true when this delivery was seen before (Aircall delivers at least once). */
  seen(key: string, now: number): boolean {
    const inserted = this.sql.exec("INSERT OR IGNORE INTO inbox (key, received_at) VALUES (?, ?)", key, now).rowsWritten > 0;
    if (inserted && Math.random() < 0.01) this.sql.exec("DELETE FROM inbox WHERE received_at < ?", now - INBOX_KEEP_MS);
    return !inserted;
  }

  historyOpen(dialId: number, item: QueueItem, dialAt: number, outcome: string | null = null, reason: string | null = null, reasonCode: string | null = null) {
    this.sql.exec(
      `INSERT OR REPLACE INTO history (dial_id, item_id, phone, name, source_url, outcome, reason, reason_code, dial_at, final)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      dialId, item.id, item.phone, item.name ?? null, item.sourceUrl ?? null, outcome, reason, reasonCode, dialAt, outcome ? 1 : 0,
    );
  }

  historyDiscard(dialId: number) {
    this.sql.exec("DELETE FROM history WHERE dial_id = ? AND outcome IS NULL", dialId);
  }

  historyUpdate(where: { dialId: number } | { callId: string }, fields: HistoryFields) {
    const entries = Object.entries(fields).filter(([, v]) => v !== undefined) as [keyof HistoryFields, unknown][];
    if (!entries.length) return;
    const set = entries.map(([k]) => `${COLUMNS[k]} = ?`).join(", ");
    const values = entries.map(([, v]) => (typeof v === "boolean" ? Number(v) : v));
    if ("dialId" in where) this.sql.exec(`UPDATE history SET ${set} WHERE dial_id = ?`, ...values, where.dialId);
    else this.sql.exec(`UPDATE history SET ${set} WHERE call_id = ?`, ...values, where.callId);
  }

  /** Newest dial first; the cursor is the last dial id of the previous page. */
  listHistory(limit: number, cursor?: number): { items: HistoryEntry[]; nextCursor: string | null } {
    const rows = this.sql
      .exec<HistoryRow>(
        "SELECT * FROM history WHERE outcome IS NOT NULL AND dial_id < ? ORDER BY dial_id DESC LIMIT ?",
        cursor ?? Number.MAX_SAFE_INTEGER,
        limit + 1,
      )
      .toArray();
    const page = rows.slice(0, limit);
    const next = rows.length > limit ? page[page.length - 1] : undefined;
    return { items: page.map(toEntry), nextCursor: next ? String(next.dial_id) : null };
  }

  /** The newest row of an item dialed (or handled) since `since`: what a wrap-up is about. */
  historyForItem(itemId: string, since: number): { dialId: number; item: QueueItem; callId: string | null; disposition: string | null } | undefined {
    const r = this.sql
      .exec<HistoryRow & { source_url: string | null }>("SELECT * FROM history WHERE item_id = ? AND outcome IS NOT NULL AND dial_at >= ? ORDER BY dial_id DESC LIMIT 1", itemId, since)
      .toArray()[0];
    if (!r) return undefined;
    const item: QueueItem = { id: r.item_id, phone: r.phone, ...(r.name ? { name: r.name } : {}), ...(r.source_url ? { sourceUrl: r.source_url } : {}) };
    return { dialId: r.dial_id, item, callId: r.call_id, disposition: r.disposition ?? null };
  }

  historyEntry(dialId: number): HistoryEntry | undefined {
    const r = this.sql.exec<HistoryRow>("SELECT * FROM history WHERE dial_id = ?", dialId).toArray()[0];
    return r ? toEntry(r) : undefined;
  }

  /** Local presence: the Aircall number this dial went out from. */
  historySetNumber(dialId: number, numberId: number) {
    this.sql.exec("UPDATE history SET number_id = ? WHERE dial_id = ?", numberId, dialId);
  }

  /** The latest note written on a wrap-up for this number (shown to the agent in Aircall during the next call). */
  lastNote(phone: string): string | null {
    return this.sql.exec<{ note: string }>("SELECT note FROM history WHERE phone = ? AND note IS NOT NULL ORDER BY dial_id DESC LIMIT 1", phone).toArray()[0]?.note ?? null;
  }

  /** Item ids with a history row after `dialSeq` (dialled or skipped since then). */
  itemIdsSince(dialSeq: number): Set<string> {
    return new Set(this.sql.exec<{ item_id: string }>("SELECT DISTINCT item_id FROM history WHERE dial_id > ?", dialSeq).toArray().map((r) => r.item_id));
  }

  historyBetween(from: number, to: number): HistoryEntry[] {
    return this.sql
      .exec<HistoryRow>("SELECT * FROM history WHERE outcome IS NOT NULL AND dial_at >= ? AND dial_at < ? ORDER BY dial_id", from, to)
      .toArray()
      .map(toEntry);
  }

  addTicket(hash: string, expiresAt: number) {
    this.sql.exec("DELETE FROM tickets WHERE expires_at < ?", Date.now());
    this.sql.exec("INSERT INTO tickets (hash, expires_at) VALUES (?, ?)", hash, expiresAt);
  }

  /** Single use: a ticket is deleted by the check that accepts it. */
  takeTicket(hash: string, now: number): boolean {
    const row = this.sql.exec<{ expires_at: number }>("SELECT expires_at FROM tickets WHERE hash = ?", hash).toArray()[0];
    if (!row) return false;
    this.sql.exec("DELETE FROM tickets WHERE hash = ?", hash);
    return row.expires_at >= now;
  }

  /**
   * A reused Aircall seat: moves every history row to history_archive under the previous agent's
   * id (kept for the company, never listed to the next agent) and drops pending tickets.
   */
  archiveHistory(agentId: string, now: number) {
    this.sql.exec("CREATE TABLE IF NOT EXISTS history_archive (agent_id TEXT NOT NULL, archived_at INTEGER NOT NULL, dial_id INTEGER NOT NULL, row TEXT NOT NULL)");
    for (const row of this.sql.exec<Record<string, SqlStorageValue>>("SELECT * FROM history ORDER BY dial_id").toArray())
      this.sql.exec("INSERT INTO history_archive (agent_id, archived_at, dial_id, row) VALUES (?, ?, ?, ?)", agentId, now, row.dial_id ?? 0, JSON.stringify(row));
    this.sql.exec("DELETE FROM history");
    this.sql.exec("DELETE FROM tickets");
  }

  // ---------- retention (the nightly cron) ----------
  /**
   * Deletes history dialled before `before` — except rows with a dial id above `keepAfterDialId`
   * (the run in progress) — and archived rows as old, webhook dedupe keys older than
   * INBOX_KEEP_MS (Aircall retries a delivery for up to 12 hours) and expired tickets.
   */
  cleanupOld(before: number, keepAfterDialId: number | null, now: number): { history: number; inbox: number; tickets: number } {
    const keepAbove = keepAfterDialId ?? Number.MAX_SAFE_INTEGER;
    const purge = (table: string, where: string, ...args: SqlStorageValue[]) => {
      const n = this.sql.exec<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table} WHERE ${where}`, ...args).one().n;
      if (n) this.sql.exec(`DELETE FROM ${table} WHERE ${where}`, ...args);
      return n;
    };
    let history = purge("history", "dial_at < ? AND dial_id <= ?", before, keepAbove);
    const archived = this.sql.exec("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'history_archive'").toArray().length > 0;
    if (archived) history += purge("history_archive", "json_extract(row, '$.dial_at') < ?", before);
    const inbox = purge("inbox", "received_at < ?", now - INBOX_KEEP_MS);
    const tickets = purge("tickets", "expires_at < ?", now);
    return { history, inbox, tickets };
  }
}

type HistoryRow = {
  dial_id: number;
  item_id: string;
  phone: string;
  name: string | null;
  call_id: string | null;
  outcome: HistoryEntry["outcome"];
  reason: string | null;
  reason_code: string | null;
  disposition: string | null;
  note: string | null;
  callback_at: number | null;
  retry_at: number | null;
  number_id: number | null;
  dial_at: number;
  started_at: number | null;
  answered_at: number | null;
  ended_at: number | null;
  duration: number | null;
  talk: number | null;
  recording: string | null;
  final: number;
};

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function toEntry(r: HistoryRow): HistoryEntry {
  return {
    itemId: r.item_id,
    at: new Date(r.dial_at).toISOString(),
    phone: r.phone,
    name: r.name,
    callId: r.call_id,
    outcome: r.outcome,
    startedAt: iso(r.started_at ?? (r.outcome === "skipped" ? null : r.dial_at)),
    answeredAt: iso(r.answered_at),
    endedAt: iso(r.ended_at),
    durationSeconds: r.duration,
    talkSeconds: r.talk,
    reason: r.reason,
    reasonCode: r.reason_code ?? null,
    disposition: r.disposition ?? null,
    note: r.note ?? null,
    callbackAt: iso(r.callback_at ?? null),
    retryAt: iso(r.retry_at ?? null),
    numberId: r.number_id ?? null,
    recordingUrl: r.recording,
    final: r.final === 1,
  };
}
