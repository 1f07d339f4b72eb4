/** The agent's Aircall numbers (GET /v2/users/:id/numbers), cached in the Directory for local presence. */
import type { CallerNumber } from "./local-presence";

/** Refreshed when older than this (and whenever the agent connects). */
export const CALLER_NUMBERS_MAX_AGE_MS = 24 * 3600_000;

export class CallerNumberCache {
  constructor(private readonly sql: SqlStorage) {
    sql.exec("CREATE TABLE IF NOT EXISTS caller_numbers (aircall_user_id INTEGER PRIMARY KEY, numbers TEXT NOT NULL, fetched_at INTEGER NOT NULL)");
  }

  get(aircallUserId: number): { numbers: CallerNumber[]; fetchedAt: number } | null {
    const row = this.sql.exec<{ numbers: string; fetched_at: number }>("SELECT numbers, fetched_at FROM caller_numbers WHERE aircall_user_id = ?", aircallUserId).toArray()[0];
    return row ? { numbers: JSON.parse(row.numbers) as CallerNumber[], fetchedAt: row.fetched_at } : null;
  }

  put(aircallUserId: number, numbers: CallerNumber[], now: number) {
    this.sql.exec("INSERT OR REPLACE INTO caller_numbers (aircall_user_id, numbers, fetched_at) VALUES (?, ?, ?)", aircallUserId, JSON.stringify(numbers), now);
  }

  stale(aircallUserId: number, now: number): boolean {
    const cached = this.get(aircallUserId);
    return !cached || now - cached.fetchedAt > CALLER_NUMBERS_MAX_AGE_MS;
  }
}
