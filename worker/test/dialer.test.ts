import { runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import type { AgentDialer } from "../src/dialer/agent-dialer";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { installFakeAircall } from "./fake-aircall";
import { call, callEvent, deliver, dialerStub, enrolledAgent, userEvent, waitFor } from "./helpers";

let aircall: ReturnType<typeof installFakeAircall>;
beforeEach(() => {
  aircall = installFakeAircall();
});
afterEach(() => aircall.restore());

const items = [
  { id: "a", phone: "+14155550101", name: "Ada" },
  { id: "b", phone: "+14155550102", name: "Bob" },
  { id: "c", phone: "+442079460958", name: "Cleo" },
];
const BIG_ID = "9007199254740993"; // above 2^53

type Agent = Awaited<ReturnType<typeof enrolledAgent>>;
const state = async (agent: Agent) => (await (await call("/api/dialer", { headers: agent.auth })).json()) as Record<string, any>;
const post = (agent: Agent, path: string, json?: unknown) => call(path, { method: "POST", headers: agent.auth, json });
const rawEvent = (event: string, uid: number, id: string, extra: string) =>
  call("/webhooks/aircall", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: `{"resource":"call","event":"${event}","timestamp":${Math.floor(Date.now() / 1000)},"token":"test-webhook-token","data":{"id":${id},"direction":"outbound","user":{"id":${uid}},"number":{"id":2001},${extra}}}`,
  });

/** Brings a machine time (recheck, watchdog) forward to now instead of waiting for it (white-box). */
/** Brings a timer forward to now; `elapsedMs`: also moves the current dial's send time back that far. */
function makeDue(stub: ReturnType<typeof dialerStub>, field: "recheckAt" | "watchdogAt", elapsedMs = 0) {
  return runInDurableObject(stub, async (instance: AgentDialer) => {
    const inner = instance as unknown as { state: Record<string, unknown> & { current?: Record<string, number | undefined> } };
    expect(inner.state[field]).toBeGreaterThan(Date.now());
    const cur = inner.state.current;
    const back = (t?: number) => (t === undefined ? undefined : t - elapsedMs);
    const current = cur && elapsedMs ? { ...cur, sentAt: back(cur.sentAt), firstSentAt: back(cur.firstSentAt), listFrom: back(cur.listFrom) } : cur;
    inner.state = { ...inner.state, current, [field]: Date.now() };
  });
}

async function openSocket(agent: Agent) {
  const { ticket } = (await (await post(agent, "/api/auth/ws-ticket")).json()) as { ticket: string };
  const res = await call(`/api/ws?ticket=${ticket}`, { headers: { upgrade: "websocket" } });
  const ws = res.webSocket!;
  const messages: any[] = [];
  ws.addEventListener("message", (e) => messages.push(JSON.parse(e.data as string)));
  ws.accept();
  return { ws, messages };
}

