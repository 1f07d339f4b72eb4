import { HistoryQuery, StatsQuery } from "@dialer/shared";
import type { Hono } from "hono";
import type { AppEnv } from "../app-env";
import { requireAgent } from "../auth/middleware";
import { dialerFor } from "../lib/stubs";
import { unwrap, valid } from "../lib/validate";
import { ApiError } from "../lib/errors";

/** Default span for stats: today (UTC) until now. */
export function statsSpan(q: { from?: string; to?: string }, now = Date.now()) {
  const to = q.to ? Date.parse(q.to) : now;
  const from = q.from ? Date.parse(q.from) : Math.floor(now / 86_400_000) * 86_400_000;
  if (from >= to) throw new ApiError("validation_failed", "from must be before to");
  return { from, to };
}

export function registerHistory(app: Hono<AppEnv>) {
  app.get("/api/history", requireAgent, valid("query", HistoryQuery), async (c) => {
    const agent = c.get("agent");
    const { limit, cursor } = c.req.valid("query");
    if (cursor !== undefined && !/^\d+$/.test(cursor)) throw new ApiError("validation_failed", "cursor: must come from nextCursor");
    return c.json(unwrap(await dialerFor(c.env, agent.uid).history(agent.sub, limit, cursor)));
  });

  app.get("/api/stats", requireAgent, valid("query", StatsQuery), async (c) => {
    const agent = c.get("agent");
    const { from, to } = statsSpan(c.req.valid("query"));
    return c.json(unwrap(await dialerFor(c.env, agent.uid).stats(agent.sub, from, to)));
  });
}
