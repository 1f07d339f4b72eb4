/**
 * The company's do-not-call list in the Directory's SQLite: one row per E.164 number, the number
 * being the primary key (an index: a look-up among 100,000 rows is one B-tree search).
 */
import type { DncEntry } from "@dialer/shared";

const E164 = /^\+[1-9]\d{6,14}$/;
/** Durable Object SQL takes at most 100 bound parameters per statement. */
const CHUNK = 100;

type Row = { phone: string; reason: string | null; added_at: number; added_by: string };
const toEntry = (r: Row): DncEntry => ({ phone: r.phone, reason: r.reason, addedAt: new Date(r.added_at).toISOString(), addedBy: r.added_by });

export class DncStore {
  constructor(
    private readonly sql: SqlStorage,
    private readonly transaction: <T>(fn: () => T) => T,
  ) {
    sql.exec("CREATE TABLE IF NOT EXISTS dnc (phone TEXT PRIMARY KEY, reason TEXT, added_at INTEGER NOT NULL, added_by TEXT NOT NULL) WITHOUT ROWID");
  }

  /** Adds the numbers not yet listed (one transaction); a listed number keeps its first reason. */
  /** Numbers that are not E.164 are left out and counted in `invalid`. */
  add(phones: string[], reason: string | null, addedBy: string, now: number): { added: number; alreadyListed: number; invalid: number; addedPhones: string[] } {
    const unique = [...new Set(phones.filter((p) => typeof p === "string" && E164.test(p)))];
    const invalid = phones.filter((p) => typeof p !== "string" || !E164.test(p)).length;
    const addedPhones: string[] = [];
    this.transaction(() => {
      for (const phone of unique) {
        const cur = this.sql.exec("INSERT OR IGNORE INTO dnc (phone, reason, added_at, added_by) VALUES (?, ?, ?, ?)", phone, reason, now, addedBy);
        if (cur.rowsWritten > 0) addedPhones.push(phone);
      }
    });
    return { added: addedPhones.length, alreadyListed: unique.length - addedPhones.length, invalid, addedPhones };
  }

  remove(phone: string): DncEntry | null {
    const row = this.sql.exec<Row>("DELETE FROM dnc WHERE phone = ? RETURNING *", phone).toArray()[0];
    return row ? toEntry(row) : null;
  }

  get(phone: string): DncEntry | null {
    const row = this.sql.exec<Row>("SELECT * FROM dnc WHERE phone = ?", phone).toArray()[0];
    return row ? toEntry(row) : null;
  }

  /** The listed ones among `phones`, by number. */
  listed(phones: string[]): Map<string, DncEntry> {
    const out = new Map<string, DncEntry>();
    const unique = [...new Set(phones)];
    for (let i = 0; i < unique.length; i += CHUNK) {
      const chunk = unique.slice(i, i + CHUNK);
      const rows = this.sql.exec<Row>(`SELECT * FROM dnc WHERE phone IN (${chunk.map(() => "?").join(",")})`, ...chunk).toArray();
      for (const r of rows) out.set(r.phone, toEntry(r));
    }
    return out;
  }

  /**
   * A page in number order after `cursor`. `q` "+1212…" is a prefix (indexed range); plain digits
   * match anywhere in the number.
   */
  page(opts: { cursor?: string; q?: string; limit: number }): { items: DncEntry[]; nextCursor: string | null } {
    const where = ["phone > ?"];
    const args: SqlStorageValue[] = [opts.cursor ?? ""];
    const q = opts.q?.trim() ?? "";
    if (q.startsWith("+")) {
      where.push("phone >= ? AND phone < ?");
      args.push(q, q + ":"); // ":" sorts right after "9"
    } else if (q) {
      where.push("instr(phone, ?) > 0");
      args.push(q);
    }
    const rows = this.sql.exec<Row>(`SELECT * FROM dnc WHERE ${where.join(" AND ")} ORDER BY phone LIMIT ?`, ...args, opts.limit + 1).toArray();
    const more = rows.length > opts.limit;
    const items = rows.slice(0, opts.limit).map(toEntry);
    return { items, nextCursor: more ? items.at(-1)!.phone : null };
  }

  count(): number {
    return this.sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM dnc").one().n;
  }
}
