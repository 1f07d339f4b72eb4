import { CreateAgentBody, HistoryQuery, StatsQuery } from "@dialer/shared";
import type { Hono } from "hono";
import * as z from "zod";
import type { AppEnv } from "../app-env";
import { requireAdmin } from "../auth/middleware";
import { ApiError } from "../lib/errors";
import { dialerFor, directory } from "../lib/stubs";
import { unwrap, valid } from "../lib/validate";
import { statsSpan } from "./history";

const AgentParam = z.object({ agentId: z.string().uuid("agentId: must be an agent id") });
const AuditQuery = z.object({ limit: z.coerce.number().int().min(1).max(500).default(100), before: z.coerce.number().int().optional() });

async function agentOr404(env: Env, agentId: string) {
  const agent = await directory(env).getAgent(agentId);
  if (!agent) throw new ApiError("not_found", "no such agent");
  return agent;
}

export function registerAdmin(app: Hono<AppEnv>) {
  app.use("/api/admin/*", requireAdmin);

  app.post("/api/admin/agents", valid("json", CreateAgentBody), async (c) => {
    const body = c.req.valid("json");
    const created = unwrap(await directory(c.env).createAgent(body, c.get("actor")));
    const { agent } = created;
    await dialerFor(c.env, agent.aircallUserId).configure({ agentId: agent.agentId, aircallUserId: agent.aircallUserId, numberId: agent.numberId, name: agent.name, enabled: true });
    return c.json({ agentId: agent.agentId, enrollmentCode: created.code, expiresAt: new Date(created.expiresAt).toISOString() }, 201);
  });

  app.get("/api/admin/agents", async (c) => c.json({ agents: await directory(c.env).listAgents() }));

  app.post("/api/admin/agents/:agentId/code", valid("param", AgentParam), async (c) => {
    const issued = unwrap(await directory(c.env).newCode(c.req.valid("param").agentId, c.get("actor")));
    return c.json({ enrollmentCode: issued.code, expiresAt: new Date(issued.expiresAt).toISOString() });
  });

  app.delete("/api/admin/agents/:agentId", valid("param", AgentParam), async (c) => {
    const agent = unwrap(await directory(c.env).removeAgent(c.req.valid("param").agentId, c.get("actor")));
    await dialerFor(c.env, agent.aircallUserId).disable();
    return c.json({ removed: agent.agentId });
  });

  /** Every agent with live state and today's figures: the team dashboard's first paint. */
  app.get("/api/admin/team", valid("query", StatsQuery), async (c) => {
    const { from, to } = statsSpan(c.req.valid("query"));
    const agents = await directory(c.env).listAgents();
    const rows = await Promise.all(
      agents.map(async (agent) => {
        const dialer = dialerFor(c.env, agent.aircallUserId);
        const [state, stats] = await Promise.all([dialer.snapshot(), dialer.stats(undefined, from, to)]);
        return { agent, state: unwrap(state), stats: unwrap(stats) };
      }),
    );
    return c.json({ agents: rows });
  });

  app.get("/api/admin/agents/:agentId/history", valid("param", AgentParam), valid("query", HistoryQuery), async (c) => {
    const agent = await agentOr404(c.env, c.req.valid("param").agentId);
    const { limit, cursor } = c.req.valid("query");
    return c.json(unwrap(await dialerFor(c.env, agent.aircallUserId).history(agent.agentId, limit, cursor)));
  });

  app.get("/api/admin/audit", valid("query", AuditQuery), async (c) => {
    const { limit, before } = c.req.valid("query");
    return c.json({ entries: await directory(c.env).listAudit(limit, before) });
  });
}
