import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { call, callEvent, deliver, enrolledAgent, waitFor } from "./helpers";
import { installFakeAircall, type Seen } from "./fake-aircall";

/**
 * /api/dialer/campaign against a fake Aircall that keeps each user's dialer campaign the way
 * aircall-api facts §6 describe it: 404 without a campaign, create with phone_numbers (204), a batch
 * holding a number already there refused whole with 422 "already imported", one DELETE per number.
 */
type Num = { id: number; number: string; called: boolean; created_at: string };
let aircall: ReturnType<typeof installFakeAircall>;
let campaigns: Map<string, Num[]>;
let nextId = 1;
let refuse: string | null = null;

function installCampaigns() {
  campaigns = new Map();
  const user = (s: Seen) => s.path.split("/")[3]!;
  const phonesOf = (s: Seen) => (s.body as { phone_numbers: string[] }).phone_numbers;
  const add = (list: Num[], phones: string[]) => {
    for (const p of phones) list.push({ id: nextId++, number: p, called: false, created_at: new Date().toISOString() });
  };
  aircall.routeMatching("GET", /^\/v1\/users\/\d+\/dialer_campaign\/phone_numbers$/, (s) => {
    const list = campaigns.get(user(s));
    return list ? Response.json({ numbers: list }) : Response.json({ error: "Not Found", troubleshoot: "No campaign" }, { status: 404 });
  });
  aircall.routeMatching("POST", /^\/v1\/users\/\d+\/dialer_campaign$/, (s) => {
    if (campaigns.has(user(s))) return Response.json({ error: "Unprocessable Entity", troubleshoot: "Campaign already exists" }, { status: 422 });
    const list: Num[] = [];
    add(list, phonesOf(s));
    campaigns.set(user(s), list);
    return new Response(null, { status: 204 });
  });
  aircall.routeMatching("POST", /^\/v1\/users\/\d+\/dialer_campaign\/phone_numbers$/, (s) => {
    const list = campaigns.get(user(s));
    if (!list) return Response.json({ error: "Not Found", troubleshoot: "No campaign" }, { status: 404 });
    const phones = phonesOf(s);
    if (refuse && phones.includes(refuse)) return Response.json({ error: "Unprocessable Entity", troubleshoot: "Phone number is invalid" }, { status: 422 });
    if (phones.some((p) => list.some((n) => n.number === p))) {
      return Response.json({ error: "Unprocessable Entity", troubleshoot: "Phone number already imported" }, { status: 422 });
    }
    add(list, phones);
    return new Response(null, { status: 204 });
  });
  aircall.routeMatching("DELETE", /^\/v1\/users\/\d+\/dialer_campaign$/, (s) =>
    campaigns.delete(user(s)) ? new Response(null, { status: 204 }) : Response.json({ error: "Not Found" }, { status: 404 }),
  );
  aircall.routeMatching("DELETE", /^\/v1\/users\/\d+\/dialer_campaign\/phone_numbers\/\d+$/, (s) => {
    const list = campaigns.get(user(s)) ?? [];
    const id = Number(s.path.split("/").pop());
    const at = list.findIndex((n) => n.id === id);
    if (at < 0) return Response.json({ error: "Not Found" }, { status: 404 });
    list.splice(at, 1);
    return new Response(null, { status: 204 });
  });
}

beforeEach(() => {
  aircall = installFakeAircall();
  refuse = null;
  installCampaigns();
});
afterEach(() => aircall.restore());

const phones = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `+1415555${String(from + i).padStart(4, "0")}`);
const items = (list: string[]) => list.map((phone) => ({ phone }));

