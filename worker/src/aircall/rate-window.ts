/**
 * A hard cap of `limit` requests in every rolling 60-second window, shared by all agents:
 * each request reserves a send time at least 60 s after the request `limit` places before it.
 * Pure logic; the RateLimiter Durable Object keeps one of these for the whole company.
 */
export const WINDOW_MS = 60_000;
/** Margin so requests that leave on time still arrive inside the limit at Aircall. */
export const SAFETY_MS = 250;

/** What Aircall last said is left of the company's budget (other integrations included). */
export type Budget = { left: number; until: number };

export class RateWindow {
  private times: number[] = [];
  private blockedUntil = 0;
  private budget: Budget | null = null;

  constructor(private limit: number) {}

  setLimit(limit: number) {
    this.limit = Math.max(1, limit);
  }

  /** Reserves a slot only if one is free right now (for requests not worth waiting for). */
  tryReserve(now: number): boolean {
    if (this.blockedUntil > now) return false;
    if (this.budget && this.budget.until > now && this.budget.left <= 0) return false;
    const last = this.times[this.times.length - 1];
    const windowStart = this.times[this.times.length - this.limit];
    if ((last !== undefined && last > now) || (windowStart !== undefined && windowStart + WINDOW_MS + SAFETY_MS > now)) return false;
    this.reserve(now);
    return true;
  }

  /** Reserves a slot; returns the epoch ms at which the request may be sent. */
  reserve(now: number): number {
    let at = Math.max(now, this.blockedUntil);
    const last = this.times[this.times.length - 1];
    if (last !== undefined) at = Math.max(at, last);
    const windowStart = this.times[this.times.length - this.limit];
    if (windowStart !== undefined) at = Math.max(at, windowStart + WINDOW_MS + SAFETY_MS);
    at = this.spendBudget(at);
    this.times.push(at);
    if (this.times.length > this.limit) this.times.splice(0, this.times.length - this.limit);
    return at;
  }

  /**
   * A slot reserved earlier for `reservedAt`, checked at `now`: the wait left on it (0 = go), or null
   * when a block (429) came after it was reserved and it no longer holds.
   */
  recheck(reservedAt: number, now: number): number | null {
    if (this.blockedUntil > now) return null;
    return Math.max(0, reservedAt - now);
  }

  /**
   * Aircall's `X-AircallApi-Remaining` / `-Reset` on an answer: the company (every integration on
   * the account, not only us) may send `remaining` more before `resetAt`. Slots already reserved to
   * go out before then count against it; once it is spent, new slots wait for the reset. So another
   * integration's use slows us down before Aircall has to answer 429. Two answers from the same
   * window keep the smaller figure (answers can arrive out of order).
   */
  observe(remaining: number, resetAt: number, now: number) {
    if (!Number.isFinite(remaining) || remaining < 0 || !(resetAt > now)) return;
    const waiting = this.times.filter((t) => t > now && t < resetAt).length;
    const left = Math.max(0, Math.floor(remaining) - waiting);
    const same = this.budget && Math.abs(this.budget.until - resetAt) < MIN_BLOCK_MS;
    if (same) this.budget = { left: Math.min(this.budget!.left, left), until: this.budget!.until };
    else if (!this.budget || this.budget.until <= now || resetAt > this.budget.until) this.budget = { left, until: resetAt };
  }

  /** A slot at `at` inside the window Aircall described takes one of its requests, or waits for its reset. */
  private spendBudget(at: number): number {
    const b = this.budget;
    if (!b || at >= b.until) return at;
    if (b.left > 0) {
      b.left -= 1;
      return at;
    }
    return b.until;
  }

  /** Aircall answered 429 (or said nothing remains): nothing goes out before `until`. */
  blockUntil(until: number) {
    this.blockedUntil = Math.max(this.blockedUntil, until);
  }

  toJSON() {
    return { times: this.times, blockedUntil: this.blockedUntil, budget: this.budget };
  }

  static from(limit: number, saved?: SavedWindow) {
    const w = new RateWindow(limit);
    if (saved) {
      w.times = saved.times.slice(-limit);
      w.blockedUntil = saved.blockedUntil;
      w.budget = saved.budget ?? null;
    }
    return w;
  }
}

export type SavedWindow = { times: number[]; blockedUntil: number; budget?: Budget | null };

/** Never trust a reset that would lift the block at once (clock skew, a reset in the same second). */
export const MIN_BLOCK_MS = 1_000;

/**
 * `X-AircallApi-Reset`: undocumented unit, so all of these are read: UNIX seconds, UNIX milliseconds,
 * or a small number of seconds until the reset. The block lasts at least MIN_BLOCK_MS and at most 5
 * minutes; no header (or nonsense) waits a whole window.
 */
export function parseReset(value: string | null, now: number, fallbackMs = WINDOW_MS): number {
  const n = value === null ? NaN : Number(value);
  if (!Number.isFinite(n) || n <= 0) return now + fallbackMs;
  const ms = n < 1e6 ? now + n * 1000 : n < 1e12 ? n * 1000 : n;
  return Math.min(Math.max(ms, now + MIN_BLOCK_MS), now + 5 * WINDOW_MS);
}
