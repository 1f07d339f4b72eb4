import { env } from "cloudflare:test";
import { AircallDirectoryResponse, AircallUserResponse, ConnectResponse, SUBSCRIBED_EVENTS } from "@dialer/shared";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { webhookTokens } from "../src/aircall/webhook-token";
import { installFakeAircall } from "./fake-aircall";
import { installCompany } from "./fake-aircall-company";
import { ADMIN, call } from "./helpers";

let aircall: ReturnType<typeof installFakeAircall>;
beforeEach(() => {
  aircall = installFakeAircall();
});
afterEach(() => aircall.restore());

const connect = (json: unknown = {}) => call("/api/admin/connect", { method: "POST", headers: ADMIN, json });
const audit = async () => ((await (await call("/api/admin/audit?limit=20", { headers: ADMIN })).json()) as { entries: { action: string; actor: string; detail: Record<string, unknown> }[] }).entries;
/** The worker as it runs when no AIRCALL_WEBHOOK_TOKEN secret is set: the stored token counts. */
const envWithoutTokenSecret = () => ({ ...env, AIRCALL_WEBHOOK_TOKEN: "" }) as Env;

describe("POST /api/admin/connect", () => {
  it("checks the key, lists users and numbers, registers the webhook with only the dialer's events", async () => {
    const company = installCompany(aircall);
    const res = await connect();
    expect(res.status).toBe(200);
    const body = ConnectResponse.parse(await res.json());
    expect(body.action).toBe("created");
    expect(body.users.map((u) => [u.id, u.email, u.numbers.map((n) => n.id)])).toEqual([[1001, "ada@example.com", [2001]], [1002, "bob@example.com", []]]);
    expect(body.numbers.map((n) => n.id)).toEqual([2001, 2002]);
    expect(body.webhook).toEqual({ id: "wh-1", url: "https://dialer.test/webhooks/aircall", active: true, events: SUBSCRIBED_EVENTS });
    expect(JSON.stringify(body)).not.toContain(company.webhooks[0]!.token);
    expect(aircall.seen.map((s) => `${s.method} ${s.path}`)).toContain("GET /v1/ping");
    expect(aircall.seen.map((s) => `${s.method} ${s.path}`)).toContain("GET /v2/users");
    expect(aircall.seen.filter((s) => /^\/v1\/users(\/\d+)?$/.test(s.path))).toEqual([]); // V1 user reads are retired
    const created = aircall.seen.find((s) => s.method === "POST" && s.path === "/v1/webhooks")!;
    expect(created.body).toMatchObject({ url: "https://dialer.test/webhooks/aircall", events: SUBSCRIBED_EVENTS });
    expect(created.auth).toBe(`Basic ${btoa("test-api-id:test-api-token")}`);
    // AIRCALL_WEBHOOK_TOKEN is set in this test env and wins: connect says so
    expect(body.warnings.join(" ")).toMatch(/AIRCALL_WEBHOOK_TOKEN/);
  });

  it("connecting a local worker (an http webhook, as with pnpm dev) says nothing about a production secret", async () => {
    installCompany(aircall);
    const body = ConnectResponse.parse(await (await connect({ webhookUrl: "http://127.0.0.1:8787/webhooks/aircall" })).json());
    expect(body.warnings.join(" ")).not.toMatch(/AIRCALL_WEBHOOK_TOKEN|wrangler secret/);
    expect(body.warnings.join(" ")).toMatch(/local simulator only/);
  });

  it("keeps the token inside the worker: deliveries carrying it are accepted at once", async () => {
    const company = installCompany(aircall);
    await connect();
    expect(await webhookTokens(envWithoutTokenSecret())).toEqual([company.webhooks[0]!.token]);
    await connect({ webhookUrl: "https://other.example/webhooks/aircall" }); // same webhook, new URL
    expect(company.webhooks).toHaveLength(1);
    expect(await webhookTokens(envWithoutTokenSecret())).toEqual([company.webhooks[0]!.token]);
  });

  it("a second run updates the same webhook (PUT with events) instead of creating another", async () => {
    const company = installCompany(aircall);
    await connect();
    const again = ConnectResponse.parse(await (await connect()).json());
    expect(again.action).toBe("updated");
    expect(company.webhooks).toHaveLength(1);
    const puts = aircall.seen.filter((s) => s.method === "PUT");
    expect(puts).toHaveLength(1);
    expect(puts[0]).toMatchObject({ path: "/v1/webhooks/wh-1", body: { active: true, events: SUBSCRIBED_EVENTS } });
    expect(company.webhooks[0]!.events).toEqual(SUBSCRIBED_EVENTS);
  });

  it("finds a webhook for this URL made earlier (no stored id) and re-activates one Aircall disabled", async () => {
    const company = installCompany(aircall);
    company.webhooks.push({ webhook_id: "old-1", url: "https://dialer.test/webhooks/aircall", active: false, events: ["call.created"], token: "old-token", custom_name: "Webhook" });
    company.webhooks.push({ webhook_id: "crm-1", url: "https://crm.example/hook", active: true, events: ["contact.created"], token: "crm", custom_name: "CRM" });
    const body = ConnectResponse.parse(await (await connect()).json());
    expect(body.action).toBe("reactivated");
    expect(body.webhook).toMatchObject({ id: "old-1", active: true, events: SUBSCRIBED_EVENTS });
    expect(company.webhooks.map((w) => [w.webhook_id, w.active])).toEqual([["old-1", true], ["crm-1", true]]);
    expect(company.webhooks[1]!.events).toEqual(["contact.created"]); // someone else's webhook untouched
    const entry = (await audit()).find((e) => e.action === "aircall.connected")!;
    expect(entry).toMatchObject({ actor: "admin-token", detail: { webhookId: "old-1", action: "reactivated" } });
  });

  it("Aircall refusing the credentials is a clear 400, audited, never a 500", async () => {
    installCompany(aircall, { credentials: "refused" });
    const res = await connect();
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("aircall_refused");
    expect(body.error.message).toMatch(/Aircall refused the API credentials.*AIRCALL_API_ID/);
    expect(body.error.message).not.toContain("test-api-token");
    expect(aircall.seen.some((s) => s.path === "/v1/webhooks")).toBe(false);
    expect((await audit()).find((e) => e.action === "aircall.connect.failed")).toMatchObject({ actor: "admin-token", detail: { reason: "Aircall refused the credentials (403)" } });
  });

  it("Aircall down is a 502 with Aircall's words; a bad webhookUrl is a 400", async () => {
    aircall.route("GET /v1/ping", () => Response.json({ error: "Down", troubleshoot: "maintenance" }, { status: 503 }));
    const down = await connect();
    expect(down.status).toBe(502);
    expect(await down.json()).toMatchObject({ error: { code: "aircall_unavailable" } });
    const bad = await connect({ webhookUrl: "ftp://nope" });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: "validation_failed" } });
  });

  it("needs an admin", async () => {
    installCompany(aircall);
    expect((await call("/api/admin/connect", { method: "POST", json: {} })).status).toBe(401);
    expect(aircall.seen).toHaveLength(0);
  });
});

