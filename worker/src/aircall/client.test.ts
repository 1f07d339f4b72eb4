import { describe, expect, it, vi } from "vitest";
import { AircallApi } from "./api";
import { AircallHttp } from "./client";
import { runAircallEffect, type EffectOutcome } from "../dialer/effects";

type Reply = { status: number; body?: string; headers?: Record<string, string> } | Error;

function setup(replies: Reply[]) {
  const calls: { method: string; url: string; auth: string | null; body: string | null }[] = [];
  const fetchFn = vi.fn(async (url: URL | RequestInfo, init?: RequestInit) => {
    const headers = new Headers(init?.headers);
    calls.push({ method: init?.method ?? "GET", url: String(url), auth: headers.get("authorization"), body: (init?.body as string) ?? null });
    const r = replies.shift() ?? { status: 200, body: "{}" };
    if (r instanceof Error) throw r;
    return new Response(r.body ?? null, { status: r.status, headers: r.headers });
  });
  const blocked: number[] = [];
  const limiter = {
    acquire: vi.fn(async (_reservedAt?: number) => 0),
    blockUntil: vi.fn(async (t: number) => void blocked.push(t)),
    observe: vi.fn(async (_remaining: number) => {}),
  };
  const http = new AircallHttp({ base: "https://api.aircall.io", apiId: "id", apiToken: "tok", limiter, fetch: fetchFn as typeof fetch, sleep: async () => {} });
  return { api: new AircallApi(http), calls, limiter, blocked };
}

const AGENT = { aircallUserId: 1001, numberId: 2001 };
const dial = (phone = "+14155550101") => ({ type: "dial" as const, dialId: 1, attempt: 1, phone });
const resultOf = (o: EffectOutcome) => ("event" in o && o.event?.type === "dial.result" ? o.event.result : o);

describe("start call (sent once by the dialer)", () => {
  it("sends Basic auth and the documented body, and reads 204 as sent", async () => {
    const { api, calls } = setup([{ status: 204 }]);
    expect(resultOf(await runAircallEffect(api.http, AGENT, dial()))).toEqual({ kind: "sent" });
    expect(calls[0]).toMatchObject({ method: "POST", url: "https://api.aircall.io/v1/users/1001/calls", auth: "Basic " + btoa("id:tok") });
    expect(JSON.parse(calls[0]!.body!)).toEqual({ number_id: 2001, to: "+14155550101" });
  });

  it("classifies 400, 405, 403 with Aircall's text", async () => {
    const { api } = setup([
      { status: 400, body: '{"error":"Bad Request","troubleshoot":"Invalid to"}' },
      { status: 405, body: '{"error":"Method Not Allowed","troubleshoot":"User not available"}' },
      { status: 403, body: '{"message":"Forbidden"}' },
    ]);
    expect(resultOf(await runAircallEffect(api.http, AGENT, dial()))).toEqual({ kind: "rejected", message: "400 Bad Request: Invalid to" });
    expect(resultOf(await runAircallEffect(api.http, AGENT, dial()))).toEqual({ kind: "unavailable", message: "405 Method Not Allowed: User not available" });
    expect(resultOf(await runAircallEffect(api.http, AGENT, dial()))).toEqual({ kind: "refused", message: "403 Forbidden" });
  });

  it("never retries start-call after a 5xx or a network error: uncertain", async () => {
    const { api, calls } = setup([{ status: 502 }, new TypeError("connection reset")]);
    expect(resultOf(await runAircallEffect(api.http, AGENT, dial()))).toMatchObject({ kind: "uncertain" });
    expect(resultOf(await runAircallEffect(api.http, AGENT, dial()))).toMatchObject({ kind: "uncertain" });
    expect(calls).toHaveLength(2);
  });

  it("a 429 is never 'uncertain': it blocks the company until the reset and comes back as limited", async () => {
    const reset = String(Math.floor(Date.now() / 1000) + 20);
    const { api, calls, blocked } = setup([{ status: 429, body: '{"error":"Too Many Requests"}', headers: { "x-aircallapi-reset": reset } }]);
    expect(await runAircallEffect(api.http, AGENT, dial())).toEqual({ limited: Number(reset) * 1000 });
    expect(calls).toHaveLength(1);
    expect(blocked).toEqual([Number(reset) * 1000]);
  });
});

