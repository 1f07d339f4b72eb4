import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { RequestLogEntry } from "./records";
import type { WebhookDeliveryEvent } from "./webhook-sender";
import { START, simWithReceiver, waitFor } from "./test-helpers";

let t: Awaited<ReturnType<typeof simWithReceiver>>;
beforeAll(async () => {
  t = await simWithReceiver();
});
afterEach(() => {
  t.sim.reset();
  t.rec.deliveries.length = 0;
});
afterAll(() => t.close());

const control = async (method: string, path: string, body?: unknown) => {
  const res = await fetch(`${t.sim.url}/_sim${path}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, text, json: res.headers.get("content-type")?.includes("json") ? JSON.parse(text) : undefined };
};

describe("control API (/_sim, no auth)", () => {
  it("script and faults are set over HTTP and validated", async () => {
    expect((await control("POST", "/script", { "+14155550132": [{ outcome: "no_answer" }], default: { outcome: "answered" } })).status).toBe(200);
    expect((await control("POST", "/faults", [{ status: 503, placeCall: true }, { webhook: "drop", event: "call.created" }])).status).toBe(200);
    expect((await control("POST", "/script", { "+1": { outcome: "maybe" } })).status).toBe(400);
    expect((await control("POST", "/faults", { webhook: "explode" })).status).toBe(400);
    const state = (await control("GET", "/state")).json;
    expect(state.script.numbers["+14155550132"]).toEqual([{ outcome: "no_answer" }]);
    expect(state.faults.startCall).toEqual([{ status: 503, placeCall: true }]);
    expect(state.faults.webhook[0]).toMatchObject({ webhook: "drop", remainingCalls: 1 });
    expect((await t.api("POST", "/v1/users/1001/calls", START)).status).toBe(503);
    await waitFor(() => t.sim.calls()[0]?.status === "done", 3000, "scripted no_answer");
    expect(t.sim.calls()[0]?.outcome).toBe("no_answer");
  });

  it("timings change live; state reports users, calls, webhooks and counters", async () => {
    expect((await control("POST", "/timings", { ringMs: 5, talkMs: 5, endedDelayMs: 5, wrapUpMs: null })).status).toBe(200);
    expect(t.sim.options.ringMs).toBe(5);
    expect((await control("POST", "/timings", { ringMs: -1 })).status).toBe(400);
    await t.api("POST", "/v1/users/1001/calls", START);
    await waitFor(() => t.rec.events().includes("call.ended"), 2000, "fast call");
    const state = (await control("GET", "/state")).json;
    expect(state.users[0]).toMatchObject({ id: 1001, availability: "available" });
    expect(state.calls[0].events.map((e: { event: string }) => e.event)).toEqual(["call.created", "call.answered", "call.hungup", "call.ended"]);
    expect(state.counters).toMatchObject({ requests: 1, callsPlaced: 1, webhookDeliveries: 4 });
    expect(state.options.ringMs).toBe(5);
    expect((await control("GET", "/requests")).json.requests[0]).toMatchObject({ method: "POST", path: "/v1/users/1001/calls", status: 204, body: START });
    Object.assign(t.sim.options, { ringMs: 60, talkMs: 60, endedDelayMs: 100 });
  });

  it("availability changes send user.closed/opened (.v2) and connected/disconnected", async () => {
    expect((await control("POST", "/users/1001/availability", { availability: "do_not_disturb" })).status).toBe(200);
    expect((await t.api("GET", "/v1/users/1001/availability")).json.availability).toBe("do_not_disturb");
    expect((await t.api("GET", "/v2/users/1001")).json.user).toMatchObject({ available: false, availability_status: "unavailable" });
    await control("POST", "/users/1001/availability", { availability: "available" });
    await control("POST", "/users/1001/availability", { availability: "offline" });
    await control("POST", "/users/1001/availability", { availability: "available" });
    await waitFor(() => t.rec.deliveries.length === 4, 2000, "4 user events");
    expect(t.rec.events()).toEqual(["user.closed.v2", "user.opened.v2", "user.disconnected.v2", "user.connected.v2"]);
    expect(t.rec.deliveries[0]?.body).toMatchObject({ resource: "user", data: { id: 1001, available: false, availability_status: "unavailable" } });
    expect((await control("POST", "/users/77/availability", { availability: "available" })).status).toBe(400);
    expect((await control("POST", "/users/1001/availability", { availability: "napping" })).status).toBe(400);
  });

  it("reset clears calls, requests, webhooks and the rate window; ids keep increasing", async () => {
    await t.api("POST", "/v1/users/1001/calls", START);
    await t.api("POST", "/v1/webhooks", { url: "https://example.com/x" });
    const firstId = BigInt(t.sim.calls()[0]?.id ?? "0");
    expect((await control("POST", "/reset")).status).toBe(200);
    const state = (await control("GET", "/state")).json;
    expect([state.calls.length, state.webhooks.length, state.rate.inWindow, t.sim.requests().length]).toEqual([0, 0, 0, 0]);
    await t.api("POST", "/v1/users/1001/calls", START);
    expect(BigInt(t.sim.calls()[0]?.id ?? "0")).toBeGreaterThan(firstId);
  });

  it("GET /_sim/ is an HTML page listing users, calls and events, refreshed in place, with steering buttons", async () => {
    await t.api("POST", "/v1/users/1001/calls", START);
    await waitFor(() => t.rec.events().includes("call.created"), 2000, "created");
    const page = await control("GET", "/");
    expect(page.status).toBe(200);
    expect(page.text).toContain('id="live"'); // the part the page's script refreshes every second
    expect(page.text).toContain('data-post="/_sim/script"');
    expect(page.text).toContain('data-post="/_sim/users/1001/availability"');
    expect(page.text).toContain('data-post="/_sim/faults"');
    expect(page.text).toContain("Demo Agent");
    expect(page.text).toContain(t.sim.calls()[0]?.id ?? "missing");
    expect(page.text).toContain("call.created");
  });

  it("emits 'request' and 'webhook' events with high-resolution timestamps", async () => {
    const requests: RequestLogEntry[] = [];
    const hooks: WebhookDeliveryEvent[] = [];
    const onReq = (e: RequestLogEntry): void => void requests.push(e);
    const onHook = (e: WebhookDeliveryEvent): void => void hooks.push(e);
    t.sim.on("request", onReq).on("webhook", onHook);
    await t.api("POST", "/v1/users/1001/calls", START);
    await waitFor(() => hooks.length >= 1, 2000, "webhook event");
    t.sim.off("request", onReq).off("webhook", onHook);
    expect(requests[0]).toMatchObject({ method: "POST", status: 204 });
    expect(requests[0]?.receivedAtHr).toBeGreaterThan(1e12);
    expect(Number.isInteger(requests[0]?.receivedAtHr)).toBe(false);
    expect(hooks[0]).toMatchObject({ event: "call.created", ok: true, status: 200, attempt: 1, url: t.rec.url });
    expect(hooks[0]?.finishedAt).toBeGreaterThanOrEqual(hooks[0]?.sentAt ?? Infinity);
    expect(hooks[0]?.sentAt).toBeGreaterThan(requests[0]?.receivedAtHr ?? Infinity);
  });
});
