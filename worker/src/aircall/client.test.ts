import { describe, expect, it, vi } from "vitest";
import { AircallApi } from "./api";
import { AircallHttp } from "./client";

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
  const limiter = { acquire: vi.fn(async () => 0), blockUntil: vi.fn(async (t: number) => void blocked.push(t)) };
  const http = new AircallHttp({ base: "https://api.aircall.io", apiId: "id", apiToken: "tok", limiter, fetch: fetchFn as typeof fetch, sleep: async () => {} });
  return { api: new AircallApi(http), calls, limiter, blocked };
}

describe("start call", () => {
  it("sends Basic auth and the documented body, and reads 204 as sent", async () => {
    const { api, calls } = setup([{ status: 204 }]);
    expect(await api.startCall(1001, 2001, "+14155550101")).toEqual({ kind: "sent" });
    expect(calls[0]).toMatchObject({ method: "POST", url: "https://api.aircall.io/v1/users/1001/calls", auth: "Basic " + btoa("id:tok") });
    expect(JSON.parse(calls[0]!.body!)).toEqual({ number_id: 2001, to: "+14155550101" });
  });

  it("classifies 400, 405, 403 with Aircall's text", async () => {
    const { api } = setup([
      { status: 400, body: '{"error":"Bad Request","troubleshoot":"Invalid to"}' },
      { status: 405, body: '{"error":"Method Not Allowed","troubleshoot":"User not available"}' },
      { status: 403, body: '{"message":"Forbidden"}' },
    ]);
    expect(await api.startCall(1, 2, "+1")).toEqual({ kind: "rejected", message: "400 Bad Request: Invalid to" });
    expect(await api.startCall(1, 2, "+1")).toEqual({ kind: "unavailable", message: "405 Method Not Allowed: User not available" });
    expect(await api.startCall(1, 2, "+1")).toEqual({ kind: "refused", message: "403 Forbidden" });
  });

  it("does not send a start-call the run no longer wants after waiting for a slot", async () => {
    const { api, calls, limiter } = setup([{ status: 204 }]);
    limiter.acquire.mockResolvedValueOnce(30_000); // the company's minute is used up
    expect(await api.startCall(1, 2, "+14155550101", () => false)).toEqual({ kind: "cancelled" });
    expect(calls).toHaveLength(0);
  });

  it("never retries start-call after a 5xx or a network error", async () => {
    const { api, calls } = setup([{ status: 502 }, new TypeError("connection reset")]);
    expect((await api.startCall(1, 2, "+14155550101")).kind).toBe("uncertain");
    expect((await api.startCall(1, 2, "+14155550101")).kind).toBe("uncertain");
    expect(calls).toHaveLength(2);
  });

  it("after a 429 waits for the reset and sends again (a 429 placed nothing)", async () => {
    const reset = String(Math.floor(Date.now() / 1000) + 20);
    const { api, calls, blocked } = setup([{ status: 429, body: '{"error":"Too Many Requests"}', headers: { "x-aircallapi-reset": reset } }, { status: 204 }]);
    expect(await api.startCall(1, 2, "+14155550101")).toEqual({ kind: "sent" });
    expect(calls).toHaveLength(2);
    expect(blocked[0]).toBe(Number(reset) * 1000);
  });
});

describe("safe requests", () => {
  it("retry 5xx and network errors with backoff", async () => {
    const { api, calls } = setup([{ status: 503 }, new TypeError("reset"), { status: 200, body: '{"ping":"pong"}' }]);
    expect(await api.ping()).toBe(true);
    expect(calls).toHaveLength(3);
  });

  it("keep call ids above 2^53 exact", async () => {
    const { api } = setup([{ status: 200, body: '{"call":{"id":9007199254740993,"direction":"outbound","raw_digits":"+1 415-555-0101"}}' }]);
    expect((await api.getCall("9007199254740993"))?.id).toBe("9007199254740993");
  });

  it("honour X-AircallApi-Remaining: 0 by holding the company's next requests", async () => {
    const { api, blocked } = setup([{ status: 200, body: '{"ping":"pong"}', headers: { "x-aircallapi-remaining": "0", "x-aircallapi-reset": "1750000030" } }]);
    await api.ping();
    expect(blocked).toHaveLength(1);
  });

  it("search asks for the user's outbound calls to that number since the dial", async () => {
    const { api, calls } = setup([{ status: 200, body: '{"meta":{},"calls":[]}' }]);
    await api.findOutboundCalls(1001, "+14155550101", 1_750_000_000_000);
    const url = new URL(calls[0]!.url);
    expect(url.pathname).toBe("/v1/calls/search");
    expect(Object.fromEntries(url.searchParams)).toMatchObject({ user_id: "1001", phone_number: "+14155550101", direction: "outbound", from: "1750000000" });
  });
});
