import { AuditResponse, TeamStatsResponse } from "@dialer/shared";
import { intOption, isoOption, type Args } from "../args";
import type { AdminApi } from "../client";
import { duration, percent, startOfLocalDay, table, when } from "../format";

/** `stats [--from --to]`: the team's figures (default: today in the admin's time zone). */
export async function stats(api: AdminApi, args: Args): Promise<string> {
  const q = new URLSearchParams();
  const from = isoOption("from", args.from) ?? startOfLocalDay().toISOString();
  const to = isoOption("to", args.to);
  if (from) q.set("from", from);
  if (to) q.set("to", to);
  const r = await api.call(TeamStatsResponse, "GET", `/api/admin/stats${q.size ? `?${q}` : ""}`);
  if (args.json) return JSON.stringify(r, null, 2);
  const row = (name: string, s: typeof r.total) => [
    name, s.calls, s.answered, percent(s.answerRate), s.noAnswer, s.failed, duration(s.talkSeconds), s.callsPerHour,
    s.conversations ?? 0, percent(s.connectRate ?? 0), s.voicemails ?? 0, s.notRecorded ?? 0,
  ];
  return [
    `From ${when(r.from)} to ${when(r.to)}`,
    table(
      ["agent", "calls", "answered", "rate", "no answer", "failed", "talk", "calls/h", "conversations", "connect", "voicemails", "not recorded"],
      [...r.agents.map((a) => row(a.name ?? a.agentId, a.stats)), row("TEAM", r.total)],
    ),
    "connect = conversations (wrapped up as a person reached) / calls; not recorded = answered calls nobody wrapped up.",
  ].join("\n");
}

/** `audit [--limit N]`: who did what, newest first. */
export async function audit(api: AdminApi, args: Args): Promise<string> {
  const limit = intOption("limit", args.limit) ?? 50;
  const r = await api.call(AuditResponse, "GET", `/api/admin/audit?limit=${Math.min(limit, 500)}`);
  if (args.json) return JSON.stringify(r, null, 2);
  if (!r.entries.length) return "The audit trail is empty.";
  return table(["time", "actor", "action", "detail"], r.entries.map((e) => [when(e.at), e.actor, e.action, JSON.stringify(e.detail)]));
}
