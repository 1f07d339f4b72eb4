/**
 * Per-address throttling of enrolment and refresh attempts, held by the Directory: after
 * MAX_FAILURES refused attempts within a minute an address gets 429 until that minute is over.
 * Only failures count, so an agent signing in normally is never held back.
 */
export const THROTTLE_WINDOW_MS = 60_000;
export const MAX_FAILURES = 10;
const MAX_TRACKED = 10_000;

type Window = { start: number; failures: number };

export class AuthThrottle {
  private readonly windows = new Map<string, Window>();

  constructor(private readonly maxFailures = MAX_FAILURES) {}

  /** Milliseconds until `client` may try again, or 0 when it may try now. */
  blockedFor(client: string, now: number): number {
    const w = this.windows.get(client);
    if (!w || now - w.start >= THROTTLE_WINDOW_MS || w.failures < this.maxFailures) return 0;
    return w.start + THROTTLE_WINDOW_MS - now;
  }

  /** A refused attempt from `client`. */
  fail(client: string, now: number) {
    const w = this.windows.get(client);
    if (w && now - w.start < THROTTLE_WINDOW_MS) {
      w.failures++;
      return;
    }
    if (this.windows.size >= MAX_TRACKED) this.prune(now);
    this.windows.set(client, { start: now, failures: 1 });
  }

  private prune(now: number) {
    for (const [client, w] of this.windows) if (now - w.start >= THROTTLE_WINDOW_MS) this.windows.delete(client);
    if (this.windows.size >= MAX_TRACKED) this.windows.clear();
  }
}
