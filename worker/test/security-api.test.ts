/**
 * The worker API's security properties (issue 10), in the style happy / error / security:
 * settings, access tokens, admin rights, WebSocket tickets, throttling, refresh-token theft,
 * reused Aircall seats, CSV export and queue URLs.
 */
import { createExecutionContext, env, listDurableObjectIds, runInDurableObject } from "cloudflare:test";
import { sign } from "hono/jwt";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createApp } from "../src/app";
import { csvField, historyCsv } from "../src/directory/history-csv";
import { installFakeAircall } from "./fake-aircall";
import { ADMIN, call, createAgent, dialerStub, enrolledAgent, freshUserId, waitFor } from "./helpers";

const SECRET = "test-jwt-secret-0123456789abcdef0123456789";
const json = async <T = any>(res: Response) => (await res.json()) as T;
const audit = async () => (await json<{ entries: { actor: string; action: string; detail: any }[] }>(await call("/api/admin/audit?limit=500", { headers: ADMIN }))).entries;
let ipSeq = 0;
/** A client address of its own per test, so throttles never leak between tests. */
const freshIp = () => `198.18.${Math.floor(Math.random() * 200)}.${ipSeq++ % 250}`;

let aircall: ReturnType<typeof installFakeAircall>;
beforeEach(() => {
  aircall = installFakeAircall();
});
afterEach(() => aircall.restore());

describe("settings that are too weak", () => {
  const fetchWith = (overrides: Record<string, string>, path = "/api/admin/agents") =>
    createApp().fetch(new Request(`https://dialer.test${path}`, { headers: ADMIN }), { ...env, ...overrides } as Env, createExecutionContext());

  it("happy: the test settings are accepted", async () => {
    expect((await fetchWith({})).status).toBe(200);
  });

  it("error: a JWT_SECRET under 32 characters is refused on every request, naming the setting, without a 500", async () => {
    for (const path of ["/api/admin/agents", "/api/dialer", "/webhooks/aircall", "/health"]) {
      const res = await fetchWith({ JWT_SECRET: "short-secret-0123456789" }, path);
      expect(res.status).toBe(503);
      expect(await json(res)).toMatchObject({ error: { code: "misconfigured", message: expect.stringContaining("JWT_SECRET") } });
    }
  });

  it("error: an ADMIN_TOKEN under 24 characters (or none) is refused, naming the setting", async () => {
    for (const ADMIN_TOKEN of ["test-admin-token", ""]) {
      const res = await fetchWith({ ADMIN_TOKEN });
      expect(res.status).toBe(503);
      const body = await json(res);
      expect(body.error.message).toContain("ADMIN_TOKEN");
      expect(JSON.stringify(body)).not.toContain("test-admin-token"); // never echo a secret
    }
  });
});

describe("access tokens", () => {
  it("security: a token living more than 15 minutes (exp − iat) is refused even with the right signature", async () => {
    const agent = await enrolledAgent();
    const iat = Math.floor(Date.now() / 1000);
    const long = await sign({ sub: agent.agentId, uid: agent.aircallUserId, role: "agent", aud: "access", iat, exp: iat + 3600 }, SECRET, "HS256");
    expect((await call("/api/dialer", { headers: { authorization: `Bearer ${long}` } })).status).toBe(401);
    const fine = await sign({ sub: agent.agentId, uid: agent.aircallUserId, role: "agent", aud: "access", iat, exp: iat + 900 }, SECRET, "HS256");
    expect((await call("/api/dialer", { headers: { authorization: `Bearer ${fine}` } })).status).toBe(200);
  });
});