describe("GET /api/admin/aircall/users", () => {
  it("lists the company's users (V2) with their numbers through the worker", async () => {
    installCompany(aircall);
    const res = await call("/api/admin/aircall/users", { headers: ADMIN });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { users: { id: number; numbers: { id: number }[] }[]; numbers: unknown[] };
    expect(body.users[0]).toMatchObject({ id: 1001, name: "Ada Lovelace", availability: "available", numbers: [{ id: 2001, digits: "+1 555-010-0000" }] });
    expect(body.numbers).toHaveLength(2);
    expect(aircall.seen.some((s) => s.path === "/v1/webhooks")).toBe(false);
    // the number list named each number's users: no request per user
    expect(aircall.seen.map((s) => s.path).sort()).toEqual(["/v1/numbers", "/v2/users"]);
  });

  it("when the number list does not name users, each user's numbers come from GET /v2/users/:id/numbers", async () => {
    installCompany(aircall, { numbersListUsers: false });
    const body = AircallDirectoryResponse.parse(await (await call("/api/admin/aircall/users", { headers: ADMIN })).json());
    expect(body.users.map((u) => [u.id, u.numbers.map((n) => n.id)])).toEqual([[1001, [2001]], [1002, []]]);
    expect(aircall.seen.map((s) => s.path).filter((p) => p.endsWith("/numbers")).sort()).toEqual(["/v1/numbers", "/v2/users/1001/numbers", "/v2/users/1002/numbers"]);
  });

  it("pages through GET /v2/users", async () => {
    installCompany(aircall);
    const many = Array.from({ length: 60 }, (_, i) => ({ id: 4000 + i, name: `U${i}`, email: `u${i}@example.com`, availability_status: "available" }));
    aircall.route("GET /v2/users", (req) => {
      const page = Number(req.query.get("page") ?? 1);
      const rows = many.slice((page - 1) * 50, page * 50);
      return Response.json({ meta: { per_page: 50, current_page: page, next_page_link: page * 50 < many.length ? `https://aircall.test/v2/users?page=${page + 1}` : null }, users: rows });
    });
    const body = AircallDirectoryResponse.parse(await (await call("/api/admin/aircall/users", { headers: ADMIN })).json());
    expect(body.users).toHaveLength(60);
    expect(aircall.seen.filter((s) => s.path === "/v2/users").map((s) => s.query.get("page"))).toEqual(["1", "2"]);
  });

  it("GET /api/admin/aircall/availability: everyone's live Aircall availability in one request", async () => {
    aircall.route("GET /v1/users/availabilities", () => Response.json({ meta: { count: 2 }, users: [{ id: 1001, availability: "in_call" }, { id: 1002, availability: "offline" }] }));
    const res = await call("/api/admin/aircall/availability", { headers: ADMIN });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ users: [{ id: 1001, availability: "in_call" }, { id: 1002, availability: "offline" }] });
    await call("/api/admin/aircall/availability", { headers: ADMIN });
    expect(aircall.seen.filter((s) => s.path === "/v1/users/availabilities")).toHaveLength(1); // cached briefly
  });

  it("maps refused credentials to aircall_refused", async () => {
    aircall.route("GET /v2/users", () => Response.json({ message: "Forbidden" }, { status: 403 }));
    aircall.route("GET /v1/numbers", () => Response.json({ message: "Forbidden" }, { status: 403 }));
    const res = await call("/api/admin/aircall/users", { headers: ADMIN });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: "aircall_refused" } });
  });
});

