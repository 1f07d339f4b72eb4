import { ConnectResponse } from "@dialer/shared";
import type { Args } from "../args";
import type { AdminApi } from "../client";
import { table } from "../format";

/** `connect [--webhook-url URL]`: one step from API key to webhook; safe to run again. */
export async function connect(api: AdminApi, args: Args): Promise<string> {
  const body = args["webhook-url"] ? { webhookUrl: args["webhook-url"] } : {};
  const r = await api.call(ConnectResponse, "POST", "/api/admin/connect", body);
  if (args.json) return JSON.stringify(r, null, 2);
  const verb = { created: "registered", updated: "already registered, updated", reactivated: "was disabled by Aircall, re-activated" }[r.action];
  return [
    `Aircall accepted the API key. Webhook ${verb}: ${r.webhook.url} (${r.webhook.events.length} events, ${r.webhook.active ? "active" : "inactive"}).`,
    "The webhook's token is stored in the worker: nothing to copy.",
    ...r.warnings.map((w) => `Warning: ${w}`),
    "",
    `Users (${r.users.length}):`,
    table(["id", "name", "email", "availability", "numbers"], r.users.map((u) => [u.id, u.name, u.email, u.availability, u.numbers.map((n) => `${n.id} ${n.digits ?? ""}`.trim()).join(", ")])),
    "",
    `Numbers (${r.numbers.length}):`,
    table(["id", "name", "digits", "country"], r.numbers.map((n) => [n.id, n.name, n.digits, n.country])),
    "",
    "Next: pnpm admin agents add --aircall-user <id or email> --number <number id>",
  ].join("\n");
}
