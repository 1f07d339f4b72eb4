/** The audit trail: every admin action, enrolment, refused login and token reuse. */
export type AuditEntry = { id: number; at: string; actor: string; action: string; detail: Record<string, unknown> };

export class AuditLog {
  constructor(private readonly sql: SqlStorage) {
    sql.exec(`CREATE TABLE IF NOT EXISTS audit (id INTEGER PRIMARY KEY AUTOINCREMENT, at INTEGER NOT NULL,
      actor TEXT NOT NULL, action TEXT NOT NULL, detail TEXT NOT NULL)`);
  }

  add(actor: string, action: string, detail: Record<string, unknown>) {
    this.sql.exec("INSERT INTO audit (at, actor, action, detail) VALUES (?, ?, ?, ?)", Date.now(), actor, action, JSON.stringify(detail));
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
