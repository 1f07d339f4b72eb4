/** The audit trail: every admin action, enrolment, refused login and token reuse. */
export type AuditEntry = { id: number; at: string; actor: string; action: string; detail: Record<string, unknown> };

/** Repeated refusals from one client are folded into one entry per this span, with a count. */
export const AGGREGATE_WINDOW_MS = 60_000;
const MAX_OPEN = 5_000;

export class AuditLog {
  private readonly open = new Map<string, { id: number; since: number; count: number; detail: Record<string, unknown> }>();

  constructor(private readonly sql: SqlStorage) {
    sql.exec(`CREATE TABLE IF NOT EXISTS audit (id INTEGER PRIMARY KEY AUTOINCREMENT, at INTEGER NOT NULL,
      actor TEXT NOT NULL, action TEXT NOT NULL, detail TEXT NOT NULL)`);
  }

  add(actor: string, action: string, detail: Record<string, unknown>) {
    this.sql.exec("INSERT INTO audit (at, actor, action, detail) VALUES (?, ?, ?, ?)", Date.now(), actor, action, JSON.stringify(detail));
  }

  /**
   * One entry per actor and action per minute: the first refusal writes it, the next ones update
   * its `count` (and `lastReason`), so a flood of 1,000 wrong codes is one row, not 1,000.
   */
  addAggregated(actor: string, action: string, detail: Record<string, unknown>, now = Date.now()) {
    const key = `${action}\u0000${actor}`;
    const open = this.open.get(key);
    if (open && now - open.since < AGGREGATE_WINDOW_MS) {
      open.count++;
      const merged = { ...open.detail, count: open.count, lastReason: detail.reason, lastAt: new Date(now).toISOString() };
      this.sql.exec("UPDATE audit SET detail = ? WHERE id = ?", JSON.stringify(merged), open.id);
      return;
    }
    if (this.open.size >= MAX_OPEN) this.open.clear();
    const first = { ...detail, count: 1 };
    const id = this.sql.exec<{ id: number }>("INSERT INTO audit (at, actor, action, detail) VALUES (?, ?, ?, ?) RETURNING id", now, actor, action, JSON.stringify(first)).one().id;
    this.open.set(key, { id, since: now, count: 1, detail: first });
  }

  /** Newest first. */
  list(limit: number, before?: number): AuditEntry[] {
    return this.sql
      .exec<{ id: number; at: number; actor: string; action: string; detail: string }>(
        "SELECT * FROM audit WHERE id < ? ORDER BY id DESC LIMIT ?",
        before ?? Number.MAX_SAFE_INTEGER,
        limit,
      )
      .toArray()
      .map((r) => ({ id: r.id, at: new Date(r.at).toISOString(), actor: r.actor, action: r.action, detail: JSON.parse(r.detail) }));
  }
}
