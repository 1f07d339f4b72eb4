/**
 * What the soak checks about the company budget, measured where Aircall would see it:
 * - the most requests in any rolling 60 s: ours alone (every request that reached the API, 429s
 *   included: our limiter sent them) and ours + the other integration's (externalLoadPerMin);
 * - requests that arrived before a reset we had already been told about: after a 429 answered
 *   with X-AircallApi-Reset R, a request arriving later than beforeResetGraceMs after that 429
 *   (so it was not already on its way) and before R breaks "wait for the reset".
 */
import { WINDOW_MS } from "./rate-window";

export interface BeforeResetViolation {
  method: string;
  path: string;
  /** Epoch ms the request arrived. */
  at: number;
  /** Epoch ms of the reset announced by the 429, and when that 429 was answered. */
  resetAtMs: number;
  told429At: number;
  told429Path: string;
}

export interface PressureSnapshot {
  maxOursIn60s: number;
  maxOursIn60sAt: number | null;
  maxAllIn60s: number;
  externalRequests: number;
  externalRejected: number;
  ours429: number;
  requestsBeforeReset: number;
  violations: BeforeResetViolation[];
}

class Rolling {
  private stamps: number[] = [];
  max = 0;
  maxAt: number | null = null;

  add(t: number): void {
    this.stamps.push(t);
    let drop = 0;
    while (drop < this.stamps.length && (this.stamps[drop] ?? 0) <= t - WINDOW_MS) drop++;
    if (drop > 0) this.stamps.splice(0, drop);
    if (this.stamps.length > this.max) {
      this.max = this.stamps.length;
      this.maxAt = t;
    }
  }
}

export class Pressure {
  private ours = new Rolling();
  private all = new Rolling();
  private told: { resetAtMs: number; at: number; path: string } | undefined;
  private violations: BeforeResetViolation[] = [];
  externalRequests = 0;
  externalRejected = 0;
  ours429 = 0;

  constructor(private readonly graceMs: () => number) {}

  /** One of our requests arrived at `at` (before it is answered). */
  ourRequest(method: string, path: string, at: number): void {
    this.ours.add(at);
    this.all.add(at);
    const told = this.told;
    if (told && at < told.resetAtMs && at > told.at + this.graceMs()) {
      this.violations.push({ method, path, at, resetAtMs: told.resetAtMs, told429At: told.at, told429Path: told.path });
    }
  }

  /** We answered one of our requests with a 429 announcing `resetAtMs`. */
  our429(path: string, resetAtMs: number, at: number): void {
    this.ours429 += 1;
    if (!this.told || resetAtMs >= this.told.resetAtMs || at > this.told.resetAtMs) this.told = { resetAtMs, at, path };
  }

  /** The other integration sent one request (admitted or not). */
  externalRequest(admitted: boolean, at: number): void {
    this.externalRequests += 1;
    if (admitted) this.all.add(at);
    else this.externalRejected += 1;
  }

  snapshot(): PressureSnapshot {
    return {
      maxOursIn60s: this.ours.max,
      maxOursIn60sAt: this.ours.maxAt,
      maxAllIn60s: this.all.max,
      externalRequests: this.externalRequests,
      externalRejected: this.externalRejected,
      ours429: this.ours429,
      requestsBeforeReset: this.violations.length,
      violations: structuredClone(this.violations.slice(0, 200)),
    };
  }
}
