import { AdminHistoryResponse, TeamResponse, TeamStatsResponse } from "@dialer/shared";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { installFakeAircall } from "./fake-aircall";
import { ADMIN, call, callEvent, deliver, enrolledAgent, waitFor } from "./helpers";

let aircall: ReturnType<typeof installFakeAircall>;
beforeEach(() => {
  aircall = installFakeAircall();
});
afterEach(() => aircall.restore());

const get = async (path: string) => {
  const res = await call(path, { headers: ADMIN });
  expect(res.status, `${path}: ${res.status}`).toBe(200);
  return res;
};

/** An enrolled agent whose run ended: "a" not answered, "b" refused by Aircall (failed). */
async function agentWithCalls() {
  const agent = await enrolledAgent();
  aircall.replyToStart(204, 400);
  const items = [{ id: "a", phone: "+14155550101", name: "=HYPERLINK(evil)" }, { id: "b", phone: "+14155550102", name: "Bob, Jr." }];
  await call("/api/dialer/start", { method: "POST", headers: agent.auth, json: { items, delaySeconds: 0 } });
  await waitFor(() => aircall.starts().some((s) => s.path === `/v1/users/${agent.aircallUserId}/calls`), "first dial");
  const t = Math.floor(Date.now() / 1000);
  await deliver(callEvent("call.ended", agent.aircallUserId, { id: 31, raw_digits: "+1 415-555-0101", started_at: t, ended_at: t + 20, duration: 20 }));
  await waitFor(async () => ((await (await call("/api/dialer", { headers: agent.auth })).json()) as { status: string }).status === "completed", "completed");
  return agent;
}

describe("admin: team, stats, history", () => {
  it("GET /api/admin/team: every agent with live state and today's figures", async () => {
    const agent = await agentWithCalls();
    const team = TeamResponse.parse(await (await get("/api/admin/team")).json());
    const row = team.agents.find((r) => r.agent.agentId === agent.agentId)!;
    expect(row.state.status).toBe("completed");
    expect(row.stats).toMatchObject({ calls: 2, noAnswer: 1, failed: 1 });
  });

  it("GET /api/admin/stats: the team's totals and per-agent figures for a span", async () => {
    const a = await agentWithCalls();
    const b = await agentWithCalls();
    const from = new Date(Date.now() - 3600_000).toISOString();
    const stats = TeamStatsResponse.parse(await (await get(`/api/admin/stats?from=${from}`)).json());
    const mine = stats.agents.filter((r) => r.agentId === a.agentId || r.agentId === b.agentId);
    expect(mine.map((r) => r.stats.calls)).toEqual([2, 2]);
    expect(stats.total.calls).toBeGreaterThanOrEqual(4);
    expect(stats.total.byHour.reduce((n, h) => n + h.calls, 0)).toBe(stats.total.calls);
    const res = await call("/api/admin/stats?from=2030-01-01T00:00:00Z&to=2029-01-01T00:00:00Z", { headers: ADMIN });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: "validation_failed" } });
  });

  it("GET /api/admin/history filters by agent, outcome and date", async () => {
    const agent = await agentWithCalls();
    const all = AdminHistoryResponse.parse(await (await get(`/api/admin/history?agentId=${agent.agentId}`)).json());
    expect(all.items.map((r) => [r.itemId, r.outcome, r.agentId])).toEqual([["b", "failed", agent.agentId], ["a", "no_answer", agent.agentId]]);
    const failed = AdminHistoryResponse.parse(await (await get(`/api/admin/history?agentId=${agent.agentId}&outcome=failed`)).json());
    expect(failed.items.map((r) => r.itemId)).toEqual(["b"]);
    const future = AdminHistoryResponse.parse(await (await get(`/api/admin/history?agentId=${agent.agentId}&from=2999-01-01T00:00:00Z`)).json());
    expect(future.items).toEqual([]);
    const one = AdminHistoryResponse.parse(await (await get(`/api/admin/history?agentId=${agent.agentId}&limit=1`)).json());
    expect(one).toMatchObject({ truncated: true, items: [{ itemId: "b" }] });
    expect((await call("/api/admin/history?outcome=maybe", { headers: ADMIN })).status).toBe(400);
    expect((await call("/api/admin/history?agentId=00000000-0000-4000-8000-000000000000", { headers: ADMIN })).status).toBe(404);
  });

  it("GET /api/admin/history.csv downloads the same rows as CSV, safe for spreadsheets", async () => {
    const agent = await agentWithCalls();
    const res = await get(`/api/admin/history.csv?agentId=${agent.agentId}`);
    expect(res.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(res.headers.get("content-disposition")).toMatch(/attachment; filename="call-history-\d{4}-\d\d-\d\d\.csv"/);
    const lines = (await res.text()).trim().split("\r\n");
    expect(lines[0]).toBe("agent,agent_id,item_id,contact,phone,outcome,started_at,answered_at,ended_at,duration_seconds,talk_seconds,call_id,reason,recording_url,disposition,note,callback_at,retry_at,reason_code");
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(`,b,"Bob, Jr.",+14155550102,failed,`);
    expect(lines[2]).toContain(`,a,'=HYPERLINK(evil),+14155550101,no_answer,`);
  });

  it("GET /api/admin/agents/:id/history pages one agent's calls; unknown agent 404", async () => {
    const agent = await agentWithCalls();
    const page = (await (await get(`/api/admin/agents/${agent.agentId}/history?limit=1`)).json()) as { items: { itemId: string }[]; nextCursor: string };
    expect(page.items.map((i) => i.itemId)).toEqual(["b"]);
    const next = (await (await get(`/api/admin/agents/${agent.agentId}/history?limit=1&cursor=${page.nextCursor}`)).json()) as { items: { itemId: string }[] };
    expect(next.items.map((i) => i.itemId)).toEqual(["a"]);
    expect((await call("/api/admin/agents/00000000-0000-4000-8000-000000000000/history", { headers: ADMIN })).status).toBe(404);
    expect((await call(`/api/admin/agents/${agent.agentId}/history?cursor=abc`, { headers: ADMIN })).status).toBe(400);
  });

  it("GET /api/admin/audit pages newest first with time and actor", async () => {
    const agent = await enrolledAgent();
    const { entries } = (await (await get("/api/admin/audit?limit=2")).json()) as { entries: { id: number; at: string; actor: string; action: string }[] };
    expect(entries.map((e) => e.action)).toEqual(["agent.enrolled", "agent.created"]);
    expect(entries[0]!.actor).toBe(agent.agentId);
    expect(entries[1]!.actor).toBe("admin-token");
    const older = (await (await get(`/api/admin/audit?limit=1&before=${entries[1]!.id}`)).json()) as { entries: { id: number }[] };
    expect(older.entries[0]!.id).toBeLessThan(entries[1]!.id);
    expect((await call("/api/admin/audit?limit=0", { headers: ADMIN })).status).toBe(400);
  });
});