describe("Aircall Power Dialer campaign", () => {
  it("GET is 404 not_found while the agent has no campaign", async () => {
    const agent = await enrolledAgent();
    const res = await call("/api/dialer/campaign", { headers: agent.auth });
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("not_found");
  });

  it("creates the campaign when missing and adds 250 numbers in batches of 100", async () => {
    const agent = await enrolledAgent();
    const res = await call("/api/dialer/campaign", { method: "POST", headers: agent.auth, json: { items: items(phones(250)) } });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ added: 250, alreadyThere: 0, failed: [] });
    const writes = aircall.seen.filter((s) => s.method === "POST" && s.path.includes("dialer_campaign"));
    expect(writes.map((s) => [s.path.replace(/users\/\d+/, "users/U"), (s.body as { phone_numbers: string[] }).phone_numbers.length])).toEqual([
      ["/v1/users/U/dialer_campaign", 100],
      ["/v1/users/U/dialer_campaign/phone_numbers", 100],
      ["/v1/users/U/dialer_campaign/phone_numbers", 50],
    ]);
    expect(writes.every((s) => s.path.startsWith(`/v1/users/${agent.aircallUserId}/`))).toBe(true);
    const list = await call("/api/dialer/campaign", { headers: agent.auth });
    const body = (await list.json()) as { numbers: { phone: string; called: boolean; aircallId: string }[] };
    expect(body.numbers).toHaveLength(250);
    expect(body.numbers[0]).toEqual({ phone: "+14155550000", called: false, aircallId: expect.any(String) });
  });

  it("counts numbers already in the campaign, even those Aircall refuses with 422 'already imported'", async () => {
    const agent = await enrolledAgent();
    await call("/api/dialer/campaign", { method: "POST", headers: agent.auth, json: { items: items(phones(3)) } });
    // Listed already: not sent again.
    const again = await call("/api/dialer/campaign", { method: "POST", headers: agent.auth, json: { items: items(phones(5)) } });
    expect(await again.json()).toEqual({ added: 2, alreadyThere: 3, failed: [] });
    // Added behind our back between the list and the add: the 422 batch goes one by one.
    aircall.route(`GET /v1/users/${agent.aircallUserId}/dialer_campaign/phone_numbers`, () => Response.json({ numbers: [] }));
    const raced = await call("/api/dialer/campaign", { method: "POST", headers: agent.auth, json: { items: items(phones(7)) } });
    expect(await raced.json()).toEqual({ added: 2, alreadyThere: 5, failed: [] });
    expect(campaigns.get(String(agent.aircallUserId))).toHaveLength(7);
  });

  it("reports each number Aircall refuses with its reason, and adds the rest", async () => {
    const agent = await enrolledAgent();
    await call("/api/dialer/campaign", { method: "POST", headers: agent.auth, json: { items: items(phones(1)) } });
    refuse = "+14155550002";
    const res = await call("/api/dialer/campaign", { method: "POST", headers: agent.auth, json: { items: items(phones(4)) } });
    expect(await res.json()).toEqual({
      added: 2,
      alreadyThere: 1,
      failed: [{ phone: "+14155550002", message: "Aircall answered 422: Unprocessable Entity: Phone number is invalid" }],
    });
  });

  it("DELETE removes every number one request at a time, then GET shows an empty campaign", async () => {
    const agent = await enrolledAgent();
    await call("/api/dialer/campaign", { method: "POST", headers: agent.auth, json: { items: items(phones(5)) } });
    const res = await call("/api/dialer/campaign", { method: "DELETE", headers: agent.auth });
    expect(res.status).toBe(204);
    expect(aircall.seen.filter((s) => s.method === "DELETE")).toHaveLength(5);
    const list = await call("/api/dialer/campaign", { headers: agent.auth });
    expect(await list.json()).toEqual({ numbers: [] });
    // Nothing to clear is still a 204.
    const none = await enrolledAgent();
    expect((await call("/api/dialer/campaign", { method: "DELETE", headers: none.auth })).status).toBe(204);
  });

  it("a big campaign (over 50 numbers) is cleared with one DELETE of the campaign, not one per number", async () => {
    const agent = await enrolledAgent();
    await call("/api/dialer/campaign", { method: "POST", headers: agent.auth, json: { items: items(phones(51)) } });
    expect((await call("/api/dialer/campaign", { method: "DELETE", headers: agent.auth })).status).toBe(204);
    expect(aircall.seen.filter((s) => s.method === "DELETE").map((s) => s.path)).toEqual([`/v1/users/${agent.aircallUserId}/dialer_campaign`]);
    expect((await call("/api/dialer/campaign", { headers: agent.auth })).status).toBe(404);
  });

  it("while our run goes, numbers of its queue are refused with 409 (never both dialers on one number)", async () => {
    const agent = await enrolledAgent();
    const run = phones(3, 900);
    const start = await call("/api/dialer/start", { method: "POST", headers: agent.auth, json: { items: run.map((phone, i) => ({ id: `r${i}`, phone })), delaySeconds: 0 } });
    expect(start.status).toBe(200);
    const clash = await call("/api/dialer/campaign", { method: "POST", headers: agent.auth, json: { items: items([run[2]!, "+14155550999"]) } });
    expect(clash.status).toBe(409);
    expect(((await clash.json()) as { error: { code: string; message: string } }).error).toMatchObject({ code: "conflict", message: expect.stringContaining("stop the run") });
    const current = await call("/api/dialer/campaign", { method: "POST", headers: agent.auth, json: { items: items([run[0]!]) } });
    expect(current.status).toBe(409); // the number being dialled now
    expect(aircall.seen.filter((s) => s.path.includes("dialer_campaign"))).toHaveLength(0);
    const other = await call("/api/dialer/campaign", { method: "POST", headers: agent.auth, json: { items: items(["+14155550999"]) } });
    expect(await other.json()).toEqual({ added: 1, alreadyThere: 0, failed: [] });
    await call("/api/dialer/stop", { method: "POST", headers: agent.auth });
    const after = await call("/api/dialer/campaign", { method: "POST", headers: agent.auth, json: { items: items([run[2]!]) } });
    expect(after.status).toBe(200);
  });

  it("refuses bad bodies with 400 and strangers with 401", async () => {
    const agent = await enrolledAgent();
    for (const json of [{}, { items: [] }, { items: [{ phone: "0612345678" }] }, { items: "x" }]) {
      const res = await call("/api/dialer/campaign", { method: "POST", headers: agent.auth, json });
      expect(res.status).toBe(400);
    }
    expect((await call("/api/dialer/campaign")).status).toBe(401);
    expect(aircall.seen.filter((s) => s.path.includes("dialer_campaign"))).toHaveLength(0);
  });

  it("an Aircall outage is a 502, never a 500", async () => {
    const agent = await enrolledAgent();
    aircall.route(`GET /v1/users/${agent.aircallUserId}/dialer_campaign/phone_numbers`, () => new Response("upstream down", { status: 503 }));
    const res = await call("/api/dialer/campaign", { headers: agent.auth });
    expect(res.status).toBe(502);
  });

  it("a call the agent makes from the campaign in Aircall Workspace is recorded in the history (no dial of ours)", async () => {
    const agent = await enrolledAgent();
    const post = await call("/api/dialer/campaign", { method: "POST", headers: agent.auth, json: { items: [{ phone: "+14155550142", name: "Grace" }] } });
    expect(post.status).toBe(200);
    const t = Math.floor(Date.now() / 1000);
    const data = { id: 7001, raw_digits: "+1 415-555-0142", started_at: t, answered_at: t + 2 };
    await deliver(callEvent("call.created", agent.aircallUserId, { id: 7001, raw_digits: "+1 415-555-0142", started_at: t }));
    await deliver(callEvent("call.answered", agent.aircallUserId, data));
    await deliver(callEvent("call.hungup", agent.aircallUserId, { ...data, ended_at: t + 40 }));
    await deliver(callEvent("call.ended", agent.aircallUserId, { ...data, ended_at: t + 40, duration: 40 }));
    const history = await waitFor(async () => {
      const h = (await (await call("/api/history", { headers: agent.auth })).json()) as { items: Record<string, unknown>[] };
      return h.items.length ? h.items : null;
    }, "a history row");
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ phone: "+14155550142", name: "Grace", callId: "7001", outcome: "answered", talkSeconds: 38, durationSeconds: 40, final: true });
    expect(aircall.starts()).toHaveLength(0);
    // a call to a number that is not in the campaign is not ours to record
    await deliver(callEvent("call.hungup", agent.aircallUserId, { id: 7002, raw_digits: "+1 415-555-0999", started_at: t, ended_at: t + 5 }));
    expect(((await (await call("/api/history", { headers: agent.auth })).json()) as { items: unknown[] }).items).toHaveLength(1);
  });
});
