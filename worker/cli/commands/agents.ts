import { AgentsResponse, AircallUserResponse, CreateAgentBody, CreateAgentResponse, NewCodeResponse, type AircallUserSummary } from "@dialer/shared";
import * as z from "zod";
import { intOption, UsageError, type Args } from "../args";
import { CliError, type AdminApi } from "../client";
import { table, when } from "../format";

const Removed = z.object({ removed: z.string() });

function agentIdArg(args: Args): string {
  const id = args.positionals[2];
  if (!id) throw new UsageError(`agents ${args.positionals[1]} needs an agent id (see: pnpm admin agents list)`);
  return id;
}

const instruction = (url: string, code: string, name: string) =>
  `Tell ${name}: install the dialer extension, open its options, set the worker URL to ${url} and sign in with the code ${code} (single use, 7 days).`;

/** The Aircall user named by id or email (one V2 look-up in Aircall, through the worker), with the number to dial from. */
async function resolveUser(api: AdminApi, who: string, numberId: number | undefined): Promise<{ user?: AircallUserSummary; userId: number; numberId: number }> {
  if (/^\d+$/.test(who) && numberId) return { userId: Number(who), numberId };
  let user: AircallUserSummary;
  try {
    ({ user } = await api.call(AircallUserResponse, "GET", `/api/admin/aircall/users/${encodeURIComponent(who)}`));
  } catch (err) {
    if (err instanceof CliError && err.code === "not_found") throw new CliError(`No Aircall user "${who}" in this company (see pnpm admin connect for the list).`);
    if (err instanceof CliError && err.code === "validation_failed") throw new UsageError(`--aircall-user must be an Aircall user id or an email address, got "${who}"`);
    throw err;
  }
  if (numberId) return { user, userId: user.id, numberId };
  if (user.numbers.length === 1) return { user, userId: user.id, numberId: user.numbers[0]!.id };
  const choices = user.numbers.map((n) => `${n.id} (${n.digits ?? n.name})`).join(", ") || "none assigned in Aircall";
  throw new UsageError(`--number is needed: ${user.name ?? who} can call from ${choices}`);
}

async function add(api: AdminApi, args: Args): Promise<string> {
  const who = args["aircall-user"];
  if (!who) throw new UsageError("agents add needs --aircall-user <id or email>");
  const { user, userId, numberId } = await resolveUser(api, who, intOption("number", args.number));
  const body = CreateAgentBody.parse({ aircallUserId: userId, numberId, name: args.name ?? user?.name ?? undefined, role: args.admin ? "admin" : "agent" });
  const created = await api.call(CreateAgentResponse, "POST", "/api/admin/agents", body);
  if (args.json) return JSON.stringify(created, null, 2);
  const name = body.name ?? `Aircall user ${userId}`;
  return [`Enrolled ${name} (agent ${created.agentId}, Aircall user ${userId}, number ${numberId}${args.admin ? ", admin" : ""}).`, `Enrolment code: ${created.enrollmentCode}  (expires ${when(created.expiresAt)})`, instruction(api.url, created.enrollmentCode, name)].join("\n");
}

export async function agents(api: AdminApi, args: Args): Promise<string> {
  const sub = args.positionals[1];
  if (sub === "add") return add(api, args);
  if (sub === "list") {
    const { agents } = await api.call(AgentsResponse, "GET", "/api/admin/agents");
    if (args.json) return JSON.stringify({ agents }, null, 2);
    if (!agents.length) return "No agents yet. Add one: pnpm admin agents add --aircall-user <id or email> --number <id>";
    return table(["agent id", "name", "aircall user", "number", "role", "enrolled"], agents.map((a) => [a.agentId, a.name, a.aircallUserId, a.numberId, a.role, a.enrolledAt ? when(a.enrolledAt) : "not yet"]));
  }
  if (sub === "remove") {
    const r = await api.call(Removed, "DELETE", `/api/admin/agents/${encodeURIComponent(agentIdArg(args))}`);
    return args.json ? JSON.stringify(r) : `Removed agent ${r.removed}: its run stopped and its sessions ended.`;
  }
  if (sub === "code") {
    const r = await api.call(NewCodeResponse, "POST", `/api/admin/agents/${encodeURIComponent(agentIdArg(args))}/code`);
    return args.json ? JSON.stringify(r, null, 2) : [`New enrolment code: ${r.enrollmentCode}  (expires ${when(r.expiresAt)}; the previous code no longer works)`, instruction(api.url, r.enrollmentCode, "the agent")].join("\n");
  }
  throw new UsageError(`unknown: agents ${sub ?? ""}. Use agents list | add | remove | code`);
}