describe("the dialer's searches and reads", () => {
  const search = { type: "lookup.dial" as const, dialId: 3, seq: 2, phone: "+14155550101", fromMs: 1_750_000_000_000 };

  it("search asks for the user's outbound calls to that number since the dial, and answers for its own lookup", async () => {
    const { api, calls } = setup([{ status: 200, body: '{"meta":{},"calls":[]}' }]);
    const out = await runAircallEffect(api.http, AGENT, search);
    const url = new URL(calls[0]!.url);
    expect(url.pathname).toBe("/v1/calls/search");
    expect(Object.fromEntries(url.searchParams)).toMatchObject({ user_id: "1001", phone_number: "+14155550101", direction: "outbound", from: "1750000000" });
    expect(out).toEqual({ event: { type: "lookup.result", dialId: 3, seq: 2, calls: [], searchedAt: expect.any(Number), now: expect.any(Number) } });
  });

  it("a failed search is an error the machine counts (4xx, 5xx, not a list), never a silent nothing", async () => {
    const { api } = setup([{ status: 400, body: '{"error":"Bad Request","troubleshoot":"Invalid phone_number"}' }, { status: 503 }, { status: 200, body: '{"nope":1}' }]);
    for (const want of [/400 Bad Request/, /503/, /not a list/]) {
      const out = await runAircallEffect(api.http, AGENT, search);
      expect("event" in out && out.event?.type === "lookup.result" && out.event.error).toMatch(want);
    }
  });

  it("one odd call in a search answer (an id that is not a number) does not fail the others", async () => {
    const { api } = setup([{ status: 200, body: '{"calls":[{"id":"x-1","direction":"outbound"},{"id":12,"direction":"outbound","raw_digits":"+1 415-555-0101","started_at":1750000001.5,"hangup_cause":"brand_new"}]}' }]);
    const out = await runAircallEffect(api.http, AGENT, search);
    expect("event" in out && out.event?.type === "lookup.result" && out.event.calls?.map((c) => [c.id, c.startedAt])).toEqual([["12", 1_750_000_001_000]]);
  });

  it("keeps call ids above 2^53 exact, and sees a call that now belongs to someone else", async () => {
    const { api } = setup([{ status: 200, body: '{"call":{"id":9007199254740993,"direction":"outbound","raw_digits":"+1 415-555-0101","user":{"id":7}}}' }]);
    const out = await runAircallEffect(api.http, AGENT, { type: "lookup.call", dialId: 1, seq: 1, callId: "9007199254740993" });
    const call = "event" in out && out.event?.type === "lookup.result" ? out.event.calls?.[0] : undefined;
    expect(call).toMatchObject({ id: "9007199254740993", transferredAway: true });
  });
});

describe("waiting for a slot", () => {
  it("asks again after waiting: a 429 that blocked the company meanwhile moves the request past the reset", async () => {
    const { api, calls, limiter } = setup([{ status: 200, body: '{"ping":"pong"}' }]);
    limiter.acquire.mockResolvedValueOnce(1_000).mockResolvedValueOnce(5_000).mockResolvedValueOnce(0);
    await api.ping();
    expect(limiter.acquire).toHaveBeenCalledTimes(3);
    expect(limiter.acquire.mock.calls[1]![0]).toEqual(expect.any(Number)); // the slot it held
    expect(calls).toHaveLength(1);
  });
});

describe("safe requests", () => {
  it("retry 5xx and network errors with backoff", async () => {
    const { api, calls } = setup([{ status: 503 }, new TypeError("reset"), { status: 200, body: '{"ping":"pong"}' }]);
    expect(await api.ping()).toBe(true);
    expect(calls).toHaveLength(3);
  });

  it("honour X-AircallApi-Remaining: 0 by holding the company's next requests", async () => {
    const { api, blocked } = setup([{ status: 200, body: '{"ping":"pong"}', headers: { "x-aircallapi-remaining": "0", "x-aircallapi-reset": "1750000030" } }]);
    await api.ping();
    expect(blocked).toHaveLength(1);
  });
});

describe("the wrap-up's writes", () => {
  const tag = { type: "aircall.tag" as const, callId: "9", dispositionId: "connected" };
  const ctx = (ids: (number | null)[]) => {
    const forgotten: string[] = [];
    return { forgotten, tagIdFor: async () => ids.shift() ?? null, forgetTag: async (id: string) => void forgotten.push(id), lastNote: () => null };
  };

  it("a tag Aircall no longer knows (404, or 400 'Unknown tag') is forgotten and the write tried again", async () => {
    for (const reply of [{ status: 404 }, { status: 400, body: '{"error":"Bad Request","troubleshoot":"Unknown tag id(s): 7"}' }]) {
      const { api } = setup([reply]);
      const c = ctx([7]);
      expect(await runAircallEffect(api.http, AGENT, tag, c)).toMatchObject({ retry: expect.any(String) });
      expect(c.forgotten).toEqual(["connected"]);
    }
  });

  it("a comment: 201 done, 5xx or no answer tried again, 429 after the reset, another 4xx given up", async () => {
    const comment = { type: "aircall.comment" as const, callId: "9", content: "hi", seq: 1 };
    const { api } = setup([{ status: 201 }, { status: 503 }, { status: 429, headers: { "x-aircallapi-reset": String(Math.floor(Date.now() / 1000) + 5) } }, { status: 400, body: '{"troubleshoot":"Maximum of 5 notes"}' }]);
    expect(await runAircallEffect(api.http, AGENT, comment)).toEqual({ event: null });
    expect(await runAircallEffect(api.http, AGENT, comment)).toMatchObject({ retry: expect.any(String) });
    expect(await runAircallEffect(api.http, AGENT, comment)).toMatchObject({ limited: expect.any(Number) });
    expect(await runAircallEffect(api.http, AGENT, comment)).toEqual({ event: null });
  });
});

describe("Aircall's budget headers", () => {
  it("passes what is left to the limiter, and blocks the company when nothing is", async () => {
    const reset = String(Math.floor(Date.now() / 1000) + 30);
    const { api, limiter, blocked } = setup([
      { status: 204, headers: { "x-aircallapi-remaining": "4", "x-aircallapi-reset": reset } },
      { status: 200, body: "{}", headers: { "x-aircallapi-remaining": "0", "x-aircallapi-reset": reset } },
      { status: 200, body: "{}" },
      { status: 200, body: "{}", headers: { "x-aircallapi-remaining": "lots" } },
    ]);
    await runAircallEffect(api.http, AGENT, dial());
    expect(limiter.observe).toHaveBeenCalledWith(4);
    await api.http.request("GET", "/v1/ping", { safe: true });
    expect(blocked).toEqual([Number(reset) * 1000]);
    await api.http.request("GET", "/v1/ping", { safe: true });
    await api.http.request("GET", "/v1/ping", { safe: true });
    expect(limiter.observe).toHaveBeenCalledTimes(1);
  });
});

