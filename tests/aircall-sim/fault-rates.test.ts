import { afterEach, describe, expect, it } from "vitest";
import { Rng } from "./rng";
import { startSimulator, type Simulator } from "./simulator";
import { FAST, START, apiClient } from "./test-helpers";

let sim: Simulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

/** Dial n times; after each placed call, hang it up so the agent is free for the next. */
async function statuses(s: Simulator, n: number): Promise<Array<{ status: number; placed: boolean }>> {
  const api = apiClient(s);
  const out: Array<{ status: number; placed: boolean }> = [];
  for (let i = 0; i < n; i++) {
    const before = s.calls().length;
    const r = await api("POST", "/v1/users/1001/calls", START);
    const placed = s.calls().length > before;
    if (placed) s.endCall(s.calls().at(-1)!.id);
    out.push({ status: r.status, placed });
  }
  return out;
}

describe("seeded random generator", () => {
  it("the same seed draws the same sequence; another seed another one", () => {
    const draw = (seed: number) => {
      const r = new Rng(seed);
      return Array.from({ length: 20 }, () => r.next());
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
    expect(draw(1).every((x) => x >= 0 && x < 1)).toBe(true);
    expect(new Rng(5).chance(0)).toBe(false);
  });
});

describe("start-call faults drawn from faultRates", () => {
  it("start5xxNotPlaced 1: every start-call is a 5xx and places nothing", async () => {
    sim = await startSimulator({ ...FAST, faultRates: { start5xxNotPlaced: 1 } });
    const got = await statuses(sim, 6);
    for (const g of got) {
      expect([500, 502, 503, 504]).toContain(g.status);
      expect(g.placed).toBe(false);
    }
  });

  it("start5xxPlaced 1: a 5xx, but the call was placed", async () => {
    sim = await startSimulator({ ...FAST, faultRates: { start5xxPlaced: 1 } });
    const [g] = await statuses(sim, 1);
    expect(g!.status).toBeGreaterThanOrEqual(500);
    expect(g!.placed).toBe(true);
  });

  it("startTimeoutPlaced 1: the answer hangs for startTimeoutMs (the call placed at once)", async () => {
    sim = await startSimulator({ ...FAST, startTimeoutMs: 400, faultRates: { startTimeoutPlaced: 1 } });
    const api = apiClient(sim);
    const t0 = Date.now();
    const pending = api("POST", "/v1/users/1001/calls", START);
    await new Promise((r) => setTimeout(r, 100));
    expect(sim.calls()).toHaveLength(1); // placed while the request still hangs
    const r = await pending;
    expect(r.status).toBe(504);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(390);
  });

  it("a queued {timeout: true, placeCall: false} hangs for startTimeoutMs and places nothing", async () => {
    sim = await startSimulator({ ...FAST, startTimeoutMs: 300 });
    sim.pushFaults({ timeout: true, placeCall: false });
    const t0 = Date.now();
    const r = await apiClient(sim)("POST", "/v1/users/1001/calls", START);
    expect(r.status).toBe(504);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(290);
    expect(sim.calls()).toHaveLength(0);
  });

  it("mixed rates: the same seed gives the same answers, and the rates show", async () => {
    const rates = { start5xxPlaced: 0.2, start5xxNotPlaced: 0.2 };
    sim = await startSimulator({ ...FAST, seed: 11, faultRates: rates });
    const a = await statuses(sim, 40);
    await sim.close();
    sim = await startSimulator({ ...FAST, seed: 11, faultRates: rates });
    const b = await statuses(sim, 40);
    expect(a).toEqual(b);
    const faults = a.filter((g) => g.status >= 500).length;
    expect(faults).toBeGreaterThan(5);
    expect(faults).toBeLessThan(30);
    expect(a.some((g) => g.status === 204 && g.placed)).toBe(true);
  });

  it("rates are validated: each 0..1, the start-call ones add up to at most 1", async () => {
    await expect(startSimulator({ faultRates: { webhookDrop: 2 } })).rejects.toThrow();
    sim = await startSimulator();
    expect(() => sim!.setTimings({ faultRates: { start5xxPlaced: 0.6, startTimeoutPlaced: 0.6 } })).toThrow(/at most 1/);
    const res = await fetch(`${sim.url}/_sim/timings`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ faultRates: { bogus: 1 } }) });
    expect(res.status).toBe(400);
  });
});
