import { AdminHistoryQuery, type AdminHistoryRow, type Agent, type HistoryEntry } from "@dialer/shared";
import type { Hono } from "hono";
import type { AppEnv } from "../app-env";
import { historyCsv } from "../directory/history-csv";
import { ApiError } from "../lib/errors";
import { dialerFor, directory } from "../lib/stubs";
import { unwrap, valid } from "../lib/validate";
import { agentOr404 } from "./admin-team";

const PAGE = 500;
/** `at` is always set (dial or skip time) and orders the history; skipped entries have no startedAt. */
const timeOf = (e: HistoryEntry) => Date.parse(e.at);

/** One agent's entries in [from, to) with the outcome asked for, newest first, at most `limit` (+1 to tell truncation). */
async function agentRows(env: Env, agent: Agent, q: AdminHistoryQuery, from: number, to: number): Promise<AdminHistoryRow[]> {
  const rows: AdminHistoryRow[] = [];
  const dialer = dialerFor(env, agent.aircallUserId);
  let cursor: string | undefined;
  do {
    const page = unwrap(await dialer.history(agent.agentId, PAGE, cursor));
    for (const e of page.items) {
      const t = timeOf(e);
      if (t >= to || (q.outcome && e.outcome !== q.outcome)) continue;
      if (t < from) return rows; // newest first: the rest is older still
      rows.push({ ...e, agentId: agent.agentId, agentName: agent.name });
      if (rows.length > q.limit) return rows;
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return rows;
}

async function teamHistory(env: Env, q: AdminHistoryQuery) {
  const from = q.from ? Date.parse(q.from) : 0;
  const to = q.to ? Date.parse(q.to) : Number.MAX_SAFE_INTEGER;
  if (from >= to) throw new ApiError("validation_failed", "from must be before to");
  const agents = q.agentId ? [await agentOr404(env, q.agentId)] : await directory(env).listAgents();
  const all = (await Promise.all(agents.map((a) => agentRows(env, a, q, from, to)))).flat();
  all.sort((a, b) => timeOf(b) - timeOf(a));
  return { items: all.slice(0, q.limit), truncated: all.length > q.limit };
}

/** The team's call history with filters (agent, outcome, dates), as JSON or as a CSV download. */
export function registerAdminHistory(app: Hono<AppEnv>) {
  app.get("/api/admin/history", valid("query", AdminHistoryQuery), async (c) => c.json(await teamHistory(c.env, c.req.valid("query"))));

  app.get("/api/admin/history.csv", valid("query", AdminHistoryQuery), async (c) => {
    const { items } = await teamHistory(c.env, c.req.valid("query"));
    const day = new Date().toISOString().slice(0, 10);
    return c.body(historyCsv(items), 200, {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="call-history-${day}.csv"`,
    });
  });
}