describe("GET /api/admin/aircall/users/:idOrEmail (V2)", () => {
  it("finds one user by email or id with their numbers, in two V2 requests", async () => {
    installCompany(aircall);
    const res = await call(`/api/admin/aircall/users/${encodeURIComponent("ada@example.com")}`, { headers: ADMIN });
    expect(res.status).toBe(200);
    expect(AircallUserResponse.parse(await res.json()).user).toEqual({ id: 1001, name: "Ada Lovelace", email: "ada@example.com", availability: "available", numbers: [{ id: 2001, name: "Sales", digits: "+1 555-010-0000", country: "US" }] });
    expect(aircall.seen.map((s) => `${s.method} ${decodeURIComponent(s.path)}`)).toEqual(["GET /v2/users/ada@example.com", "GET /v2/users/1001/numbers"]);
    const byId = AircallUserResponse.parse(await (await call("/api/admin/aircall/users/1002", { headers: ADMIN })).json());
    expect(byId.user).toMatchObject({ id: 1002, email: "bob@example.com", numbers: [] });
  });

  it("an unknown user is a 404 (not a 500), a malformed one a 400 without asking Aircall", async () => {
    installCompany(aircall);
    const missing = await call("/api/admin/aircall/users/nobody@example.com", { headers: ADMIN });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { code: "not_found", message: expect.stringContaining("nobody@example.com") } });
    const seen = aircall.seen.length;
    const bad = await call("/api/admin/aircall/users/not%20a%20user", { headers: ADMIN });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: "validation_failed" } });
    expect(aircall.seen.length).toBe(seen);
  });

  it("needs an admin", async () => {
    installCompany(aircall);
    expect((await call("/api/admin/aircall/users/1001")).status).toBe(401);
    expect(aircall.seen).toHaveLength(0);
  });
});
