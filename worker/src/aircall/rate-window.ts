/**
 * A hard cap of `limit` requests in every rolling 60-second window, shared by all agents:
 * each request reserves a send time at least 60 s after the request `limit` places before it.
 * Pure logic; the RateLimiter Durable Object keeps one of these for the whole company.
 */
export const WINDOW_MS = 60_000;
/** Margin so requests that leave on time still arrive inside the limit at Aircall. */
export const SAFETY_MS = 250;

/** The other integrations' share of the company's budget, as last read from Aircall's headers. */
export type External = { count: number; at: number };

export class RateWindow {
  private times: number[] = [];
  private blockedUntil = 0;
  private external: External | null = null;

  constructor(private limit: number) {}

  setLimit(limit: number) {
    this.limit = Math.max(1, limit);
  }

  /** Reserves a slot only if one is free right now (for requests not worth waiting for). */
  tryReserve(now: number): boolean {
    if (this.blockedUntil > now) return false;
    const last = this.times[this.times.length - 1];
    const windowStart = this.times[this.times.length - this.ourLimit(now)];
    if ((last !== undefined && last > now) || (windowStart !== undefined && windowStart + WINDOW_MS + SAFETY_MS > now)) return false;
    this.reserve(now);
    return true;
  }

  /** Reserves a slot; returns the epoch ms at which the request may be sent. */
  reserve(now: number): number {
    let at = Math.max(now, this.blockedUntil);
    const last = this.times[this.times.length - 1];
    if (last !== undefined) at = Math.max(at, last);
    const windowStart = this.times[this.times.length - this.ourLimit(now)];
    if (windowStart !== undefined) at = Math.max(at, windowStart + WINDOW_MS + SAFETY_MS);
    this.times.push(at);
    if (this.times.length > this.limit) this.times.splice(0, this.times.length - this.limit);
    this.forgetBefore(now - WINDOW_MS - SAFETY_MS);
    return at;
  }

  /**
   * Reservations older than a window can no longer hold a request back: dropped, so the saved
   * state (written on every request) stays the size of one window's traffic even when the limit
   * is far above it. Times are in order: the old ones are at the front.
   */
  private forgetBefore(t: number) {
    let n = 0;
    while (n < this.times.length - 1 && this.times[n]! < t) n++;
    if (n) this.times.splice(0, n);
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
   * Aircall's `X-AircallApi-Remaining` on an answer at `now`. The budget is the company's, shared
   * with every other integration on the account: what is spent in the last 60 s and not by us is
   * theirs, and our own window shrinks by that much, so their use slows us down before Aircall has
   * to answer 429. The latest answer wins; a share not confirmed for a whole window is forgotten.
   */
  observe(remaining: number, now: number) {
    if (!Number.isFinite(remaining) || remaining < 0) return;
    const ours = this.times.filter((t) => t > now - WINDOW_MS && t <= now).length;
    const count = Math.max(0, Math.min(this.limit - 1, this.limit - Math.floor(remaining) - ours));
    this.external = { count, at: now };
  }

  /** How many of the window's requests are ours to send: the limit less the others' last known share. */
  ourLimit(now: number): number {
    const ext = this.external && now - this.external.at < WINDOW_MS ? this.external.count : 0;
    return Math.max(1, this.limit - ext);
  }

  /** Aircall answered 429 (or said nothing remains): nothing goes out before `until`. */
  blockUntil(until: number) {
    this.blockedUntil = Math.max(this.blockedUntil, until);
  }

  toJSON() {
    return { times: this.times, blockedUntil: this.blockedUntil, external: this.external };
  }

  static from(limit: number, saved?: SavedWindow) {
    const w = new RateWindow(limit);
    if (saved) {
      w.times = saved.times.slice(-limit);
      w.blockedUntil = saved.blockedUntil;
      w.external = saved.external ?? null;
    }
    return w;
  }
}

export type SavedWindow = { times: number[]; blockedUntil: number; external?: External | null };

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
