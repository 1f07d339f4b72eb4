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
    it("shrinks our window by the other integrations' share, so their use costs no 429", () => {
      const w = new RateWindow(60);
      for (let i = 0; i < 10; i++) w.reserve(0); // ours: 10 in this window
      w.observe(30, 1000); // 60 - 30 spent, 10 by us: 20 by someone else
      expect(w.ourLimit(1000)).toBe(40);
      const times = Array.from({ length: 31 }, () => w.reserve(1000));
      expect(times.slice(0, 30).every((t) => t === 1000)).toBe(true); // up to 40 of ours in the window
      expect(times[30]).toBe(WINDOW_MS + SAFETY_MS); // the 41st waits for our oldest to leave it
    });

    it("follows the latest answer, and forgets a share not confirmed for a whole window", () => {
      const w = new RateWindow(60);
      w.observe(10, 0); // 50 spent by others
      expect(w.ourLimit(0)).toBe(10);
      w.observe(55, 5000); // they slowed down
      expect(w.ourLimit(5000)).toBe(55);
      expect(w.ourLimit(5000 + WINDOW_MS)).toBe(60);
    });

    it("refuses a try once our share is used", () => {
      const w = new RateWindow(10);
      w.observe(2, 0); // others spent 8
      expect(w.tryReserve(0)).toBe(true);
      expect(w.tryReserve(0)).toBe(true);
      expect(w.tryReserve(1)).toBe(false);
    });

    it("always leaves us one request per window, and ignores nonsense", () => {
      const w = new RateWindow(60);
      w.observe(0, 0);
      expect(w.ourLimit(0)).toBe(1);
      const v = new RateWindow(60);
      v.observe(Number.NaN, 0);
      v.observe(-1, 0);
      expect(v.ourLimit(0)).toBe(60);
    });

    it("survives a restart (saved with the window)", () => {
      const w = new RateWindow(60);
      w.observe(5, 0);
      const back = RateWindow.from(60, JSON.parse(JSON.stringify(w.toJSON())));
      expect(back.ourLimit(10)).toBe(5);
    });
  });
});

describe("the saved state (written on every Aircall request)", () => {
  it("keeps one window's reservations, however far the limit is above the traffic", () => {
    const w = new RateWindow(1_000_000);
    for (let t = 0; t < 10 * WINDOW_MS; t += 100) expect(w.reserve(t)).toBe(t); // 10 a second for 10 minutes: never held back
    const kept = w.toJSON().times;
    expect(kept.length).toBeLessThanOrEqual((WINDOW_MS + SAFETY_MS) / 100 + 1);
    expect(kept.length).toBeGreaterThanOrEqual(WINDOW_MS / 100);
  });

  it("holds requests back exactly as before once the old reservations are gone", () => {
    const w = new RateWindow(3);
    w.reserve(0);
    w.reserve(0);
    w.reserve(0);
    expect(w.reserve(100_000)).toBe(100_000); // the first three are a window old: dropped, not in the way
    expect(w.reserve(100_000)).toBe(100_000);
    expect(w.reserve(100_000)).toBe(100_000);
    expect(w.reserve(100_000)).toBe(100_000 + WINDOW_MS + SAFETY_MS);
  });
});