describe("admin rights come from the directory, not the token alone", () => {
  it("happy: an enrolled admin's token works on admin routes", async () => {
    const admin = await enrolledAgent("admin");
    expect((await call("/api/admin/agents", { headers: admin.auth })).status).toBe(200);
  });

  it("security: a removed admin's still-valid token can neither list agents nor mint a new admin", async () => {
    const admin = await enrolledAgent("admin");
    expect((await call("/api/admin/agents", { headers: admin.auth })).status).toBe(200);
    expect((await call(`/api/admin/agents/${admin.agentId}`, { method: "DELETE", headers: ADMIN })).status).toBe(200);
    expect((await call("/api/admin/agents", { headers: admin.auth })).status).toBe(401);
    const mint = await call("/api/admin/agents", { method: "POST", headers: admin.auth, json: { aircallUserId: freshUserId(), numberId: 2001, role: "admin" } });
    expect(mint.status).toBe(401);
    expect((await call("/api/admin/ws-ticket", { method: "POST", headers: admin.auth })).status).toBe(401);
  });

  it("security: removing an admin closes that admin's dashboard WebSocket, not the others'", async () => {
    const admin = await enrolledAgent("admin");
    const open = async (headers: Record<string, string>) => {
      const { ticket } = await json<{ ticket: string }>(await call("/api/admin/ws-ticket", { method: "POST", headers }));
      const res = await call(`/api/admin/ws?ticket=${ticket}`, { headers: { upgrade: "websocket" } });
      expect(res.status).toBe(101);
      const ws = res.webSocket!;
      const state = { closed: false };
      ws.addEventListener("close", () => (state.closed = true));
      ws.accept();
      return { ws, state };
    };
    const theirs = await open(admin.auth);
    const ours = await open(ADMIN);
    expect((await call(`/api/admin/agents/${admin.agentId}`, { method: "DELETE", headers: ADMIN })).status).toBe(200);
    await waitFor(() => theirs.state.closed, "the removed admin's socket closed");
    expect(ours.state.closed).toBe(false);
    ours.ws.close(1000, "done");
  });
});

describe("agent WebSocket tickets are checked before any Durable Object", () => {
  it("happy: an issued ticket opens the agent's socket once", async () => {
    const agent = await enrolledAgent();
    const { ticket } = await json<{ ticket: string }>(await call("/api/auth/ws-ticket", { method: "POST", headers: agent.auth }));
    expect(ticket.startsWith(`${agent.aircallUserId}.`)).toBe(true);
    const ok = await call(`/api/ws?ticket=${ticket}`, { headers: { upgrade: "websocket" } });
    expect(ok.status).toBe(101);
    ok.webSocket!.accept();
    ok.webSocket!.close(1000);
    expect((await call(`/api/ws?ticket=${ticket}`, { headers: { upgrade: "websocket" } })).status).toBe(401);
  });

  it("security: forged tickets for 20 unknown users create no Durable Object", async () => {
    const before = (await listDurableObjectIds(env.AGENT_DIALER)).length;
    for (let i = 0; i < 20; i++) {
      const uid = 9_000_000_000 + Math.floor(Math.random() * 1e9);
      for (const t of [`${uid}.AAAAAAAAAAAAAAAAAAAA`, `${uid}.${Math.floor(Date.now() / 1000) + 20}.AAAAAAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`]) {
        const res = await call(`/api/ws?ticket=${t}`, { headers: { upgrade: "websocket" } });
        expect(res.status).toBe(401);
      }
    }
    expect((await listDurableObjectIds(env.AGENT_DIALER)).length).toBe(before);
  });

  it("security: a real ticket with another user's id in it is refused", async () => {
    const a = await enrolledAgent();
    const b = await enrolledAgent();
    const { ticket } = await json<{ ticket: string }>(await call("/api/auth/ws-ticket", { method: "POST", headers: a.auth }));
    const moved = ticket.replace(`${a.aircallUserId}.`, `${b.aircallUserId}.`);
    expect((await call(`/api/ws?ticket=${moved}`, { headers: { upgrade: "websocket" } })).status).toBe(401);
  });
});

