import { describe, expect, it } from "vitest";
import { MIN_BLOCK_MS, parseReset, RateWindow, SAFETY_MS, WINDOW_MS } from "./rate-window";

/** Largest number of reservations in any 60-second window. */
function maxInWindow(times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  let max = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (sorted[i]! - sorted[j]! >= WINDOW_MS) j++;
    max = Math.max(max, i - j + 1);
  }
  return max;
}

describe("RateWindow", () => {
  it("lets `limit` requests through at once, then spaces the rest into the next windows", () => {
    const w = new RateWindow(60);
    const times = Array.from({ length: 200 }, () => w.reserve(1000));
    expect(times.slice(0, 60).every((t) => t === 1000)).toBe(true);
    expect(times[60]).toBe(1000 + WINDOW_MS + SAFETY_MS);
    expect(maxInWindow(times)).toBe(60);
  });

  it("never exceeds the limit in any rolling window under random arrivals", () => {
    const w = new RateWindow(10);
    let now = 0;
    const times: number[] = [];
    for (let i = 0; i < 500; i++) {
      now += Math.floor(Math.random() * 4000);
      times.push(w.reserve(now));
    }
    expect(maxInWindow(times)).toBeLessThanOrEqual(10);
    expect(times.every((t, i) => i === 0 || t >= times[i - 1]!)).toBe(true);
  });

  it("holds everything back until a 429's reset time", () => {
    const w = new RateWindow(60);
    w.blockUntil(50_000);
    expect(w.reserve(1000)).toBe(50_000);
  });

  it("survives a restart with its saved reservations", () => {
    const w = new RateWindow(2);
    w.reserve(0);
    w.reserve(0);
    const restored = RateWindow.from(2, JSON.parse(JSON.stringify(w.toJSON())));
    expect(restored.reserve(10)).toBe(WINDOW_MS + SAFETY_MS);
  });
});

describe("parseReset", () => {
  const now = 1_750_000_000_000;
  it("reads seconds and milliseconds since the epoch", () => {
    expect(parseReset(String(now / 1000 + 30), now)).toBe(now + 30_000);
    expect(parseReset(String(now + 30_000), now)).toBe(now + 30_000);
  });
  it("falls back to a minute when missing or garbage, and caps absurd values", () => {
    expect(parseReset(null, now)).toBe(now + WINDOW_MS);
    expect(parseReset("soon", now)).toBe(now + WINDOW_MS);
    expect(parseReset(String(now / 1000 + 86_400), now)).toBe(now + 5 * WINDOW_MS);
  });

  it("a reset already past on the worker's clock (skew, same second) still holds the company back a moment", () => {
    const now = 1_750_000_000_000;
    expect(parseReset(String(Math.floor(now / 1000) - 1), now)).toBe(now + MIN_BLOCK_MS);
    expect(parseReset(String(now), now)).toBe(now + MIN_BLOCK_MS);
  });

  it("a small number is read as seconds until the reset", () => {
    const now = 1_750_000_000_000;
    expect(parseReset("20", now)).toBe(now + 20_000);
  });
});

describe("a slot reserved before a 429", () => {
  it("no longer holds once the company is blocked: the request takes a new slot after the reset", () => {
    const w = new RateWindow(3);
    const at = w.reserve(0);
    w.blockUntil(120_000);
    expect(w.recheck(at, 10)).toBeNull();
    expect(w.reserve(10)).toBeGreaterThanOrEqual(120_000);
    expect(w.recheck(200_000, 150_000)).toBe(50_000); // no block: the wait left on the slot
  });
});

describe("a slot only if free now", () => {
  it("reserves when the window has room and nothing is blocked, never queues", () => {
    const w = new RateWindow(2);
    expect(w.tryReserve(0)).toBe(true);
    expect(w.tryReserve(0)).toBe(true);
    expect(w.tryReserve(10)).toBe(false); // the minute is full: nothing reserved
    expect(w.reserve(10)).toBe(WINDOW_MS + SAFETY_MS); // the next real request is not pushed back by the refusal
    const blocked = new RateWindow(5);
    blocked.blockUntil(1000);
    expect(blocked.tryReserve(500)).toBe(false);
  });

  describe("Aircall's remaining budget (other integrations share it)", () => {
    it("spends what Aircall says is left, then waits for its reset instead of drawing a 429", () => {
      const w = new RateWindow(60);
      w.observe(3, 40_000, 1000); // another integration used 57 of this window
      const times = Array.from({ length: 5 }, () => w.reserve(1000));
      expect(times).toEqual([1000, 1000, 1000, 40_000, 40_000]);
    });

    it("counts slots already waiting to go out before the reset", () => {
      const w = new RateWindow(2);
      w.reserve(0);
      w.reserve(0);
      const third = w.reserve(1000); // waits for the rolling window: 60 250
      expect(third).toBe(WINDOW_MS + SAFETY_MS);
      w.observe(1, 70_000, 2000); // one left, and one is already waiting for it
      expect(w.reserve(2000)).toBe(70_000);
    });

    it("refuses a try while the budget is spent, and frees it at the reset", () => {
      const w = new RateWindow(60);
      w.observe(1, 10_000, 0);
      expect(w.tryReserve(0)).toBe(true);
      expect(w.tryReserve(1)).toBe(false);
      expect(w.tryReserve(10_000)).toBe(true);
    });

    it("keeps the smaller figure of two answers from the same window, and takes a newer window", () => {
      const w = new RateWindow(60);
      w.observe(2, 30_000, 0);
      w.observe(10, 30_200, 100); // an older answer arriving late: same window
      expect([w.reserve(200), w.reserve(200), w.reserve(200)]).toEqual([200, 200, 30_000]);
      w.observe(5, 90_000, 31_000); // the next window
      expect(w.reserve(31_000)).toBe(31_000);
    });

    it("ignores nonsense and a reset already past", () => {
      const w = new RateWindow(60);
      w.observe(Number.NaN, 50_000, 0);
      w.observe(-1, 50_000, 0);
      w.observe(0, 500, 1000);
      expect(w.reserve(1000)).toBe(1000);
    });

    it("survives a restart (saved with the window)", () => {
      const w = new RateWindow(60);
      w.observe(1, 20_000, 0);
      w.reserve(0);
      const back = RateWindow.from(60, JSON.parse(JSON.stringify(w.toJSON())));
      expect(back.reserve(10)).toBe(20_000);
    });
  });
});

