import { HistoryQuery, StatsQuery, type Agent } from "@dialer/shared";
import type { Hono } from "hono";
import * as z from "zod";
import type { AppEnv } from "../app-env";
import { mergeStats } from "../directory/team-stats";
import { ApiError } from "../lib/errors";
import { dialerFor, directory } from "../lib/stubs";
import { unwrap, valid } from "../lib/validate";
import { statsSpan } from "./history";

export const AgentParam = z.object({ agentId: z.string().uuid("agentId: must be an agent id") });
const AuditQuery = z.object({ limit: z.coerce.number().int().min(1).max(500).default(100), before: z.coerce.number().int().optional() });

export async function agentOr404(env: Env, agentId: string): Promise<Agent> {
  const agent = await directory(env).getAgent(agentId);
  if (!agent) throw new ApiError("not_found", "no such agent");
  return agent;
}

async function agentStats(env: Env, agents: Agent[], from: number, to: number) {
  return Promise.all(agents.map(async (agent) => ({ agent, stats: unwrap(await dialerFor(env, agent.aircallUserId).stats(undefined, from, to)) })));
}

/** The team's live state and figures, one agent's history, the audit trail. */
export function registerAdminTeam(app: Hono<AppEnv>) {
  /** Every agent with live state and figures for the span (default today, UTC): the dashboard's first paint. */
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

  /** The team's figures over a span, in total and per agent. */
  app.get("/api/admin/stats", valid("query", StatsQuery), async (c) => {
    const { from, to } = statsSpan(c.req.valid("query"));
    const rows = await agentStats(c.env, await directory(c.env).listAgents(), from, to);
    return c.json({
      from: new Date(from).toISOString(),
      to: new Date(to).toISOString(),
      total: mergeStats(rows.map((r) => r.stats), from, to),
      agents: rows.map((r) => ({ agentId: r.agent.agentId, name: r.agent.name, stats: r.stats })),
    });
  });

  app.get("/api/admin/agents/:agentId/history", valid("param", AgentParam), valid("query", HistoryQuery), async (c) => {
    const agent = await agentOr404(c.env, c.req.valid("param").agentId);
    const { limit, cursor } = c.req.valid("query");
    if (cursor !== undefined && !/^\d+$/.test(cursor)) throw new ApiError("validation_failed", "cursor: must come from nextCursor");
    return c.json(unwrap(await dialerFor(c.env, agent.aircallUserId).history(agent.agentId, limit, cursor)));
  });

  app.get("/api/admin/audit", valid("query", AuditQuery), async (c) => {
    const { limit, before } = c.req.valid("query");
    return c.json({ entries: await directory(c.env).listAudit(limit, before) });
  });
}
