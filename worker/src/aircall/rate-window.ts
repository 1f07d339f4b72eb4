/**
 * A hard cap of `limit` requests in every rolling 60-second window, shared by all agents:
 * each request reserves a send time at least 60 s after the request `limit` places before it.
 * Pure logic; the RateLimiter Durable Object keeps one of these for the whole company.
 */
export const WINDOW_MS = 60_000;
/** Margin so requests that leave on time still arrive inside the limit at Aircall. */
export const SAFETY_MS = 250;

export class RateWindow {
  private times: number[] = [];
  private blockedUntil = 0;

  constructor(private limit: number) {}

  setLimit(limit: number) {
    this.limit = Math.max(1, limit);
  }

  /** Reserves a slot only if one is free right now (for requests not worth waiting for). */
  tryReserve(now: number): boolean {
    if (this.blockedUntil > now) return false;
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

  /** Aircall answered 429 (or said nothing remains): nothing goes out before `until`. */
  blockUntil(until: number) {
    this.blockedUntil = Math.max(this.blockedUntil, until);
  }

  toJSON() {
    return { times: this.times, blockedUntil: this.blockedUntil };
  }

  static from(limit: number, saved?: { times: number[]; blockedUntil: number }) {
    const w = new RateWindow(limit);
    if (saved) {
      w.times = saved.times.slice(-limit);
      w.blockedUntil = saved.blockedUntil;
    }
    return w;
  }
}

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
