import { env } from "cloudflare:test";
import { SUBSCRIBED_EVENTS, WebhookHealthResponse, type WebhookHealth } from "@dialer/shared";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CHECK_INTERVAL_MS, WEBHOOK_HEALTH_SETTING } from "../src/aircall/webhook-health";
import { WEBHOOK_SETTING, webhookTokens } from "../src/aircall/webhook-token";
import { installFakeAircall } from "./fake-aircall";
import { installCompany } from "./fake-aircall-company";
import { ADMIN, call } from "./helpers";

let aircall: ReturnType<typeof installFakeAircall>;
let company: ReturnType<typeof installCompany>;
const dir = () => env.DIRECTORY.get(env.DIRECTORY.idFromName("directory"));
const URL_ = "https://dialer.test/webhooks/aircall";

beforeEach(async () => {
  aircall = installFakeAircall();
  company = installCompany(aircall);
  expect((await call("/api/admin/connect", { method: "POST", headers: ADMIN, json: {} })).status).toBe(200);
  aircall.seen.length = 0;
});
afterEach(() => aircall.restore());

const health = async (): Promise<WebhookHealth> => {
  const res = await call("/api/admin/webhook-health", { headers: ADMIN });
  expect(res.status).toBe(200);
  return WebhookHealthResponse.parse(await res.json()).health;
};
const audit = async () => ((await (await call("/api/admin/audit?limit=50", { headers: ADMIN })).json()) as { entries: { action: string; actor: string; detail: Record<string, unknown> }[] }).entries;
const requests = () => aircall.seen.map((s) => `${s.method} ${s.path}`);
/** As if the last check was longer ago than the check interval. */
async function checkedLongAgo() {
  const h = await dir().webhookHealth();
  await dir().putSetting(WEBHOOK_HEALTH_SETTING, { ...h, lastCheckAt: new Date(Date.now() - CHECK_INTERVAL_MS - 1000).toISOString() });
}

