import { describe, expect, it } from "vitest";
import { ADMIN, call, createAgent, freshUserId } from "./helpers";

describe("admin: agents", () => {
  it("creates an agent with an enrolment code, lists and removes it", async () => {
    const agent = await createAgent();
    expect(agent.enrollmentCode).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);
    expect(Date.parse(agent.expiresAt)).toBeGreaterThan(Date.now());
    const list = (await (await call("/api/admin/agents", { headers: ADMIN })).json()) as { agents: { agentId: string }[] };
    expect(list.agents.map((a) => a.agentId)).toContain(agent.agentId);
    expect((await call(`/api/admin/agents/${agent.agentId}`, { method: "DELETE", headers: ADMIN })).status).toBe(200);
    expect((await call(`/api/admin/agents/${agent.agentId}`, { method: "DELETE", headers: ADMIN })).status).toBe(404);
  });

  it("refuses a second agent for the same Aircall user (409)", async () => {
    const uid = freshUserId();
    await createAgent(uid);
    const res = await call("/api/admin/agents", { method: "POST", headers: ADMIN, json: { aircallUserId: uid, numberId: 1 } });
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ error: { code: "conflict" } });
  });

  it("validates bodies and params with a 400 and zod's message", async () => {
    const res = await call("/api/admin/agents", { method: "POST", headers: ADMIN, json: { aircallUserId: "12", numberId: -1 } });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("validation_failed");
    expect(body.error.message).toMatch(/aircallUserId/);
    expect((await call("/api/admin/agents/not-a-uuid", { method: "DELETE", headers: ADMIN })).status).toBe(400);
  });

  it("refuses a missing or wrong admin token", async () => {
    expect((await call("/api/admin/agents")).status).toBe(401);
    expect((await call("/api/admin/agents", { headers: { authorization: "Bearer wrong" } })).status).toBe(401);
  });

  it("issues a new code that replaces the old one", async () => {
    const agent = await createAgent();
    const res = await call(`/api/admin/agents/${agent.agentId}/code`, { method: "POST", headers: ADMIN });
    const { enrollmentCode } = (await res.json()) as { enrollmentCode: string };
    expect((await call("/api/auth/enroll", { method: "POST", json: { code: agent.enrollmentCode } })).status).toBe(401);
    expect((await call("/api/auth/enroll", { method: "POST", json: { code: enrollmentCode } })).status).toBe(200);
  });

  it("records admin actions and refused logins in the audit trail", async () => {
    const agent = await createAgent();
    await call("/api/auth/enroll", { method: "POST", json: { code: "AAAAA-BBBBB" } });
    const { entries } = (await (await call("/api/admin/audit?limit=50", { headers: ADMIN })).json()) as { entries: { action: string; detail: Record<string, unknown> }[] };
    expect(entries.some((e) => e.action === "agent.created" && e.detail.agentId === agent.agentId)).toBe(true);
    expect(entries.some((e) => e.action === "login.refused")).toBe(true);
  });
});

describe("app basics", () => {
  it("health, unknown routes and security headers", async () => {
    const health = await call("/health");
    expect(health.status).toBe(200);
    expect(health.headers.get("x-content-type-options")).toBe("nosniff");
    const missing = await call("/api/nope");
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { code: "not_found" } });
  });

  it("answers CORS preflights for the extension only", async () => {
    const ok = await call("/api/dialer", { method: "OPTIONS", headers: { origin: "chrome-extension://abcdef", "access-control-request-method": "GET" } });
    expect(ok.headers.get("access-control-allow-origin")).toBe("chrome-extension://abcdef");
    const no = await call("/api/dialer", { method: "OPTIONS", headers: { origin: "https://evil.example", "access-control-request-method": "GET" } });
    expect(no.headers.get("access-control-allow-origin")).toBeNull();
  });
});
