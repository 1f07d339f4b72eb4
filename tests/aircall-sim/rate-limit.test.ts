import { afterEach, describe, expect, it } from "vitest";
import { RateWindow, WINDOW_MS, rateHeaders } from "./rate-window";
import { startSimulator, type Simulator } from "./simulator";
import { START, apiClient } from "./test-helpers";

describe("RateWindow (fake clock)", () => {
  it("admits `limit` requests per rolling 60 s and reports when the oldest leaves", () => {
    let now = 1_000_000;
    const w = new RateWindow(() => 3, () => now);
    expect([w.take(), w.take(), w.take()].map((v) => v.remaining)).toEqual([2, 1, 0]);
    now += 10_000;
    const denied = w.take();
    expect(denied).toMatchObject({ allowed: false, remaining: 0, resetAtMs: 1_000_000 + WINDOW_MS });
    now = 1_000_000 + WINDOW_MS - 1;
    expect(w.take().allowed).toBe(false);
    now = 1_000_000 + WINDOW_MS;
    expect(w.take().allowed).toBe(true);
    expect(rateHeaders({ allowed: true, limit: 3, remaining: 1, resetAtMs: 1_700_000_000_500 }, "seconds")["X-AircallApi-Reset"]).toBe("1700000001");
    expect(rateHeaders({ allowed: true, limit: 3, remaining: 1, resetAtMs: 1_700_000_000_500 }, "ms")["X-AircallApi-Reset"]).toBe("1700000000500");
  });

  it("never lets more than the limit through in any 60-second span (randomised greedy client)", () => {
    let now = 0;
    const limit = 7;
    const w = new RateWindow(() => limit, () => now);
    const admitted: number[] = [];
    let seed = 42;
    const rand = (): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let i = 0; i < 20_000; i++) {
      now += Math.floor(rand() * 400);
      if (w.take().allowed) admitted.push(now);
    }
    let lo = 0;
    for (let hi = 0; hi < admitted.length; hi++) {
      while ((admitted[lo] ?? 0) <= (admitted[hi] ?? 0) - WINDOW_MS) lo++;
      expect(hi - lo + 1).toBeLessThanOrEqual(limit);
    }
    // and it is not overly strict: a greedy client gets close to the limit per minute
    expect(admitted.length).toBeGreaterThan((now / WINDOW_MS) * limit * 0.9);
  });
});

describe("429 over HTTP", () => {
  let sim: Simulator | undefined;
  afterEach(async () => {
    await sim?.close();
    sim = undefined;
  });

  it("answers 429 with the headers and places nothing; 429s and 401s are not counted", async () => {
    sim = await startSimulator({ ratePerMinute: 4 });
    const api = apiClient(sim);
    const before = Date.now();
    await apiClient(sim, null)("GET", "/v1/ping"); // 401: rejected at the gateway, not counted
    const remaining: string[] = [];
    for (let i = 0; i < 4; i++) remaining.push((await api("GET", "/v1/ping")).headers.get("x-aircallapi-remaining") ?? "");
    expect(remaining).toEqual(["3", "2", "1", "0"]);
    const r = await api("POST", "/v1/users/1001/calls", START);
    expect(r.status).toBe(429);
    expect(r.json).toMatchObject({ error: "Too Many Requests" });
    expect(typeof r.json.troubleshoot).toBe("string");
    expect(r.headers.get("x-aircallapi-limit")).toBe("4");
    expect(r.headers.get("x-aircallapi-remaining")).toBe("0");
    const reset = Number(r.headers.get("x-aircallapi-reset"));
    expect(reset).toBeGreaterThanOrEqual(Math.floor((before + WINDOW_MS) / 1000));
    expect(reset).toBeLessThanOrEqual(Math.ceil((Date.now() + WINDOW_MS) / 1000));
    expect(sim.calls()).toHaveLength(0);
    expect((await api("GET", "/v1/ping")).status).toBe(429);
    expect(sim.state().counters).toMatchObject({ rateLimited: 2 });
    expect(sim.state().rate.inWindow).toBe(4);
  });

  it("resetUnit ms reports X-AircallApi-Reset in epoch milliseconds; the limit can change live", async () => {
    sim = await startSimulator({ ratePerMinute: 1, resetUnit: "ms" });
    const api = apiClient(sim);
    const first = await api("GET", "/v1/ping");
    const reset = Number(first.headers.get("x-aircallapi-reset"));
    expect(reset).toBeGreaterThan(1e12);
    expect(Math.abs(reset - (Date.now() + WINDOW_MS))).toBeLessThan(2000);
    expect((await api("GET", "/v1/ping")).status).toBe(429);
    sim.options.ratePerMinute = 2;
    expect((await api("GET", "/v1/ping")).status).toBe(200);
  });
});
