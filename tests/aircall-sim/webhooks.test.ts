import { afterEach, describe, expect, it } from "vitest";
import { ALL_EVENTS } from "./event-names";
import { START, simWithReceiver, sleep, waitFor } from "./test-helpers";

let t: Awaited<ReturnType<typeof simWithReceiver>> | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

describe("webhooks CRUD", () => {
  it("POST creates with 201 and the documented fields; missing or empty events → all events", async () => {
    t = await simWithReceiver({ webhookUrl: undefined });
    const r = await t.api("POST", "/v1/webhooks", { custom_name: "dialer", url: "https://example.com/hook", events: ["call.created", "call.ended"] });
    expect(r.status).toBe(201);
    const w = r.json.webhook;
    expect(Object.keys(w).sort()).toEqual(["active", "created_at", "custom_name", "direct_link", "events", "token", "url", "webhook_id"]);
    expect(w.webhook_id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(w).toMatchObject({ custom_name: "dialer", url: "https://example.com/hook", active: true, events: ["call.created", "call.ended"] });
    expect(new Date(w.created_at).toISOString()).toBe(w.created_at);
    expect(w.token).toMatch(/^\w{16,}$/);
    for (const events of [undefined, []]) {
      const all = await t.api("POST", "/v1/webhooks", { url: "https://example.com/all", events });
      expect(all.json.webhook.events).toEqual(ALL_EVENTS);
      expect(all.json.webhook.custom_name).toBe("Webhook");
    }
  });

  it("validates url and event names", async () => {
    t = await simWithReceiver();
    expect((await t.api("POST", "/v1/webhooks", { events: ["call.created"] })).status).toBe(400);
    expect((await t.api("POST", "/v1/webhooks", { url: "ftp://x" })).status).toBe(400);
    const bad = await t.api("POST", "/v1/webhooks", { url: "https://x.example", events: ["call.unanswered"] });
    expect(bad.status).toBe(400);
    expect(bad.json.troubleshoot).toContain("call.unanswered");
  });

  it("GET list/one, PUT without events re-subscribes to all, PUT active, DELETE", async () => {
    t = await simWithReceiver();
    const { webhook } = (await t.api("POST", "/v1/webhooks", { url: "https://example.com/a", events: ["call.created"] })).json;
    const id = webhook.webhook_id as string;
    const list = await t.api("GET", "/v1/webhooks");
    expect(list.json.meta).toMatchObject({ total: 1, count: 1 });
    expect(list.json.webhooks[0].token).toBe(webhook.token);
    expect((await t.api("GET", `/v1/webhooks/${id}`)).json.webhook.webhook_id).toBe(id);
    expect((await t.api("GET", "/v1/webhooks/1")).json.webhook.webhook_id).toBe(id); // old numeric id
    const renamed = await t.api("PUT", `/v1/webhooks/${id}`, { custom_name: "renamed" });
    expect(renamed.json.webhook).toMatchObject({ custom_name: "renamed", events: ALL_EVENTS });
    const narrowed = await t.api("PUT", `/v1/webhooks/${id}`, { events: ["call.hungup"] });
    expect(narrowed.json.webhook.events).toEqual(["call.hungup"]);
    const added = await t.api("PUT", `/v1/webhooks/${id}?events_action=add`, { events: ["call.ended"] });
    expect(added.json.webhook.events).toEqual(["call.hungup", "call.ended"]);
    const off = await t.api("PUT", `/v1/webhooks/${id}`, { active: false, events: ["call.ended"] });
    expect(off.json.webhook.active).toBe(false);
    expect((await t.api("PUT", `/v1/webhooks/${id}`, { active: true, events: ["call.ended"] })).json.webhook.active).toBe(true);
    expect((await t.api("DELETE", `/v1/webhooks/${id}`)).status).toBe(200);
    expect((await t.api("GET", `/v1/webhooks/${id}`)).status).toBe(404);
  });

  it("at most 100 webhooks: the 101st is a 400", async () => {
    t = await simWithReceiver({ ratePerMinute: 1000 });
    for (let i = 0; i < 100; i++) {
      expect((await t.api("POST", "/v1/webhooks", { url: `https://example.com/${i}` })).status).toBe(201);
    }
    const r = await t.api("POST", "/v1/webhooks", { url: "https://example.com/101" });
    expect(r.status).toBe(400);
    expect(r.json.troubleshoot).toMatch(/100/);
  });
});

describe("delivery failures", () => {
  it("a failed delivery is retried with backoff until it succeeds", async () => {
    t = await simWithReceiver({ webhookRetries: 3, webhookRetryBaseMs: 40, ringMs: 2000 });
    let failures = 2;
    t.rec.respond = () => (failures-- > 0 ? 500 : 200);
    await t.api("POST", "/v1/users/1001/calls", START);
    await waitFor(() => t?.sim.calls()[0]?.events[0]?.deliveries.length === 3, 3000, "3 attempts");
    const [a, b, c] = t.rec.deliveries;
    expect([a, b, c].map((d) => d?.body.event)).toEqual(["call.created", "call.created", "call.created"]);
    expect((b?.at ?? 0) - (a?.at ?? 0)).toBeGreaterThanOrEqual(35);
    expect((c?.at ?? 0) - (b?.at ?? 0)).toBeGreaterThanOrEqual(75);
    expect(t.sim.calls()[0]?.events[0]?.deliveries.map((d) => d.status)).toEqual([500, 500, 200]);
  });

  it("a timeout counts as a failure", async () => {
    t = await simWithReceiver({ webhookTimeoutMs: 50, webhookRetries: 0 });
    const hang = await import("node:http").then((h) => h.createServer(() => undefined));
    await new Promise<void>((r) => hang.listen(0, "127.0.0.1", () => r()));
    t.sim.options.webhookUrl = `http://127.0.0.1:${(hang.address() as { port: number }).port}/`;
    await t.api("POST", "/v1/users/1001/calls", START);
    const d = await waitFor(() => t?.sim.calls()[0]?.events[0]?.deliveries[0], 2000, "timed-out delivery");
    expect(d.status).toBeNull();
    expect(d.error).toMatch(/Timeout|abort/i);
    hang.closeAllConnections();
    hang.close();
  });

  it("a registered webhook is disabled after 10 consecutive failures and can be re-enabled", async () => {
    t = await simWithReceiver({ webhookUrl: undefined, webhookRetries: 20, webhookRetryBaseMs: 1, ringMs: 5000 });
    t.rec.respond = () => 503;
    const { webhook } = (await t.api("POST", "/v1/webhooks", { url: t.rec.url })).json;
    await t.api("POST", "/v1/users/1001/calls", START);
    await waitFor(() => t?.rec.deliveries.length === 10, 3000, "10 failed deliveries");
    const after = await t.api("GET", `/v1/webhooks/${webhook.webhook_id}`);
    expect(after.json.webhook.active).toBe(false);
    await sleep(100);
    expect(t.rec.deliveries).toHaveLength(10); // nothing more is sent to a disabled webhook
    t.rec.respond = () => 200;
    await t.api("PUT", `/v1/webhooks/${webhook.webhook_id}`, { active: true });
    t.sim.setAvailability(1001, "do_not_disturb");
    await waitFor(() => t?.rec.events().includes("user.closed.v2"), 3000, "delivery after re-enable");
  });
});
