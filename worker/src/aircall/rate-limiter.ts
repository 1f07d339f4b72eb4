import { DurableObject } from "cloudflare:workers";
import { RateWindow, type SavedWindow } from "./rate-window";

/** One per company (name "company"): every Aircall request from every agent reserves a slot here. */
export class RateLimiter extends DurableObject<Env> {
  private window: RateWindow;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.window = new RateWindow(limitFrom(env));
    ctx.blockConcurrencyWhile(async () => {
      const saved = await ctx.storage.get<SavedWindow>("window");
      this.window = RateWindow.from(limitFrom(env), saved);
    });
  }

  /**
   * Returns how long the caller must wait before sending (0 = now). With `reservedAt` (a slot taken
   * earlier, waited for): 0 if it still holds, else a new slot after the block a 429 put in place.
   */
  async acquire(reservedAt?: number): Promise<number> {
    const now = Date.now();
    const left = reservedAt === undefined ? null : this.window.recheck(reservedAt, now);
    if (left !== null) return left;
    const at = this.window.reserve(now);
    await this.ctx.storage.put("window", this.window.toJSON());
    return Math.max(0, at - now);
  }

  /** A slot now, or nothing (nothing reserved): for requests that are only worth sending when the budget is idle. */
  async tryAcquire(): Promise<boolean> {
    const ok = this.window.tryReserve(Date.now());
    if (ok) await this.ctx.storage.put("window", this.window.toJSON());
    return ok;
  }

  /** What Aircall said is left of the company's budget on an answer (see RateWindow.observe). */
  async observe(remaining: number): Promise<void> {
    this.window.observe(remaining, Date.now());
    await this.ctx.storage.put("window", this.window.toJSON());
  }

  async blockUntil(until: number): Promise<void> {
    this.window.blockUntil(until);
    await this.ctx.storage.put("window", this.window.toJSON());
  }
}

function limitFrom(env: Env): number {
  const n = Number(env.AIRCALL_RATE_LIMIT_PER_MIN ?? 60);
  return Number.isFinite(n) && n > 0 ? Math.floor(n) : 60;
}