describe("webhook health", () => {
  it("connect starts it healthy", async () => {
    expect(await health()).toMatchObject({ state: "ok", webhookId: "wh-1", url: URL_, active: true, lastCheckReason: "connect", missingWebhookCalls: 0 });
  });

  it("calls found without their webhooks: a webhook Aircall disabled is re-activated with url and events, audited and shown", async () => {
    const hook = company.webhooks[0]!;
    hook.active = false;
    hook.events = ["call.created"];
    await checkedLongAgo();
    await dir().reportMissingWebhooks(2);
    expect(requests()).toEqual(["GET /v1/webhooks/wh-1", "PUT /v1/webhooks/wh-1"]);
    expect(aircall.seen[1]!.body).toEqual({ url: URL_, active: true, events: SUBSCRIBED_EVENTS });
    expect(hook).toMatchObject({ active: true, events: SUBSCRIBED_EVENTS });
    const h = await health();
    expect(h).toMatchObject({ state: "reactivated", webhookId: "wh-1", active: true, missingWebhookCalls: 2, lastError: null });
    expect(h.reactivations).toBeGreaterThanOrEqual(1);
    expect(Date.now() - Date.parse(h.lastReactivatedAt!)).toBeLessThan(10_000);
    expect(h.lastCheckReason).toMatch(/2 calls found without their webhooks/);
    const entry = (await audit()).find((e) => e.action === "aircall.webhook.reactivated");
    expect(entry).toMatchObject({ actor: "worker", detail: { webhookId: "wh-1", problem: "inactive", missingWebhookCalls: 2 } });
    expect(JSON.stringify(entry)).not.toContain(hook.token);
  });

  it("checks at most once per interval; more reports are only counted", async () => {
    await checkedLongAgo();
    await dir().reportMissingWebhooks(1);
    expect(requests()).toEqual(["GET /v1/webhooks/wh-1"]); // active and ours: nothing to change
    company.webhooks[0]!.active = false;
    await dir().reportMissingWebhooks(3);
    await dir().reportMissingWebhooks(1);
    expect(requests()).toEqual(["GET /v1/webhooks/wh-1"]);
    expect(await health()).toMatchObject({ state: "ok", missingWebhookCalls: 5 });
    await checkedLongAgo();
    await dir().reportMissingWebhooks(1);
    expect(requests()).toEqual(["GET /v1/webhooks/wh-1", "GET /v1/webhooks/wh-1", "PUT /v1/webhooks/wh-1"]);
    expect(company.webhooks[0]!.active).toBe(true);
  });

  it("a webhook pointing elsewhere is put back on our URL", async () => {
    company.webhooks[0]!.url = "https://somewhere.else/hook";
    await checkedLongAgo();
    await dir().reportMissingWebhooks(1);
    expect(company.webhooks[0]!.url).toBe(URL_);
    expect((await audit()).find((e) => e.action === "aircall.webhook.reactivated")?.detail).toMatchObject({ problem: "pointing elsewhere" });
  });

  it("a webhook deleted in Aircall is registered again and its new token accepted; an admin can ask for the check", async () => {
    company.webhooks.splice(0, 1);
    const res = await call("/api/admin/webhook-health/check", { method: "POST", headers: ADMIN });
    expect(res.status).toBe(200);
    const h = WebhookHealthResponse.parse(await res.json()).health;
    expect(h).toMatchObject({ state: "recreated", webhookId: "wh-2", url: URL_, active: true, lastCheckReason: "asked by an admin" });
    expect(requests()).toEqual(["GET /v1/webhooks/wh-1", "GET /v1/webhooks", "POST /v1/webhooks"]);
    expect(aircall.seen[2]!.body).toMatchObject({ url: URL_, events: SUBSCRIBED_EVENTS });
    expect(await dir().getSetting(WEBHOOK_SETTING)).toMatchObject({ webhookId: "wh-2", token: company.webhooks[0]!.token });
    expect(await webhookTokens({ ...env, AIRCALL_WEBHOOK_TOKEN: "" } as Env)).toEqual([company.webhooks[0]!.token]);
    expect((await audit()).find((e) => e.action === "aircall.webhook.recreated")).toMatchObject({ actor: "admin-token", detail: { webhookId: "wh-2", previousId: "wh-1", problem: "missing" } });
    expect(JSON.stringify(h)).not.toContain(company.webhooks[0]!.token);
  });

  it("a token another instance stored is accepted at once: a mismatch reads the stored token again (at most once a second)", async () => {
    const noSecret = { ...env, AIRCALL_WEBHOOK_TOKEN: "" } as Env;
    const t0 = Date.now() + 60_000; // a fresh copy, whatever earlier tests cached
    await dir().putSetting(WEBHOOK_SETTING, { webhookId: "wh-1", token: "token-A", url: URL_ });
    expect(await webhookTokens(noSecret, t0)).toEqual(["token-A"]);
    await dir().putSetting(WEBHOOK_SETTING, { webhookId: "wh-2", token: "token-B", url: URL_ }); // re-created elsewhere
    expect(await webhookTokens(noSecret, t0 + 500)).toEqual(["token-A"]); // the copy, within its 30 s
    expect(await webhookTokens(noSecret, t0 + 500, true)).toEqual(["token-A"]); // a recheck under a second after the read: no read
    expect(await webhookTokens(noSecret, t0 + 1_500, true)).toEqual(["token-B"]);
    expect(await webhookTokens(noSecret, t0 + 1_600)).toEqual(["token-B"]);
  });

  it("Aircall failing during the check is recorded (no 500); before connect it says so without asking Aircall", async () => {
    aircall.route("GET /v1/webhooks/wh-1", () => Response.json({ error: "Down", troubleshoot: "maintenance" }, { status: 503 }));
    const res = await call("/api/admin/webhook-health/check", { method: "POST", headers: ADMIN });
    expect(res.status).toBe(200);
    expect(WebhookHealthResponse.parse(await res.json()).health).toMatchObject({ state: "error", lastError: expect.stringMatching(/503/) });

    await dir().putSetting(WEBHOOK_SETTING, null);
    aircall.seen.length = 0;
    await checkedLongAgo();
    await dir().reportMissingWebhooks(1);
    expect(aircall.seen).toHaveLength(0);
    expect(await health()).toMatchObject({ state: "not_connected", webhookId: null, lastError: expect.stringMatching(/pnpm admin connect/) });
  });

  it("ignores counts that are not positive numbers", async () => {
    const before = (await health()).missingWebhookCalls;
    await dir().reportMissingWebhooks(Number.NaN);
    await dir().reportMissingWebhooks(-4);
    await dir().reportMissingWebhooks(0);
    expect((await health()).missingWebhookCalls).toBe(before);
    expect(aircall.seen).toHaveLength(0);
  });

  it("is for admins only", async () => {
    expect((await call("/api/admin/webhook-health")).status).toBe(401);
    expect((await call("/api/admin/webhook-health/check", { method: "POST" })).status).toBe(401);
    expect(aircall.seen).toHaveLength(0);
  });
});
