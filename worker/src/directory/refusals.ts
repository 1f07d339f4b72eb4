/**
 * Refused admin-token attempts, recorded in the audit trail without letting a flood fill it:
 * at most one entry per client per minute, and at most MAX_PER_MINUTE entries per minute overall
 * (whoever rotates addresses gets one "and more" entry instead).
 */
export const REFUSAL_WINDOW_MS = 60_000;
export const MAX_PER_MINUTE = 30;

export class RefusalThrottle {
  private readonly lastByClient = new Map<string, number>();
  private windowStart = 0;
  private inWindow = 0;
  private suppressed = 0;

  /** "record": write an entry; "summary": write one entry saying more were dropped; "skip". */
  check(client: string, now: number): { verdict: "record" | "summary" | "skip"; suppressed: number } {
    if (now - this.windowStart >= REFUSAL_WINDOW_MS) {
      const suppressed = this.suppressed;
      this.windowStart = now;
      this.inWindow = 0;
      this.suppressed = 0;
      this.prune(now);
      if (suppressed > 0) this.note(client, now);
      if (suppressed > 0) return { verdict: "summary", suppressed };
    }
    const last = this.lastByClient.get(client);
    if (last !== undefined && now - last < REFUSAL_WINDOW_MS) return { verdict: "skip", suppressed: 0 };
    if (this.inWindow >= MAX_PER_MINUTE) {
      this.suppressed++;
      return { verdict: "skip", suppressed: 0 };
    }
    this.note(client, now);
    return { verdict: "record", suppressed: 0 };
  }

  private note(client: string, now: number) {
    this.lastByClient.set(client, now);
    this.inWindow++;
  }

  private prune(now: number) {
    for (const [client, at] of this.lastByClient) if (now - at >= REFUSAL_WINDOW_MS) this.lastByClient.delete(client);
  }
}
