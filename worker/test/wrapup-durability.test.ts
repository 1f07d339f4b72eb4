/**
 * The wrap-up's writes (Aircall comment, tag, the "do not call" add to the company list) are in
 * durable storage when the 200 is answered, not only in memory behind a slow first write: an
 * eviction, deploy or crash at that moment loses none of them.
 */
import { runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { afterEach, beforeEach, expect, it } from "vitest";
import type { AgentDialer } from "../src/dialer/agent-dialer";
import { installFakeAircall } from "./fake-aircall";
import { ADMIN, call, callEvent, deliver, dialerStub, enrolledAgent, waitFor } from "./helpers";

let aircall: ReturnType<typeof installFakeAircall>;
let release: () => void = () => {};
beforeEach(() => {
  aircall = installFakeAircall();
  aircall.route("GET /v1/tags", () => Response.json({ meta: { next_page_link: null }, tags: [{ id: 9, name: "Do not call" }] }));
});
afterEach(() => {
  release();
  aircall.restore();
});

it("once the wrap-up is answered, its do-not-call add is in durable storage (not only in memory behind a slow comment)", async () => {
  const phone = `+1415557${String(Math.floor(Math.random() * 10_000)).padStart(4, "0")}`;
  const agent = await enrolledAgent();
  const gate = new Promise<void>((r) => (release = r));
  // Aircall is slow to answer the comment (a slow network or a busy Aircall: up to the 10 s timeout).
  aircall.routeMatching("POST", /^\/v1\/calls\/\d+\/comments$/, async () => (await gate, new Response("{}", { status: 201 })));
  aircall.routeMatching("POST", /^\/v1\/calls\/\d+\/(tags|insight_cards)$/, () => new Response("{}", { status: 201 }));
  await call("/api/dialer/start", { method: "POST", headers: agent.auth, json: { items: [{ id: "a", phone }], delaySeconds: 30 } });
  await waitFor(() => aircall.starts().length === 1, "dial");
  const t = Math.floor(Date.now() / 1000);
  const data = { id: 7701, raw_digits: phone, started_at: t, answered_at: t + 1 };
  await deliver(callEvent("call.answered", agent.aircallUserId, data));
  await deliver(callEvent("call.hungup", agent.aircallUserId, { ...data, ended_at: t + 30 }));

  const res = await call("/api/dialer/wrap-up", { method: "POST", headers: agent.auth, json: { itemId: "a", disposition: "do_not_call", note: "Asked us never to call again" } });
  expect(res.status).toBe(200);
  await waitFor(() => aircall.seen.some((s) => s.path === "/v1/calls/7701/comments"), "the comment in flight");

  const stub = dialerStub(agent.aircallUserId);
  const outbox = await runInDurableObject(stub, async (_i, ctx) => ctx.storage.sql.exec<{ key: string }>("SELECT key FROM outbox").toArray().map((r) => r.key));
  const dnc = (await (await call(`/api/admin/dnc?q=${encodeURIComponent(phone)}`, { headers: ADMIN })).json()) as { items: { phone: string }[] };
  const durable = outbox.some((k) => k === `dnc:${phone}`) || dnc.items.some((i) => i.phone === phone);
  expect(durable, `outbox holds only ${JSON.stringify(outbox)}; the list does not have ${phone}: a restart now loses the do-not-call add (and the tag)`).toBe(true);
});

it("a restart while the comment is in flight: the do-not-call add never happens", async () => {
  const phone = `+1415558${String(Math.floor(Math.random() * 10_000)).padStart(4, "0")}`;
  const agent = await enrolledAgent();
  aircall.routeMatching("POST", /^\/v1\/calls\/\d+\/comments$/, () => new Promise<Response>(() => {})); // never answers (the instance goes away meanwhile)
  aircall.routeMatching("POST", /^\/v1\/calls\/\d+\/(tags|insight_cards)$/, () => new Response("{}", { status: 201 }));
  await call("/api/dialer/start", { method: "POST", headers: agent.auth, json: { items: [{ id: "a", phone }], delaySeconds: 30 } });
  await waitFor(() => aircall.starts().length === 1, "dial");
  const t = Math.floor(Date.now() / 1000);
  const data = { id: 7702, raw_digits: phone, started_at: t, answered_at: t + 1 };
  await deliver(callEvent("call.answered", agent.aircallUserId, data));
  await deliver(callEvent("call.hungup", agent.aircallUserId, { ...data, ended_at: t + 30 }));
  expect((await call("/api/dialer/wrap-up", { method: "POST", headers: agent.auth, json: { itemId: "a", disposition: "do_not_call", note: "Never again" } })).status).toBe(200);
  await waitFor(() => aircall.seen.some((s) => s.path === "/v1/calls/7702/comments"), "the comment in flight");
  // A new instance, as after an eviction: nothing in memory, the outbox's due rows sent by the alarm
  // (the same simulation wrapup.test.ts uses for "even after a restart").
  const stub = dialerStub(agent.aircallUserId);
  await runInDurableObject(stub, async (i: AgentDialer, ctx) => {
    (i as unknown as { inFlight: Set<string> }).inFlight.clear();
    ctx.storage.sql.exec("UPDATE outbox SET slot_at = ?", Date.now());
  });
  aircall.routeMatching("POST", /^\/v1\/calls\/\d+\/comments$/, () => new Response("{}", { status: 201 }));
  await runDurableObjectAlarm(stub);
  const listed = async () => ((await (await call(`/api/admin/dnc?q=${encodeURIComponent(phone)}`, { headers: ADMIN })).json()) as { items: { phone: string }[] }).items.some((i) => i.phone === phone);
  // Only rows in storage survive a restart: what the outbox holds now is all the new instance can send.
  const rows = await runInDurableObject(stub, async (_i, ctx) => ctx.storage.sql.exec<{ key: string }>("SELECT key FROM outbox").toArray().map((r) => r.key));
  expect((await listed()) || rows.includes(`dnc:${phone}`), `after the restart the outbox holds ${JSON.stringify(rows)}: nothing will ever add ${phone} to the list`).toBe(true);
});