describe("throttling enrolment and refresh per address", () => {
  it("happy: a right code from a throttled address's neighbour still works", async () => {
    const agent = await createAgent();
    const res = await call("/api/auth/enroll", { method: "POST", headers: { "cf-connecting-ip": freshIp() }, json: { code: agent.enrollmentCode } });
    expect(res.status).toBe(200);
  });

  it("security: a flood of wrong codes gets 429 with Retry-After, one aggregated audit row, and the address next door is unaffected", async () => {
    const ip = freshIp();
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 40; i++) {
      const res = await call("/api/auth/enroll", { method: "POST", headers: { "cf-connecting-ip": ip }, json: { code: `WRONG-${String(i).padStart(5, "X")}` } });
      statuses.push(res.status);
      if (res.status === 429) retryAfter = res.headers.get("retry-after");
    }
    expect(statuses.slice(0, 5).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(-10).every((s) => s === 429)).toBe(true);
    expect(Number(retryAfter)).toBeGreaterThan(0);
    expect(Number(retryAfter)).toBeLessThanOrEqual(60);
    const rows = (await audit()).filter((e) => e.actor === `ip:${ip}`);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.detail.count).toBeGreaterThanOrEqual(10);
    // a right code from another address is not held back
    const agent = await createAgent();
    expect((await call("/api/auth/enroll", { method: "POST", headers: { "cf-connecting-ip": freshIp() }, json: { code: agent.enrollmentCode } })).status).toBe(200);
  });

  it("security: wrong refresh tokens are throttled the same way", async () => {
    const ip = freshIp();
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) {
      const res = await call("/api/auth/refresh", { method: "POST", headers: { "cf-connecting-ip": ip }, json: { refreshToken: `x${"y".repeat(30)}${i}` } });
      statuses.push(res.status);
    }
    expect(statuses[0]).toBe(401);
    expect(statuses.at(-1)).toBe(429);
    expect((await audit()).filter((e) => e.actor === `ip:${ip}`)).toHaveLength(1);
  });
});

describe("throttling admin-token guesses per address", () => {
  it("security: after 60 refused admin attempts in a minute the address gets 429, even with the right token; others are unaffected", async () => {
    const ip = freshIp();
    let last: Response | undefined;
    for (let i = 0; i < 65; i++) last = await call("/api/admin/agents", { headers: { authorization: `Bearer guess-${i}-${"x".repeat(24)}`, "cf-connecting-ip": ip } });
    expect(last!.status).toBe(429);
    expect(Number(last!.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await call("/api/admin/agents", { headers: { ...ADMIN, "cf-connecting-ip": ip } })).status).toBe(429);
    expect((await call("/api/admin/agents", { headers: { ...ADMIN, "cf-connecting-ip": freshIp() } })).status).toBe(200);
  });
});

describe("refresh-token theft inside the retry grace", () => {
  const refresh = (token: string) => call("/api/auth/refresh", { method: "POST", json: { refreshToken: token } });

  it("happy: the immediate retry of a lost answer still gets a working pair", async () => {
    const agent = await enrolledAgent();
    await refresh(agent.refreshToken); // answer lost
    const retry = await refresh(agent.refreshToken);
    expect(retry.status).toBe(200);
    expect((await refresh((await json(retry)).refreshToken)).status).toBe(200);
  });

  it("security: a thief replaying the old token gets caught when the real client uses its token: the whole family ends", async () => {
    const agent = await enrolledAgent();
    const mine = await json<{ refreshToken: string }>(await refresh(agent.refreshToken)); // the client got its answer
    const thief = await refresh(agent.refreshToken); // replay within 30 s
    const stolen = thief.status === 200 ? (await json<{ refreshToken: string }>(thief)).refreshToken : null;
    expect((await refresh(mine.refreshToken)).status).toBe(401); // the real client's token was replaced
    if (stolen) expect((await refresh(stolen)).status).toBe(401); // ...and the thief's line is dead too
    expect((await audit()).some((e) => e.action === "token.reuse" && e.actor === agent.agentId)).toBe(true);
  });

  it("security: only the first replay is a retry; a second replay ends the family", async () => {
    const agent = await enrolledAgent();
    await refresh(agent.refreshToken);
    const first = await refresh(agent.refreshToken);
    expect(first.status).toBe(200);
    const kept = await json<{ refreshToken: string }>(first);
    expect((await refresh(agent.refreshToken)).status).toBe(401);
    expect((await refresh(kept.refreshToken)).status).toBe(401);
  });
});

