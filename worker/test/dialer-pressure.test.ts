/**
 * The dialer's Durable Object under a shared, tight Aircall budget and lost events (Workers runtime,
 * fake Aircall). Each of these failed on the first version.
 */
import { env, runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { AgentDialer } from "../src/dialer/agent-dialer";
import { installFakeAircall } from "./fake-aircall";
import { call, callEvent, deliver, dialerStub, enrolledAgent, userEvent, waitFor } from "./helpers";

let aircall: ReturnType<typeof installFakeAircall>;
beforeEach(() => (aircall = installFakeAircall()));
afterEach(() => aircall.restore());

const items = [
  { id: "a", phone: "+14155550101" },
  { id: "b", phone: "+14155550102" },
  { id: "c", phone: "+14155550103" },
];
type Agent = Awaited<ReturnType<typeof enrolledAgent>>;
const state = async (a: Agent) => (await (await call("/api/dialer", { headers: a.auth })).json()) as Record<string, any>;
const post = (a: Agent, path: string, json?: unknown) => call(path, { method: "POST", headers: a.auth, json });
const limiter = () => env.RATE_LIMITER.get(env.RATE_LIMITER.idFromName("company"));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Searches seen (of one agent: other tests' objects may still be running against the same fake). */
const searches = (a?: Agent) => aircall.seen.filter((s) => s.path === "/v1/calls/search" && (!a || s.query.get("user_id") === String(a.aircallUserId))).length;
type Inner = { state: Record<string, any> };
const peek = (a: Agent) => runInDurableObject(dialerStub(a.aircallUserId), async (i: AgentDialer) => (i as unknown as Inner).state);

/** Makes the watchdog due now, as if `elapsedMs` had passed since the dial went out (white-box). */
async function fireWatchdog(a: Agent, elapsedMs = 0) {
  const stub = dialerStub(a.aircallUserId);
  await runInDurableObject(stub, async (i: AgentDialer) => {
    const inner = i as unknown as Inner;
    const cur = inner.state.current;
    const back = (t?: number) => (t === undefined ? undefined : t - elapsedMs);
    const current = cur && elapsedMs ? { ...cur, sentAt: back(cur.sentAt), firstSentAt: back(cur.firstSentAt), listFrom: back(cur.listFrom) } : cur;
    inner.state = { ...inner.state, current, watchdogAt: Date.now() };
  });
  await runDurableObjectAlarm(stub);
}

/** Runs the object's alarm until `pred` holds (the outbox's waits end at their slot). */
async function alarmsUntil(a: Agent, pred: () => boolean | Promise<boolean>, what: string, timeoutMs = 8000) {
  const stub = dialerStub(a.aircallUserId);
  await waitFor(async () => {
    if (await pred()) return true;
    await runDurableObjectAlarm(stub);
    await sleep(50);
    return pred();
  }, what, timeoutMs);
}

describe("a start-call that waits for a rate-limit slot", () => {
  it("is not failed by the watchdog while it waits, and its call.created is followed", async () => {
    const agent = await enrolledAgent();
    aircall.route("GET /v1/calls/search", () => Response.json({ meta: { count: 0 }, calls: [] })); // not created yet
    await limiter().blockUntil(Date.now() + 2500); // as after a 429, or a saturated company window
    await post(agent, "/api/dialer/start", { items, delaySeconds: 5 });
    await waitFor(async () => (await peek(agent)).current?.queued === true, "dial queued");
    for (let i = 0; i < 4; i++) await fireWatchdog(agent, 0); // four watchdog rounds while the dial waits
    expect(searches()).toBe(0);
    expect(aircall.starts()).toHaveLength(0);
    await alarmsUntil(agent, () => aircall.starts().length === 1, "start-call sent at its slot");
    const t = Math.floor(Date.now() / 1000);
    await deliver(callEvent("call.created", agent.aircallUserId, { id: 4242, raw_digits: "+1 415-555-0101", started_at: t }));
    const s = await state(agent);
    expect(s.status, `${s.status}: ${s.pausedReason}`).toBe("ringing");
    expect(s.current?.callId).toBe("4242");
    expect(searches()).toBe(0);
  }, 20_000);

  it("waits in durable storage, not in memory: a new instance of the object still sends it", async () => {
    const agent = await enrolledAgent();
    await limiter().blockUntil(Date.now() + 1500);
    await post(agent, "/api/dialer/start", { items: [items[0]], delaySeconds: 0 });
    await waitFor(async () => (await peek(agent)).current?.queued === true, "dial queued");
    const waiting = await runInDurableObject(dialerStub(agent.aircallUserId), async (_i, ctx) =>
      ctx.storage.sql.exec<{ key: string }>("SELECT key FROM outbox").toArray().map((r) => r.key),
    );
    expect(waiting).toEqual(["dial:1:1"]);
    expect(await runInDurableObject(dialerStub(agent.aircallUserId), async (_i, ctx) => ctx.storage.getAlarm())).toBeGreaterThan(Date.now());
    const { abortAllDurableObjects } = await import("cloudflare:test");
    await abortAllDurableObjects(); // the instance that took the slot is gone
    await alarmsUntil(agent, () => aircall.starts().length === 1, "sent by the alarm");
  });

  it("after Stop, Start with other numbers never sends the stopped number's queued start-call", async () => {
    const agent = await enrolledAgent();
    await limiter().blockUntil(Date.now() + 1500);
    await post(agent, "/api/dialer/start", { items: [items[0]], delaySeconds: 0 });
    await waitFor(async () => (await peek(agent)).current?.queued === true, "dial queued");
    expect(((await (await post(agent, "/api/dialer/stop")).json()) as any).status).toBe("stopped");
    expect((await post(agent, "/api/dialer/start", { items: [items[1], items[2]], delaySeconds: 0 })).status).toBe(200);
    await alarmsUntil(agent, () => aircall.starts().length >= 1, "the new run's first dial");
    await sleep(300);
    await runDurableObjectAlarm(dialerStub(agent.aircallUserId));
    expect(aircall.starts().map((s) => (s.body as { to: string }).to)).toEqual(["+14155550102"]);
  });
});

describe("a 429 on start-call", () => {
  it("placed nothing: sent again after X-AircallApi-Reset, every time, never 'uncertain', and nothing goes out before the reset", async () => {
    const agent = await enrolledAgent();
    const log: { at: number; resetAt?: number }[] = [];
    const limited = () => {
      const resetAt = Date.now() + 600;
      log.push({ at: Date.now(), resetAt });
      return new Response(JSON.stringify({ error: "Too Many Requests" }), { status: 429, headers: { "x-aircallapi-reset": String(resetAt) } });
    };
    const placed = () => (log.push({ at: Date.now() }), new Response(null, { status: 204 }));
    aircall.replyToStart(limited, limited, limited, limited, limited, limited, limited, placed);
    await post(agent, "/api/dialer/start", { items, delaySeconds: 0 });
    await alarmsUntil(agent, () => aircall.starts().length === 8, "eight start-calls (seven 429s)", 15_000);
    const s = await state(agent);
    expect(s.status).toBe("dialing");
    expect(s.current.itemId).toBe("a");
    expect((await peek(agent)).failures).toBe(0); // a 429 never counts toward "keeps failing"
    for (let i = 1; i < log.length; i++) expect(log[i]!.at).toBeGreaterThanOrEqual(log[i - 1]!.resetAt!);
    // once placed, the 204 is an ordinary dial: call.created is followed
    const t = Math.floor(Date.now() / 1000);
    await deliver(callEvent("call.created", agent.aircallUserId, { id: 4343, raw_digits: "+1 415-555-0101", started_at: t }));
    expect((await state(agent)).status).toBe("ringing");
  }, 20_000);
});

describe("searches and reads are durable too", () => {
  it("a search lost with its instance (restart mid-request) is sent again from the outbox", async () => {
    const agent = await enrolledAgent();
    let release: () => void = () => {};
    const held = new Promise<void>((r) => (release = r));
    let first = true;
    // the first search hangs (its instance goes away before the answer); later ones answer at once
    aircall.route("GET /v1/calls/search", async () => {
      if (!first) return Response.json({ meta: { count: 0 }, calls: [] });
      first = false;
      await held;
      return new Response("", { status: 504 });
    });
    await post(agent, "/api/dialer/start", { items, delaySeconds: 0 });
    await waitFor(() => aircall.starts().length === 1, "dial");
    await fireWatchdog(agent, 60_000);
    await waitFor(() => searches() === 1, "search sent (and hanging)");
    const stub = dialerStub(agent.aircallUserId);
    const rows = await runInDurableObject(stub, async (_i, ctx) => ctx.storage.sql.exec<{ key: string; held: number }>("SELECT key, held FROM outbox").toArray());
    expect(rows).toEqual([{ key: "lookup:1", held: 0 }]); // kept, leased, until answered
    // A new instance knows nothing of the request in flight; the lease has run out.
    await runInDurableObject(stub, async (i: AgentDialer, ctx) => {
      (i as unknown as { inFlight: Set<string> }).inFlight.clear();
      ctx.storage.sql.exec("UPDATE outbox SET slot_at = ?", Date.now());
    });
    await runDurableObjectAlarm(stub);
    await waitFor(() => searches() === 2, "search sent again");
    await waitFor(async () => (await peek(agent)).current?.lookup === undefined, "its answer applied");
    expect((await peek(agent)).current?.emptyLookups).toBe(1);
    release(); // the lost request's late answer changes nothing
    await sleep(100);
    expect((await peek(agent)).current).toMatchObject({ emptyLookups: 1, lookupErrors: 0 });
  });

  it("after a 429 the request does not keep a slot: it takes a new one at the reset", async () => {
    const agent = await enrolledAgent();
    const resetAt = Date.now() + 2000;
    aircall.route("GET /v1/calls/search", () => new Response('{"error":"Too Many Requests"}', { status: 429, headers: { "x-aircallapi-reset": String(resetAt) } }));
    await post(agent, "/api/dialer/start", { items, delaySeconds: 0 });
    await waitFor(() => aircall.starts().length === 1, "dial");
    await fireWatchdog(agent, 60_000);
    await waitFor(() => searches() === 1, "search answered 429");
    const stub = dialerStub(agent.aircallUserId);
    await waitFor(async () => {
      const rows = await runInDurableObject(stub, async (_i, ctx) => ctx.storage.sql.exec<{ key: string; held: number; slot_at: number }>("SELECT key, held, slot_at FROM outbox").toArray());
      return rows.length === 1 && rows[0]!.key === "lookup:1" && rows[0]!.held === 0 && rows[0]!.slot_at >= resetAt;
    }, "kept for after the reset, holding no slot");
    await sleep(resetAt - Date.now() + 50); // the company's block ends for the next tests
  });
});

describe("a search that keeps failing", () => {
  it("ends in a paused run with the reason, not an endless 'dialing'", async () => {
    const agent = await enrolledAgent();
    aircall.route("GET /v1/calls/search", () => Response.json({ error: "Bad Request", troubleshoot: "Invalid phone_number" }, { status: 400 }));
    await post(agent, "/api/dialer/start", { items, delaySeconds: 0 }); // 204, but no call.created ever comes
    await waitFor(() => aircall.starts().length === 1, "dial");
    for (let i = 1; i <= 8 && (await state(agent)).status === "dialing"; i++) {
      await fireWatchdog(agent, 60_000);
      await waitFor(() => searches(agent) === i, `search ${i}`);
      await sleep(50);
    }
    const s = await state(agent);
    expect(s.status).toBe("paused");
    expect(s.pausedReason).toMatch(/could not confirm.*400/i);
    expect(searches(agent)).toBe(3);
    expect(aircall.starts()).toHaveLength(1); // and it never dialed the number again
  });
});

describe("the agent leaves the flow", () => {
  it("call.transferred (routed by transferred_by) moves the run on with reasonCode transferred", async () => {
    const agent = await enrolledAgent();
    await post(agent, "/api/dialer/start", { items: items.slice(0, 2), delaySeconds: 0 });
    await waitFor(() => aircall.starts().length === 1, "dial");
    const t = Math.floor(Date.now() / 1000);
    await deliver(callEvent("call.answered", agent.aircallUserId, { id: 77, raw_digits: "+1 415-555-0101", started_at: t, answered_at: t + 1 }));
    expect((await state(agent)).status).toBe("in_call");
    const transfer = callEvent("call.transferred", 999_001, { id: 77, raw_digits: "+1 415-555-0101", started_at: t, answered_at: t + 1, transferred_by: { id: agent.aircallUserId }, transferred_to: { id: 999_001 } });
    expect((await deliver(transfer)).status).toBe(200);
    await waitFor(() => aircall.starts().length === 2, "next number dialed");
    const history = (await (await call("/api/history", { headers: agent.auth })).json()) as { items: Record<string, unknown>[] };
    expect(history.items.find((h) => h.itemId === "a")).toMatchObject({ outcome: "answered", reasonCode: "transferred", callId: "77" });
  });

  it("user.disconnected pauses with a clear reason; user.connected.v2 while available resumes", async () => {
    const agent = await enrolledAgent();
    await post(agent, "/api/dialer/start", { items: items.slice(0, 2), delaySeconds: 30 });
    await waitFor(() => aircall.starts().length === 1, "dial");
    await deliver(callEvent("call.hungup", agent.aircallUserId, { id: 78, raw_digits: "+1 415-555-0101", ended_at: Math.floor(Date.now() / 1000) }));
    await deliver(userEvent("user.disconnected.v2", agent.aircallUserId, "available"));
    let s = await state(agent);
    expect(s.status).toBe("paused");
    expect(s.pausedReason).toMatch(/Workspace is closed/);
    await deliver(userEvent("user.connected.v2", agent.aircallUserId, "available"));
    s = await state(agent);
    expect(s.status).toBe("dialing");
    await waitFor(() => aircall.starts().length === 2, "dials again");
  });
});

describe("final rows", () => {
  it("a call whose call.ended never came gets its final data read from Aircall", async () => {
    const agent = await enrolledAgent();
    const t = Math.floor(Date.now() / 1000);
    aircall.route("GET /v1/calls/79", () =>
      Response.json({ call: { id: 79, direction: "outbound", status: "done", raw_digits: "+1 415-555-0101", started_at: t, answered_at: t + 2, ended_at: t + 12, duration: 12, recording: "https://rec.example/79.mp3", user: { id: agent.aircallUserId }, hangup_cause: "a_brand_new_cause" } }),
    );
    await post(agent, "/api/dialer/start", { items: [items[0]], delaySeconds: 0 });
    await waitFor(() => aircall.starts().length === 1, "dial");
    await deliver(callEvent("call.hungup", agent.aircallUserId, { id: 79, raw_digits: "+1 415-555-0101", started_at: t, answered_at: t + 2, ended_at: t + 12, hangup_cause: "a_brand_new_cause" }));
    expect((await state(agent)).status).toBe("completed");
    await runInDurableObject(dialerStub(agent.aircallUserId), async (i: AgentDialer) => {
      const inner = i as unknown as Inner;
      inner.state = { ...inner.state, unfinal: inner.state.unfinal.map((u: Record<string, unknown>) => ({ ...u, dueAt: Date.now() })) };
    });
    await runDurableObjectAlarm(dialerStub(agent.aircallUserId));
    await waitFor(async () => {
      const h = (await (await call("/api/history", { headers: agent.auth })).json()) as { items: Record<string, unknown>[] };
      return h.items[0]?.final === true ? h.items[0] : null;
    }, "final row");
    const h = (await (await call("/api/history", { headers: agent.auth })).json()) as { items: Record<string, unknown>[] };
    expect(h.items[0]).toMatchObject({ durationSeconds: 12, talkSeconds: 10, recordingUrl: "https://rec.example/79.mp3", final: true });
  });
});
