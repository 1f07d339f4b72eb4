/**
 * Company-wide rolling 60-second window. A request is admitted only when fewer than `limit`
 * admitted requests lie in the last 60 s, so no 60-second span ever holds more than `limit`.
 * Rejected (429) requests are not counted.
 */
export const WINDOW_MS = 60_000;

export interface RateVerdict {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Epoch ms when the oldest admitted request leaves the window (now + 60 s if none). */
  resetAtMs: number;
}

export class RateWindow {
  private stamps: number[] = [];

  /** `limit` is read on every request, so changing the option takes effect at once. */
  constructor(
    private readonly limit: () => number,
    private readonly now: () => number = Date.now,
  ) {}

  private prune(t: number): void {
    let drop = 0;
    while (drop < this.stamps.length && (this.stamps[drop] ?? 0) <= t - WINDOW_MS) drop++;
    if (drop > 0) this.stamps.splice(0, drop);
  }

  /** Admit (and count) one request, or refuse it. */
  take(): RateVerdict {
    const t = this.now();
    this.prune(t);
    const allowed = this.stamps.length < this.limit();
    if (allowed) this.stamps.push(t);
    return this.verdict(t, allowed);
  }

  /** The current state without counting anything (for responses that are not rate limited). */
  peek(): RateVerdict {
    const t = this.now();
    this.prune(t);
    return this.verdict(t, this.stamps.length < this.limit());
  }

  /** Admitted requests currently in the window. */
  inWindow(): number {
    this.prune(this.now());
    return this.stamps.length;
  }

  reset(): void {
    this.stamps = [];
  }

  private verdict(t: number, allowed: boolean): RateVerdict {
    const oldest = this.stamps[0];
    const limit = this.limit();
    return {
      allowed,
      limit,
      remaining: Math.max(0, limit - this.stamps.length),
      resetAtMs: (oldest ?? t) + WINDOW_MS,
    };
  }
}

/** The three X-AircallApi-* headers; Reset is rounded up so waiting until it always suffices. */
export function rateHeaders(v: RateVerdict, unit: "seconds" | "ms"): Record<string, string> {
  const reset = unit === "ms" ? Math.ceil(v.resetAtMs) : Math.ceil(v.resetAtMs / 1000);
  return {
    "X-AircallApi-Limit": String(v.limit),
    "X-AircallApi-Remaining": String(v.remaining),
    "X-AircallApi-Reset": String(reset),
  };
}
