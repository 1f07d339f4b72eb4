import { sign } from "hono/jwt";
import { describe, expect, it } from "vitest";
import { ADMIN, call, createAgent, enrolledAgent } from "./helpers";

const SECRET = "test-jwt-secret-0123456789abcdef0123456789";

describe("enrolment", () => {
  it("trades a one-time code for tokens and the agent", async () => {
    const agent = await createAgent();
    const res = await call("/api/auth/enroll", { method: "POST", json: { code: agent.enrollmentCode.toLowerCase() } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { accessToken: string; refreshToken: string; agent: { agentId: string; enrolledAt: string } };
    expect(body.agent.agentId).toBe(agent.agentId);
    expect(body.agent.enrolledAt).not.toBeNull();
    const again = await call("/api/auth/enroll", { method: "POST", json: { code: agent.enrollmentCode } });
    expect(again.status).toBe(401);
    expect(await again.json()).toMatchObject({ error: { code: "unauthorized" } });
  });

  it("refuses an unknown code and a malformed body with the contract's error body", async () => {
    expect((await call("/api/auth/enroll", { method: "POST", json: { code: "ZZZZZ-ZZZZZ" } })).status).toBe(401);
    const bad = await call("/api/auth/enroll", { method: "POST", json: { code: 42 } });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: "validation_failed", message: expect.stringContaining("code") } });
    const notJson = await call("/api/auth/enroll", { method: "POST", headers: { "content-type": "application/json" }, body: "{oops" });
    expect(notJson.status).toBe(400);
  });

  it("access tokens expire within 15 minutes", async () => {
    const agent = await enrolledAgent();
    const claims = JSON.parse(atob(agent.accessToken.split(".")[1]!.replace(/-/g, "+").replace(/_/g, "/")));
    expect(claims.exp - claims.iat).toBeLessThanOrEqual(15 * 60);
  });
});

describe("refresh tokens rotate", () => {
  it("gives a new pair; a reused token is refused and ends the whole session", async () => {
    const agent = await enrolledAgent();
    const refresh = (token: string) => call("/api/auth/refresh", { method: "POST", json: { refreshToken: token } });
    const first = await refresh(agent.refreshToken);
    expect(first.status).toBe(200);
    const rotated = (await first.json()) as { accessToken: string; refreshToken: string };
    expect(rotated.refreshToken).not.toBe(agent.refreshToken);
    const second = (await (await refresh(rotated.refreshToken)).json()) as { refreshToken: string };
    // the first token again, after its successor was used: stolen, not a retry
    expect((await refresh(agent.refreshToken)).status).toBe(401);
    expect((await refresh(second.refreshToken)).status).toBe(401);
    const audit = (await (await call("/api/admin/audit", { headers: ADMIN })).json()) as { entries: { action: string; actor: string }[] };
    expect(audit.entries.some((e) => e.action === "token.reuse" && e.actor === agent.agentId)).toBe(true);
  });
});

describe("refresh retries", () => {
  it("the same token presented again at once (its answer was lost) gets a fresh pair, and the lost one stops working", async () => {
    const agent = await enrolledAgent();
    const refresh = (token: string) => call("/api/auth/refresh", { method: "POST", json: { refreshToken: token } });
    const lost = (await (await refresh(agent.refreshToken)).json()) as { refreshToken: string };
    const retry = await refresh(agent.refreshToken);
    expect(retry.status).toBe(200);
    const kept = (await retry.json()) as { refreshToken: string };
    expect(kept.refreshToken).not.toBe(lost.refreshToken);
    const next = await refresh(kept.refreshToken);
    expect(next.status).toBe(200);
    // the "lost" token turning up after all means someone else holds it: the whole session ends
    expect((await refresh(lost.refreshToken)).status).toBe(401);
    expect((await refresh(((await next.json()) as { refreshToken: string }).refreshToken)).status).toBe(401);
  });
});

describe("agent routes", () => {
  it("refuse a missing, forged or expired token", async () => {
    expect((await call("/api/dialer")).status).toBe(401);
    const forged = await sign({ sub: "x", uid: 1, role: "agent", aud: "access", iat: 0, exp: 9_999_999_999 }, "not-the-secret", "HS256");
    expect((await call("/api/dialer", { headers: { authorization: `Bearer ${forged}` } })).status).toBe(401);
    const agent = await enrolledAgent();
    const iat = Math.floor(Date.now() / 1000) - 3600;
    const expired = await sign({ sub: agent.agentId, uid: agent.aircallUserId, role: "agent", aud: "access", iat, exp: iat + 600 }, SECRET, "HS256");
    const res = await call("/api/dialer", { headers: { authorization: `Bearer ${expired}` } });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: { message: expect.stringContaining("expired") } });
  });

  it("reach only the caller's own dialer, even with a token naming another agent's Aircall user", async () => {
    const a = await enrolledAgent();
    const b = await enrolledAgent();
    const now = Math.floor(Date.now() / 1000);
    const crossed = await sign({ sub: a.agentId, uid: b.aircallUserId, role: "agent", aud: "access", iat: now, exp: now + 600 }, SECRET, "HS256");
    const res = await call("/api/history", { headers: { authorization: `Bearer ${crossed}` } });
    expect(res.status).toBe(403);
    expect((await call("/api/dialer", { headers: a.auth })).status).toBe(200);
  });

  it("stop working as soon as the admin removes the agent", async () => {
    const agent = await enrolledAgent();
    expect((await call(`/api/admin/agents/${agent.agentId}`, { method: "DELETE", headers: ADMIN })).status).toBe(200);
    expect((await call("/api/dialer", { headers: agent.auth })).status).toBe(403);
    expect((await call("/api/auth/refresh", { method: "POST", json: { refreshToken: agent.refreshToken } })).status).toBe(401);
  });

  it("an agent's token is not an admin's", async () => {
    const agent = await enrolledAgent();
    const res = await call("/api/admin/agents", { headers: agent.auth });
    expect(res.status).toBe(403);
    const admin = await enrolledAgent("admin");
    expect((await call("/api/admin/agents", { headers: admin.auth })).status).toBe(200);
  });
});

describe("WebSocket tickets", () => {
  it("are single use", async () => {
    const agent = await enrolledAgent();
    const { ticket } = (await (await call("/api/auth/ws-ticket", { method: "POST", headers: agent.auth })).json()) as { ticket: string };
    const ok = await call(`/api/ws?ticket=${ticket}`, { headers: { upgrade: "websocket" } });
    expect(ok.status).toBe(101);
    ok.webSocket?.accept();
    ok.webSocket?.close(1000);
    const reused = await call(`/api/ws?ticket=${ticket}`, { headers: { upgrade: "websocket" } });
    expect(reused.status).toBe(401);
    expect((await call("/api/ws?ticket=nonsense", { headers: { upgrade: "websocket" } })).status).toBe(401);
  });
});
