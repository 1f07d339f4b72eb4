/** The wrap-up API and its writes to Aircall (comment, tag), scheduled numbers, in the Workers runtime. */
import { runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { AgentDialer } from "../src/dialer/agent-dialer";
import { installFakeAircall } from "./fake-aircall";
import { ADMIN, call, callEvent, deliver, dialerStub, enrolledAgent, waitFor } from "./helpers";

let aircall: ReturnType<typeof installFakeAircall>;
let tags: { id: number; name: string }[];
beforeEach(() => {
  aircall = installFakeAircall();
  tags = [{ id: 7, name: "Connected" }];
  aircall.route("GET /v1/tags", () => Response.json({ meta: { next_page_link: null }, tags }));
  aircall.route("POST /v1/tags", (r) => {
    const tag = { id: 100 + tags.length, name: (r.body as { name: string }).name };
    tags.push(tag);
    return Response.json({ tag }, { status: 201 });
  });
});
afterEach(() => aircall.restore());

type Agent = Awaited<ReturnType<typeof enrolledAgent>>;
const post = (a: Agent, path: string, json?: unknown) => call(path, { method: "POST", headers: a.auth, json });
const state = async (a: Agent) => (await (await call("/api/dialer", { headers: a.auth })).json()) as Record<string, any>;
const writes = (kind: "comments" | "tags" | "insight_cards", id: string) => aircall.seen.filter((s) => s.method === "POST" && s.path === `/v1/calls/${id}/${kind}`);
const items = [
  { id: "a", phone: "+14155550101", name: "Ada", sourceUrl: "https://crm.example/contacts/1" },
  { id: "b", phone: "+14155550102", name: "Bob" },
];

/** Starts a run and plays the first call: answered, hung up. */
async function answeredCall(requireWrapUp: boolean, callId: number) {
  const agent = await enrolledAgent();
  aircall.routeMatching("POST", /^\/v1\/calls\/\d+\/(comments|tags|insight_cards)$/, () => new Response("{}", { status: 201 }));
  await post(agent, "/api/dialer/start", { items, delaySeconds: 30, requireWrapUp });
  await waitFor(() => aircall.starts().length === 1, "dial");
  const t = Math.floor(Date.now() / 1000);
  const data = { id: callId, raw_digits: "+1 415-555-0101", started_at: t, answered_at: t + 1 };
  await deliver(callEvent("call.answered", agent.aircallUserId, data));
  await deliver(callEvent("call.hungup", agent.aircallUserId, { ...data, ended_at: t + 30 }));
  return agent;
}

describe("wrap-up", () => {
  it("records the disposition and note, writes a comment and the tag on the call, and releases a run that waits for it", async () => {
    const agent = await answeredCall(true, 501);
    await waitFor(() => writes("insight_cards", "501").length === 1, "insight card posted on the match");
    expect(writes("insight_cards", "501")[0]!.body).toMatchObject({ contents: expect.arrayContaining([expect.objectContaining({ type: "title", text: "Ada", link: "https://crm.example/contacts/1" })]) });
    let s = await state(agent);
    expect(s).toMatchObject({ status: "wrap_up", awaitingWrapUp: { itemId: "a", callId: "501" } });
    expect(s.nextDialAt).toBeUndefined();
    const res = await post(agent, "/api/dialer/wrap-up", { itemId: "a", disposition: "connected", note: "Wants a demo on Friday" });
    expect(res.status).toBe(200);
    expect(((await res.json()) as any).entry).toMatchObject({ itemId: "a", disposition: "connected", note: "Wants a demo on Friday", callId: "501" });
    await waitFor(() => aircall.starts().length === 2, "the run goes on");
    await waitFor(() => writes("comments", "501").length === 1 && writes("tags", "501").length === 1, "comment and tag written");
    expect(writes("comments", "501")[0]!.body).toEqual({ content: "Wants a demo on Friday" });
    expect(writes("tags", "501")[0]!.body).toEqual({ tags: [7] }); // found by name
    s = await state(agent);
    expect(s.status).toBe("dialing");
  });

  it("answers 404 for an unknown item, 400 for an unknown disposition or a callback without a time", async () => {
    const agent = await answeredCall(false, 502);
    expect((await post(agent, "/api/dialer/wrap-up", { itemId: "zzz", disposition: "connected" })).status).toBe(404);
    expect((await post(agent, "/api/dialer/wrap-up", { itemId: "a", disposition: "nope" })).status).toBe(400);
    expect((await post(agent, "/api/dialer/wrap-up", { itemId: "a", disposition: "callback" })).status).toBe(400);
    expect((await post(agent, "/api/dialer/wrap-up", { itemId: "a", disposition: "connected", note: "x".repeat(2001) })).status).toBe(400);
  });

  it("a write that fails for now (429, 5xx) is kept and sent again until it is done, even after a restart", async () => {
    const agent = await answeredCall(false, 503);
    let comments = 0;
    aircall.route("POST /v1/calls/503/comments", () =>
      ++comments === 1 ? new Response("{}", { status: 503 }) : new Response("{}", { status: 201 }),
    );
    await post(agent, "/api/dialer/wrap-up", { itemId: "a", disposition: "no_answer", note: "Rang out" });
    await waitFor(() => comments === 1, "first try");
    const stub = dialerStub(agent.aircallUserId);
    await waitFor(async () => (await runInDurableObject(stub, async (_i, ctx) => ctx.storage.sql.exec("SELECT key FROM outbox WHERE key LIKE 'comment:%'").toArray())).length === 1, "kept for later");
    // A new instance (nothing in memory) once the retry is due: the outbox row alone brings it back.
    await runInDurableObject(stub, async (i: AgentDialer, ctx) => {
      (i as unknown as { inFlight: Set<string> }).inFlight.clear();
      ctx.storage.sql.exec("UPDATE outbox SET slot_at = ? WHERE key LIKE 'comment:%'", Date.now());
    });
    await runDurableObjectAlarm(stub);
    await waitFor(() => comments === 2, "sent again after the restart");
    await waitFor(async () => (await runInDurableObject(stub, async (_i, ctx) => ctx.storage.sql.exec("SELECT key FROM outbox WHERE key LIKE 'comment:%'").toArray())).length === 0, "done");
  });

  it("a retry disposition schedules the number; the agent sees it, and can dial it now or drop it", async () => {
    const agent = await answeredCall(false, 504);
    await post(agent, "/api/dialer/wrap-up", { itemId: "a", disposition: "no_answer" });
    const list = (await (await call("/api/dialer/scheduled", { headers: agent.auth })).json()) as { items: any[] };
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ why: "retry", attempts: 1, due: false, item: { phone: "+14155550101" } });
    expect((await state(agent)).scheduled).toBe(1);
    const id = list.items[0].item.id as string;
    expect((await call(`/api/dialer/scheduled/${encodeURIComponent(id)}`, { method: "DELETE", headers: agent.auth })).status).toBe(204);
    expect((await call(`/api/dialer/scheduled/${encodeURIComponent(id)}`, { method: "DELETE", headers: agent.auth })).status).toBe(404);
    const history = (await (await call("/api/history", { headers: agent.auth })).json()) as { items: any[] };
    expect(history.items.find((h) => h.itemId === "a")).toMatchObject({ disposition: "no_answer", retryAt: expect.any(String) });
  });
});

