import { PutSettingsBody, SettingsResponse, WebhookHealthResponse, type WebhookHealth } from "@dialer/shared";
import { intOption, UsageError, type Args } from "../args";
import type { AdminApi } from "../client";
import { when } from "../format";

const DAY_NAMES = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/** "mon-fri", "1,2,3,4,5", "sat,sun", "all" → [1..7] numbers (1 = Monday). */
export function daysOption(value: string | undefined): number[] | undefined {
  if (value === undefined) return undefined;
  const day = (t: string) => {
    const i = /^[1-7]$/.test(t) ? Number(t) : DAY_NAMES.indexOf(t.slice(0, 3)) + 1;
    if (i < 1) throw new UsageError(`--days: "${t}" is not a day (mon…sun or 1…7)`);
    return i;
  };
  const v = value.trim().toLowerCase();
  if (v === "all" || v === "every day") return [1, 2, 3, 4, 5, 6, 7];
  const out = new Set<number>();
  for (const part of v.split(",").map((p) => p.trim()).filter(Boolean)) {
    const [a, b] = part.split("-");
    if (b === undefined) out.add(day(a!));
    else for (let d = day(a!), end = day(b); ; d = (d % 7) + 1) {
      out.add(d);
      if (d === end) break;
    }
  }
  if (!out.size) throw new UsageError("--days needs at least one day, e.g. mon-fri");
  return [...out].sort((x, y) => x - y);
}

/** "08:00-21:00" → { start, end }. */
export function hoursOption(value: string | undefined): { start: string; end: string } | undefined {
  if (value === undefined) return undefined;
  const m = /^(\d{1,2}:\d{2})\s*[-–]\s*(\d{1,2}:\d{2})$/.exec(value.trim());
  if (!m) throw new UsageError(`--calling-hours must look like 08:00-21:00, got "${value}"`);
  const pad = (t: string) => t.padStart(5, "0");
  return { start: pad(m[1]!), end: pad(m[2]!) };
}

function onOff(name: string, value: string | undefined): boolean | undefined {
  if (value === undefined) return undefined;
  if (/^(on|true|yes)$/i.test(value)) return true;
  if (/^(off|false|no)$/i.test(value)) return false;
  throw new UsageError(`--${name} must be on or off, got "${value}"`);
}

/**
 * `settings [--history-months N] [--calling-hours HH:MM-HH:MM] [--days D] [--local-presence on|off]`:
 * shows the company's settings, or changes the ones given.
 */
export async function settings(api: AdminApi, args: Args): Promise<string> {
  const months = intOption("history-months", args["history-months"]);
  const hours = hoursOption(args["calling-hours"]);
  const days = daysOption(args.days);
  const localPresence = onOff("local-presence", args["local-presence"]);
  const patch: Record<string, unknown> = {};
  if (months !== undefined) patch.historyRetentionMonths = months;
  if (hours || days) {
    const current = hours && days ? null : (await api.call(SettingsResponse, "GET", "/api/admin/settings")).settings.callingHours;
    patch.callingHours = { ...(current ?? {}), ...(hours ?? {}), ...(days ? { days } : {}) };
  }
  if (localPresence !== undefined) patch.localPresence = localPresence;
  const changing = Object.keys(patch).length > 0;
  const r = changing
    ? await api.call(SettingsResponse, "PUT", "/api/admin/settings", PutSettingsBody.parse({ settings: patch }))
    : await api.call(SettingsResponse, "GET", "/api/admin/settings");
  if (args.json) return JSON.stringify(r, null, 2);
  const m = r.settings.historyRetentionMonths;
  const ch = r.settings.callingHours;
  return [
    `${changing ? "Saved. " : ""}Call history and audit are kept ${m} month${m === 1 ? "" : "s"}; older rows are deleted every night (a run in progress keeps its rows).`,
    `Calling hours: ${ch.start}–${ch.end} the callee's local time, ${describeDays(ch.days)}, in every time zone the number may be in.`,
    `Local presence: ${r.settings.localPresence ? "on (calls go out from the agent's Aircall number that best matches the callee)" : "off"}.`,
    changing ? "" : "Change them: pnpm admin settings [--history-months <1-120>] [--calling-hours 08:00-21:00] [--days mon-fri] [--local-presence on|off]",
  ]
    .filter(Boolean)
    .join("\n");
}

function describeDays(days: number[]): string {
  if (days.length === 7) return "every day";
  return days.map((d) => DAY_NAMES[d - 1]![0]!.toUpperCase() + DAY_NAMES[d - 1]!.slice(1)).join(", ");
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
