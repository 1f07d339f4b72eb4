import { PutSettingsBody, SettingsResponse, WebhookHealthResponse, type WebhookHealth } from "@dialer/shared";
import { intOption, type Args } from "../args";
import type { AdminApi } from "../client";
import { when } from "../format";

/** `settings [--history-months N]`: shows the company's settings, or changes them. */
export async function settings(api: AdminApi, args: Args): Promise<string> {
  const months = intOption("history-months", args["history-months"]);
  const r =
    months === undefined
      ? await api.call(SettingsResponse, "GET", "/api/admin/settings")
      : await api.call(SettingsResponse, "PUT", "/api/admin/settings", PutSettingsBody.parse({ settings: { historyRetentionMonths: months } }));
  if (args.json) return JSON.stringify(r, null, 2);
  const m = r.settings.historyRetentionMonths;
  return [
    `${months === undefined ? "" : "Saved. "}Call history and audit are kept ${m} month${m === 1 ? "" : "s"}; older rows are deleted every night (a run in progress keeps its rows).`,
    months === undefined ? "Change it: pnpm admin settings --history-months <1-120>" : "",
  ]
    .filter(Boolean)
    .join("\n");
}

const STATE: Record<WebhookHealth["state"], string> = {
  unknown: "not checked yet",
  ok: "active",
  reactivated: "re-activated by the worker",
  recreated: "registered again by the worker (it was deleted in Aircall)",
  not_connected: "not registered: run pnpm admin connect",
  error: "the last check failed",
};

/** `webhook [--check]`: is Aircall still delivering to the worker? `--check` asks Aircall now. */
export async function webhook(api: AdminApi, args: Args): Promise<string> {
  const r = args.check
    ? await api.call(WebhookHealthResponse, "POST", "/api/admin/webhook-health/check")
    : await api.call(WebhookHealthResponse, "GET", "/api/admin/webhook-health");
  if (args.json) return JSON.stringify(r, null, 2);
  const h = r.health;
  const rows: [string, string | number | null][] = [
    ["webhook", `${h.webhookId ?? "-"} → ${h.url ?? "-"}`],
    ["state", STATE[h.state] + (h.active === false ? " (inactive in Aircall)" : "")],
    ["last check", h.lastCheckAt ? `${when(h.lastCheckAt)} (${h.lastCheckReason ?? ""})` : "never"],
    ["re-activations", `${h.reactivations}${h.lastReactivatedAt ? `, last ${when(h.lastReactivatedAt)}` : ""}`],
    ["calls without webhooks", h.missingWebhookCalls],
    ["error", h.lastError],
  ];
  return rows.map(([k, v]) => `${k.padEnd(24)}${v ?? "-"}`).join("\n");
}