describe("a scheduled number whose time came", () => {
  it("is listed as due while it waits in the run's queue, and Drop takes it out of the queue", async () => {
    const agent = await answeredCall(false, 505); // the run counts down to the next number
    await post(agent, "/api/dialer/wrap-up", { itemId: "a", disposition: "no_answer" });
    const listed = async () => ((await (await call("/api/dialer/scheduled", { headers: agent.auth })).json()) as { items: any[] }).items;
    const id = (await listed())[0].item.id as string;
    const before = (await state(agent)).remaining;
    expect((await call(`/api/dialer/scheduled/${encodeURIComponent(id)}/now`, { method: "POST", headers: agent.auth })).status).toBe(200);
    expect((await state(agent)).remaining).toBe(before + 1); // at the head of the run's queue
    expect(await listed()).toEqual([expect.objectContaining({ why: "retry", due: true, item: expect.objectContaining({ id, phone: "+14155550101" }) })]);
    // "Dial now" again: it already waits at the head of the queue; nothing changes.
    expect((await call(`/api/dialer/scheduled/${encodeURIComponent(id)}/now`, { method: "POST", headers: agent.auth })).status).toBe(200);
    expect((await state(agent)).remaining).toBe(before + 1);
    // The extension's next queue edit never lists it (it has no row for it): kept.
    expect((await call("/api/queue", { method: "PUT", headers: agent.auth, json: { items: [] } })).status).toBe(200);
    expect((await state(agent)).remaining).toBe(1);
    expect((await call(`/api/dialer/scheduled/${encodeURIComponent(id)}`, { method: "DELETE", headers: agent.auth })).status).toBe(204);
    expect(await listed()).toEqual([]);
    expect((await state(agent)).remaining).toBe(0);
  });
});