describe("a reused Aircall seat", () => {
  it("security: a new agent on the same Aircall user sees none of the previous agent's history or figures; the rows are archived, not deleted", async () => {
    const uid = freshUserId();
    const first = await createAgent(uid);
    const enroll = async (code: string) => json<{ accessToken: string }>(await call("/api/auth/enroll", { method: "POST", json: { code } }));
    const a = { authorization: `Bearer ${(await enroll(first.enrollmentCode)).accessToken}` };
    // one finished call in the first agent's history (written straight to its table: this is about who sees it)
    await runInDurableObject(dialerStub(uid), (_o, s) => {
      s.storage.sql.exec("INSERT INTO history (dial_id, item_id, phone, name, outcome, dial_at, final) VALUES (1, 'old', '+14155550101', 'Previous customer', 'failed', ?, 1)", Date.now() - 1000);
    });
    expect((await json(await call("/api/history", { headers: a }))).items).toHaveLength(1);
    expect((await call(`/api/admin/agents/${first.agentId}`, { method: "DELETE", headers: ADMIN })).status).toBe(200);

    const second = await createAgent(uid);
    const b = { authorization: `Bearer ${(await enroll(second.enrollmentCode)).accessToken}` };
    expect((await json(await call("/api/history", { headers: b }))).items).toEqual([]);
    expect(await json(await call("/api/stats", { headers: b }))).toMatchObject({ calls: 0, failed: 0 });
    expect((await json(await call(`/api/admin/history?agentId=${second.agentId}`, { headers: ADMIN }))).items).toEqual([]);
    const state = await json(await call("/api/dialer", { headers: b }));
    expect(state.status).toBe("idle");
    const archived = await runInDurableObject(dialerStub(uid), (_o, s) => s.storage.sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM history_archive WHERE agent_id = ?", first.agentId).one().n);
    expect(archived).toBe(1);
  });
});

describe("CSV export", () => {
  it("happy: E.164 numbers and plain text stay as they are", () => {
    expect(csvField("+14155550101")).toBe("+14155550101");
    expect(csvField("Ada Lovelace")).toBe("Ada Lovelace");
    expect(csvField(42)).toBe("42");
  });

  it("security: any cell a spreadsheet would run is neutralised, in every column", () => {
    for (const bad of ["=HYPERLINK(\"http://x\")", "+1+cmd|' /C calc'!A0", "-2+3", "- 1", "+ 1", "@SUM(A1)", "\tx", "\rx", "+1 415 555 0101", "+0123456789"]) {
      expect(csvField(bad).replace(/^"/, "")).toMatch(/^'/);
    }
    const csv = historyCsv([
      { agentId: "=a", agentName: "-1+1", itemId: "+2-2", name: "@x", phone: "+14155550101", outcome: "failed", at: "", startedAt: null, answeredAt: null, endedAt: null, durationSeconds: null, talkSeconds: null, callId: "-9", reason: "+ bad", recordingUrl: "=x", final: true } as any,
    ]);
    const cells = csv.split("\r\n")[1]!.split(",");
    for (const cell of cells.filter((c) => c !== "" && c !== "+14155550101" && c !== "failed")) expect(cell).toMatch(/^'/);
  });
});

describe("queue items' sourceUrl", () => {
  it("security: only http(s) URLs are accepted", async () => {
    const agent = await enrolledAgent();
    for (const sourceUrl of ["javascript:alert(1)", "data:text/html,<script>1</script>", "vbscript:x", "file:///etc/passwd"]) {
      const res = await call("/api/queue", { method: "PUT", headers: agent.auth, json: { items: [{ id: "a", phone: "+14155550101", sourceUrl }] } });
      expect(res.status).toBe(400);
      const start = await call("/api/dialer/start", { method: "POST", headers: agent.auth, json: { items: [{ id: "a", phone: "+14155550101", sourceUrl }] } });
      expect(start.status).toBe(400);
    }
    const ok = await call("/api/queue", { method: "PUT", headers: agent.auth, json: { items: [{ id: "a", phone: "+14155550101", sourceUrl: "https://crm.example/c/1" }] } });
    expect(ok.status).toBe(200);
  });
});
