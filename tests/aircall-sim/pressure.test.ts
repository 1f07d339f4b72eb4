import { afterEach, describe, expect, it } from "vitest";
import { defaultOptions } from "./options";
import { Pressure } from "./pressure";
import { startSimulator, type Simulator } from "./simulator";
import { START, apiClient, sleep, waitFor } from "./test-helpers";

let sim: Simulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

const SEARCH = "/v1/calls/search?user_id=1001&phone_number=%2B14155550132&direction=outbound&order=desc";

describe("calls are listed late, as on Aircall", () => {
  it("by default a call is not listed for seconds after the 204", () => {
    expect(defaultOptions().listDelayMs).toBeGreaterThanOrEqual(5000);
  });

  it("search and list show a call only listDelayMs after it exists; GET /v1/calls/:id at once", async () => {
    sim = await startSimulator({ listDelayMs: 400, createdDelayMs: 5, ringMs: 2000 });
    const api = apiClient(sim);
    expect((await api("POST", "/v1/users/1001/calls", START)).status).toBe(204);
    const id = sim.calls()[0]!.id;
    expect((await api("GET", SEARCH)).json.calls).toEqual([]);
    expect((await api("GET", "/v1/calls")).json.calls).toEqual([]);
    expect((await api("GET", `/v1/calls/${id}`)).status).toBe(200);
    await sleep(450);
    expect((await api("GET", SEARCH)).json.calls.map((c: { id: string }) => c.id)).toEqual([id]);
    expect((await api("GET", "/v1/calls")).json.meta.total).toBe(1);
  });

  it("getCallDelayMs: GET /v1/calls/:id answers 404 until then", async () => {
    sim = await startSimulator({ listDelayMs: 0, getCallDelayMs: 300, createdDelayMs: 5, ringMs: 2000 });
    const api = apiClient(sim);
    await api("POST", "/v1/users/1001/calls", START);
    const id = sim.calls()[0]!.id;
    expect((await api("GET", `/v1/calls/${id}`)).status).toBe(404);
    await sleep(350);
    expect((await api("GET", `/v1/calls/${id}`)).status).toBe(200);
  });

  it("listJitterMs adds a seeded random delay per call (same seed, same delays)", async () => {
    const delays: number[][] = [];
    for (let run = 0; run < 2; run++) {
      const s = await startSimulator({ listDelayMs: 1000, listJitterMs: 5000, seed: 7, createdDelayMs: 1, ringMs: 1, talkMs: 1, endedDelayMs: 1 });
      const api = apiClient(s);
      const mine: number[] = [];
      for (let i = 0; i < 5; i++) {
        const before = Date.now();
        await api("POST", "/v1/users/1001/calls", START);
        const c = s.calls().at(-1)!;
        mine.push(Math.round((c.listableAt - before) / 100));
        s.endCall(c.id);
      }
      delays.push(mine);
      await s.close();
    }
    expect(delays[0]).toEqual(delays[1]);
    for (const d of delays[0]!) expect(d).toBeGreaterThanOrEqual(9); // ≥ ~1000 ms
    expect(new Set(delays[0]).size).toBeGreaterThan(1);
  });
});

describe("the company budget: another integration, and what the soak checks", () => {
  it("externalLoadPerMin spends slots of the same window: our request gets a 429 with a reset", async () => {
    sim = await startSimulator({ ratePerMinute: 5, externalLoadPerMin: 1200 }); // one every 50 ms
    const api = apiClient(sim);
    await waitFor(() => sim!.pressure().externalRequests >= 6, 3000, "the other integration's requests");
    const r = await api("GET", "/v1/ping");
    expect(r.status).toBe(429);
    expect(Number(r.headers.get("x-aircallapi-reset"))).toBeGreaterThan(Date.now() / 1000);
    const p = sim.pressure();
    expect(p.maxAllIn60s).toBe(5 + 1); // the five admitted external ones, plus ours (refused, but sent)
    expect(p.maxOursIn60s).toBe(1);
    expect(p.externalRejected).toBeGreaterThan(0);
    expect(p.ours429).toBe(1);
  });

  it("counts a request that arrives before a reset we were told about (after the grace)", async () => {
    sim = await startSimulator({ ratePerMinute: 1, resetUnit: "ms", beforeResetGraceMs: 50 });
    const api = apiClient(sim);
    expect((await api("GET", "/v1/ping")).status).toBe(200);
    expect((await api("GET", "/v1/ping")).status).toBe(429); // told: wait until the reset
    expect(sim.pressure().requestsBeforeReset).toBe(0);
    await sleep(80);
    expect((await api("GET", "/v1/calls")).status).toBe(429);
    const p = sim.pressure();
    expect(p.requestsBeforeReset).toBe(1);
    expect(p.violations[0]).toMatchObject({ method: "GET", path: "/v1/calls", told429Path: "/v1/ping" });
    expect(p.maxOursIn60s).toBe(3);
  });

  it("Pressure: rolling max over 60 s, requests within the grace or after the reset are fine", () => {
    const p = new Pressure(() => 100);
    const t0 = 1_000_000;
    for (let i = 0; i < 5; i++) p.ourRequest("GET", "/v1/ping", t0 + i * 1000);
    p.our429("/v1/ping", t0 + 30_000, t0 + 4000);
    p.ourRequest("GET", "/v1/ping", t0 + 4050); // already on its way
    p.ourRequest("GET", "/v1/ping", t0 + 30_000); // at the reset
    p.ourRequest("GET", "/v1/ping", t0 + 70_000); // the first ones left the window
    p.externalRequest(true, t0 + 70_001);
    const s = p.snapshot();
    expect(s.requestsBeforeReset).toBe(0);
    expect(s.maxOursIn60s).toBe(7);
    expect(s.maxAllIn60s).toBe(7);
    p.ourRequest("GET", "/v1/calls", t0 + 20_000 + 200); // out of order for the window, but before the reset
    expect(p.snapshot().requestsBeforeReset).toBe(1);
  });
});