describe("the compliance guard in the run", () => {
  it("a number on the do-not-call list never produces a start-call, even added mid-run; the row says why", async () => {
    const agent = await enrolledAgent();
    const listed = "+14155550177";
    await post(agent, "/api/dialer/start", { items: [items[1]!], delaySeconds: 0 });
    await waitFor(() => aircall.starts().length === 1, "first dial");
    const add = await call("/api/admin/dnc", { method: "POST", headers: { authorization: "Bearer test-admin-token-0123456789abcdef" }, json: { phones: [listed], reason: "asked by phone" } });
    expect(add.status, await add.clone().text()).toBe(200);
    // added to the queue during the call, dialed right after it
    await call("/api/queue", { method: "PUT", headers: agent.auth, json: { items: [{ id: "dnc", phone: listed }, { id: "ok", phone: "+14155550188" }] } });
    const t = Math.floor(Date.now() / 1000);
    await deliver(callEvent("call.hungup", agent.aircallUserId, { id: 601, raw_digits: "+1 415-555-0102", started_at: t, ended_at: t + 5 }));
    await waitFor(() => aircall.starts().length === 2, "the next allowed number dialed");
    expect(aircall.starts().map((s) => (s.body as { to: string }).to)).not.toContain(listed);
    expect(aircall.starts()[1]!.body).toMatchObject({ to: "+14155550188" });
    const history = (await (await call("/api/history", { headers: agent.auth })).json()) as { items: any[] };
    expect(history.items.find((h) => h.itemId === "dnc")).toMatchObject({ outcome: "skipped", reasonCode: "do_not_call" });
  });

  it("the 'do not call' wrap-up puts the number on the company's list", async () => {
    const agent = await answeredCall(false, 602);
    await post(agent, "/api/dialer/wrap-up", { itemId: "a", disposition: "do_not_call" });
    await waitFor(async () => {
      const res = await call("/api/admin/dnc", { headers: { authorization: "Bearer test-admin-token-0123456789abcdef" } });
      const body = (await res.json()) as { items: { phone: string }[] };
      return body.items.some((i) => i.phone === "+14155550101");
    }, "listed");
  });
});

describe("calling hours in the run", () => {
  it("a number outside its calling hours is skipped with retryAt, never dialed; the next one is", async () => {
    const agent = await enrolledAgent();
    const londonHour = Number(new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", hour: "2-digit", hourCycle: "h23" }).format(new Date()));
    const window = londonHour < 12 ? { start: "13:00", end: "14:00" } : { start: "01:00", end: "02:00" };
    const put = await call("/api/admin/settings", { method: "PUT", headers: ADMIN, json: { settings: { callingHours: { ...window, days: [1, 2, 3, 4, 5, 6, 7] } } } });
    expect(put.status).toBe(200);
    // a UK number (one time zone) whose local time is outside the window
    await post(agent, "/api/dialer/start", { items: [{ id: "uk", phone: "+442079460958" }], delaySeconds: 0 });
    await waitFor(async () => (await state(agent)).status === "completed", "run over");
    expect(aircall.starts()).toHaveLength(0);
    const history = (await (await call("/api/history", { headers: agent.auth })).json()) as { items: any[] };
    const row = history.items.find((h) => h.itemId === "uk");
    expect(row).toMatchObject({ outcome: "skipped", reasonCode: "outside_calling_hours", retryAt: expect.any(String) });
    expect(Date.parse(row.retryAt)).toBeGreaterThan(Date.now());
  });
});
