import { describe, expect, it } from "vitest";
import { resetRefusalReports } from "../src/routes/admin-auth";
import { ADMIN, call, enrolledAgent } from "./helpers";

type Entry = { action: string; actor: string; at: string; detail: Record<string, unknown> };
const audit = async () => ((await (await call("/api/admin/audit?limit=200", { headers: ADMIN })).json()) as { entries: Entry[] }).entries;
const from = (ip: string, token?: string) => ({ "cf-connecting-ip": ip, ...(token ? { authorization: `Bearer ${token}` } : {}) });

describe("admin refusals", () => {
  it.each([
    ["no token", {}, 401, "unauthorized"],
    ["a wrong token", { authorization: "Bearer nope" }, 401, "unauthorized"],
    ["a malformed header", { authorization: "Basic abc" }, 401, "unauthorized"],
    ["a forged JWT", { authorization: "Bearer aaa.bbb.ccc" }, 401, "unauthorized"],
  ])("refuses %s with the contract's error body", async (_what, headers, status, code) => {
    for (const path of ["/api/admin/agents", "/api/admin/team", "/api/admin/stats", "/api/admin/history", "/api/admin/audit", "/api/admin/aircall/users"]) {
      const res = await call(path, { headers });
      expect(res.status).toBe(status);
      expect(await res.json()).toMatchObject({ error: { code, message: expect.any(String) } });
    }
  });

  it("refuses an agent's access token with 403 on every admin endpoint", async () => {
    const agent = await enrolledAgent();
    const writes: [string, string][] = [["POST", "/api/admin/agents"], ["POST", "/api/admin/connect"], ["POST", "/api/admin/ws-ticket"], ["DELETE", `/api/admin/agents/${agent.agentId}`], ["POST", `/api/admin/agents/${agent.agentId}/code`]];
    for (const [method, path] of writes) {
      const res = await call(path, { method, headers: agent.auth, json: {} });
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(await res.json()).toMatchObject({ error: { code: "forbidden" } });
    }
    expect((await call(`/api/admin/agents/${agent.agentId}/history`, { headers: agent.auth })).status).toBe(403);
  });

  it("records refused attempts with time and client, at most one per client per minute", async () => {
    resetRefusalReports();
    for (let i = 0; i < 5; i++) await call("/api/admin/agents", { headers: from("203.0.113.7", `guess-${i}`) });
    await call("/api/admin/team", { headers: from("198.51.100.9") });
    let entries: Entry[] = [];
    for (let i = 0; i < 50 && entries.filter((e) => e.action === "admin.refused").length < 2; i++) {
      await new Promise((r) => setTimeout(r, 20)); // written after the response (waitUntil)
      entries = await audit();
    }
    const refused = entries.filter((e) => e.action === "admin.refused");
    expect(refused.filter((e) => e.actor === "ip:203.0.113.7")).toHaveLength(1);
    expect(refused.find((e) => e.actor === "ip:198.51.100.9")).toMatchObject({ detail: { reason: expect.stringMatching(/GET \/api\/admin\/team: missing bearer token/) } });
    expect(Date.parse(refused[0]!.at)).toBeGreaterThan(Date.now() - 60_000);
    expect(JSON.stringify(refused)).not.toContain("guess-");
  });
});