describe("a run end to end against a fake Aircall", () => {
  it("dials in order, follows each call by id, pushes state and call.ended, keeps history", async () => {
    const agent = await enrolledAgent();
    const { messages } = await openSocket(agent);
    const start = await post(agent, "/api/dialer/start", { items, delaySeconds: 0 });
    expect(start.status).toBe(200);
    await waitFor(() => aircall.starts().length === 1, "first start-call");
    expect(aircall.starts()[0]).toMatchObject({ path: `/v1/users/${agent.aircallUserId}/calls`, body: { number_id: 2001, to: "+14155550101" } });

    const t = Math.floor(Date.now() / 1000);
    await rawEvent("call.created", agent.aircallUserId, BIG_ID, `"raw_digits":"+1 415-555-0101","started_at":${t}`);
    expect((await state(agent)).status).toBe("ringing");
    expect((await state(agent)).current.callId).toBe(BIG_ID);
    await rawEvent("call.answered", agent.aircallUserId, BIG_ID, `"raw_digits":"+1 415-555-0101","started_at":${t},"answered_at":${t + 2}`);
    expect((await state(agent)).status).toBe("in_call");
    await rawEvent("call.hungup", agent.aircallUserId, BIG_ID, `"raw_digits":"+1 415-555-0101","started_at":${t},"answered_at":${t + 2},"ended_at":${t + 10}`);
    await waitFor(() => aircall.starts().length === 2, "second start-call right after the hang-up");
    expect(aircall.starts()[1]!.body).toMatchObject({ to: "+14155550102" });

    // b: never answered, ended first; c: Aircall refuses the number
    aircall.replyToStart(400);
    await deliver(callEvent("call.ended", agent.aircallUserId, { id: 12, raw_digits: "+1 415-555-0102", started_at: t + 11, ended_at: t + 30, duration: 19 }));
    await waitFor(async () => (await state(agent)).status === "completed", "completed");
    expect(aircall.starts().map((s) => (s.body as { to: string }).to)).toEqual(["+14155550101", "+14155550102", "+442079460958"]);

    // the late call.ended of the first call completes its row
    await rawEvent("call.ended", agent.aircallUserId, BIG_ID, `"raw_digits":"+1 415-555-0101","started_at":${t},"answered_at":${t + 2},"ended_at":${t + 10},"duration":10,"recording":"https://rec.example/1.mp3"`);
    const history = (await (await call("/api/history", { headers: agent.auth })).json()) as { items: any[]; nextCursor: string | null };
    expect(history.items.map((h) => [h.itemId, h.outcome])).toEqual([["c", "failed"], ["b", "no_answer"], ["a", "answered"]]);
    expect(history.items[2]).toMatchObject({ callId: BIG_ID, durationSeconds: 10, talkSeconds: 8, recordingUrl: "https://rec.example/1.mp3" });
    expect(history.items[1]).toMatchObject({ callId: "12", durationSeconds: 19, talkSeconds: null, answeredAt: null });

    const ended = messages.filter((m) => m.type === "call.ended");
    expect(ended.map((m) => [m.itemId, m.outcome])).toEqual([["a", "answered"], ["b", "no_answer"], ["c", "failed"]]);
    expect(messages[0]).toMatchObject({ type: "state", state: { status: "idle" } });
    expect(messages.some((m) => m.type === "state" && m.state.status === "in_call")).toBe(true);

    const stats = (await (await call("/api/stats", { headers: agent.auth })).json()) as Record<string, number>;
    expect(stats).toMatchObject({ calls: 3, answered: 1, noAnswer: 1, failed: 1, talkSeconds: 8 });
  });

  it("waits out the delay with an alarm, then dials the next item", async () => {
    const agent = await enrolledAgent();
    await post(agent, "/api/dialer/start", { items: items.slice(0, 2), delaySeconds: 1 });
    await waitFor(() => aircall.starts().length === 1, "first dial");
    await deliver(callEvent("call.hungup", agent.aircallUserId, { id: 21, raw_digits: "+1 415-555-0101", ended_at: Math.floor(Date.now() / 1000) }));
    const s = await state(agent);
    expect(s.status).toBe("wrap_up");
    expect(Date.parse(s.nextDialAt)).toBeGreaterThan(Date.now());
    await new Promise((r) => setTimeout(r, 1100));
    await runDurableObjectAlarm(dialerStub(agent.aircallUserId));
    await waitFor(() => aircall.starts().length === 2, "dial after the countdown");
  });

  it("pauses on 405 with a reason and resumes on user.wut_end.v2", async () => {
    const agent = await enrolledAgent();
    aircall.replyToStart(405);
    await post(agent, "/api/dialer/start", { items, delaySeconds: 0 });
    await waitFor(async () => (await state(agent)).status === "paused", "paused");
    const s = await state(agent);
    expect(s.pausedReason).toMatch(/not available/);
    expect(s.remaining).toBe(3);
    await deliver(userEvent("user.wut_end.v2", agent.aircallUserId, "available"));
    await waitFor(() => aircall.starts().length === 2, "redial after availability");
    expect(aircall.starts()[1]!.body).toMatchObject({ to: "+14155550101" });
  });

  it("paused by a 405 with no user event, asks Aircall for the availability when the watchdog fires", async () => {
    const agent = await enrolledAgent();
    let availability = "in_call";
    aircall.route(`GET /v1/users/${agent.aircallUserId}/availability`, () => Response.json({ availability }));
    aircall.replyToStart(405);
    await post(agent, "/api/dialer/start", { items, delaySeconds: 0 });
    await waitFor(async () => (await state(agent)).status === "paused", "paused");
    const stub = dialerStub(agent.aircallUserId);
    const due = () => makeDue(stub, "recheckAt"); // instead of waiting CALL_WATCHDOG_SECONDS
    await due();
    await runDurableObjectAlarm(stub);
    await waitFor(() => aircall.seen.some((s) => s.path.endsWith("/availability")), "availability asked");
    expect((await state(agent)).status).toBe("paused"); // still in a call
    availability = "available";
    await due();
    await runDurableObjectAlarm(stub);
    await waitFor(() => aircall.starts().length === 2, "redial once available");
  });

  it("after a 5xx looks the call up instead of dialing again", async () => {
    const agent = await enrolledAgent();
    aircall.route("GET /v1/calls/search", () =>
      new Response(`{"meta":{"count":1},"calls":[{"id":${BIG_ID},"direction":"outbound","raw_digits":"+1 415-555-0101","started_at":${Math.floor(Date.now() / 1000)},"user":{"id":${agent.aircallUserId}}}]}`, { status: 200 }),
    );
    aircall.replyToStart(502);
    await post(agent, "/api/dialer/start", { items, delaySeconds: 0 });
    await waitFor(async () => (await state(agent)).status === "dialing", "dialing");
    await waitFor(() => aircall.starts().length === 1, "start-call answered 502");
    // the search waits for Aircall to list the call: bring it forward
    const stub = dialerStub(agent.aircallUserId);
    await waitFor(async () => (await runInDurableObject(stub, async (i: AgentDialer) => (i as unknown as { state: { watchdogAt: number } }).state.watchdogAt)) < Date.now() + 40_000, "search scheduled");
    await makeDue(stub, "watchdogAt", 40_000); // as if Aircall had had the time to list the call
    await runDurableObjectAlarm(stub);
    await waitFor(async () => (await state(agent)).current?.callId === BIG_ID, "call adopted from search");
    expect(aircall.starts()).toHaveLength(1);
    const search = aircall.seen.find((s) => s.path === "/v1/calls/search")!;
    expect(search.query.get("user_id")).toBe(String(agent.aircallUserId));
    expect(search.query.get("phone_number")).toBe("+14155550101");
  });

  it("pause, skip, resume and stop from the API", async () => {
    const agent = await enrolledAgent();
    await post(agent, "/api/dialer/start", { items, delaySeconds: 30 });
    await waitFor(() => aircall.starts().length === 1, "dial");
    expect((await post(agent, "/api/dialer/skip")).status).toBe(409); // a call is in progress
    await deliver(callEvent("call.hungup", agent.aircallUserId, { id: 31, raw_digits: "+1 415-555-0101", ended_at: Math.floor(Date.now() / 1000) }));
    expect(((await (await post(agent, "/api/dialer/pause")).json()) as any).status).toBe("paused");
    expect(((await (await post(agent, "/api/dialer/skip")).json()) as any).remaining).toBe(1);
    const resumed = (await (await post(agent, "/api/dialer/resume")).json()) as any;
    expect(resumed.status).toBe("dialing");
    expect(resumed.current.itemId).toBe("c");
    expect(((await (await post(agent, "/api/dialer/stop")).json()) as any).status).toBe("stopped");
    expect((await post(agent, "/api/dialer/resume")).status).toBe(409);
  });

  it("queue edits during a run replace the pending items", async () => {
    const agent = await enrolledAgent();
    await post(agent, "/api/dialer/start", { items, delaySeconds: 30 });
    const put = await call("/api/queue", { method: "PUT", headers: agent.auth, json: { items: [items[2], { id: "d", phone: "+14155550104" }] } });
    expect(put.status).toBe(200);
    const qres = await call("/api/queue", { headers: agent.auth });
    const q = (await qres.json()) as { items: { id: string }[] };
    expect(qres.status, JSON.stringify(q)).toBe(200);
    expect(q.items.map((i) => i.id)).toEqual(["c", "d"]);
    expect((await state(agent)).remaining).toBe(2);
  });

  it("a queue edit from a stale view does not bring back a number already dialled", async () => {
    const agent = await enrolledAgent();
    await post(agent, "/api/dialer/start", { items, delaySeconds: 30 });
    await waitFor(() => aircall.starts().length === 1, "dial a");
    await deliver(callEvent("call.hungup", agent.aircallUserId, { id: 41, raw_digits: "+1 415-555-0101", started_at: Math.floor(Date.now() / 1000), ended_at: Math.floor(Date.now() / 1000) + 3 }));
    expect((await state(agent)).status).toBe("wrap_up");
    // the extension had not heard of a's end yet: it sends a, c, b
    const put = await call("/api/queue", { method: "PUT", headers: agent.auth, json: { items: [items[0], items[2], items[1]] } });
    expect(((await put.json()) as { items: { id: string }[] }).items.map((i) => i.id)).toEqual(["c", "b"]);
  });

  it("rejects bad input with 400 and zod's message, and a second start with 409", async () => {
    const agent = await enrolledAgent();
    const bad = await post(agent, "/api/dialer/start", { items: [{ id: "x", phone: "415 555 0101" }] });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: "validation_failed", message: expect.stringContaining("E.164") } });
    expect((await post(agent, "/api/dialer/start", { items: [] })).status).toBe(400);
    expect((await post(agent, "/api/dialer/start", { items: [items[0], items[0]] })).status).toBe(400);
    expect((await post(agent, "/api/dialer/start", { items, delaySeconds: -1 })).status).toBe(400);
    expect((await call("/api/history?limit=0", { headers: agent.auth })).status).toBe(400);
    expect((await post(agent, "/api/dialer/start", { items })).status).toBe(200);
    expect((await post(agent, "/api/dialer/start", { items })).status).toBe(409);
  });

  it("survives its Durable Object being evicted: state and queue reload from SQLite", async () => {
    const agent = await enrolledAgent();
    await post(agent, "/api/dialer/start", { items, delaySeconds: 30 });
    await waitFor(() => aircall.starts().length === 1, "dial");
    const { abortAllDurableObjects } = await import("cloudflare:test");
    await abortAllDurableObjects();
    const s = await state(agent);
    expect(s).toMatchObject({ status: "dialing", remaining: 2, current: { itemId: "a" } });
  });
});

describe("history paging", () => {
  it("pages newest first with a cursor", async () => {
    const agent = await enrolledAgent();
    const many = Array.from({ length: 5 }, (_, i) => ({ id: `p${i}`, phone: `+1415555020${i}` }));
    aircall.replyToStart(400, 400, 204, 400, 400); // p2 is a real call; the others are refused
    await post(agent, "/api/dialer/start", { items: many, delaySeconds: 0 });
    await waitFor(() => aircall.starts().length === 3, "p2 dialed");
    await deliver(callEvent("call.hungup", agent.aircallUserId, { id: 77, raw_digits: "+1 415-555-0202", started_at: Math.floor(Date.now() / 1000), ended_at: Math.floor(Date.now() / 1000) + 5 }));
    await waitFor(async () => (await state(agent)).status === "completed", "completed");
    const page1 = (await (await call("/api/history?limit=2", { headers: agent.auth })).json()) as any;
    expect(page1.items.map((i: any) => i.itemId)).toEqual(["p4", "p3"]);
    const page2 = (await (await call(`/api/history?limit=2&cursor=${page1.nextCursor}`, { headers: agent.auth })).json()) as any;
    expect(page2.items.map((i: any) => i.itemId)).toEqual(["p2", "p1"]);
  });
});
