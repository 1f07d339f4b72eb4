/**
 * `pnpm admin doctor`'s verdicts: pure functions from what the worker reported (and what this
 * computer saw) to checks, each "ok", "warn" or "fail" with what to do. Any "fail" exits 1.
 */
import type { DoctorAgent, DoctorReport } from "@dialer/shared";

export type Status = "ok" | "warn" | "fail";
export type Check = { name: string; status: Status; detail: string; fix?: string };

const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/;
/** Aircall's Date header has whole seconds: up to this much is noise. */
export const SKEW_WARN_MS = 5_000;
/** Beyond this the worker misreads X-AircallApi-Reset and waits too little or too long. */
export const SKEW_FAIL_MS = 30_000;
/** This computer against the worker (Cloudflare's clocks are right: this one is probably off). */
export const LOCAL_SKEW_WARN_MS = 60_000;

export function checkAddress(url: string): Check {
  const u = new URL(url);
  if (u.protocol === "https:") return { name: "worker address", status: "ok", detail: `${u.origin} uses https` };
  if (LOOPBACK.test(u.hostname)) return { name: "worker address", status: "warn", detail: `${u.origin} is plain http on this computer: fine for local development only`, fix: "Agents need the worker's https address (https://<name>.<account>.workers.dev or your own domain)." };
  return { name: "worker address", status: "fail", detail: `${u.origin} is plain http: the extension refuses it and tokens would travel in clear`, fix: "Use the worker's https address in --url / DIALER_URL and in the agents' options." };
}

export function checkReachable(health: { ok: boolean; detail: string }): Check {
  return health.ok
    ? { name: "worker reachable", status: "ok", detail: health.detail }
    : { name: "worker reachable", status: "fail", detail: health.detail, fix: "Deploy the worker (pnpm --filter @dialer/worker deploy) and check --url / DIALER_URL." };
}

export function checkLocalClock(skewMs: number | null): Check {
  if (skewMs === null) return { name: "clock (this computer)", status: "warn", detail: "the worker's /health gave no time to compare" };
  const s = Math.round(skewMs / 1000);
  if (Math.abs(skewMs) <= LOCAL_SKEW_WARN_MS) return { name: "clock (this computer)", status: "ok", detail: `this computer and the worker agree within ${Math.max(1, Math.abs(s))} s` };
  return { name: "clock (this computer)", status: "warn", detail: `this computer's clock is ${Math.abs(s)} s ${skewMs > 0 ? "behind" : "ahead of"} the worker's`, fix: "Synchronise this computer's clock (NTP): the dates you pass to stats and audit are read by it." };
}

export function checkSecrets(r: DoctorReport): Check[] {
  return r.secrets.map((s): Check => {
    const name = `secret ${s.name}`;
    const put = `wrangler secret put ${s.name}`;
    if (!s.present && !s.required) return { name, status: "ok", detail: "not set: the webhook token `pnpm admin connect` stored in the worker is used" };
    if (!s.present) return { name, status: "fail", detail: "missing", fix: s.minLength ? `${put} (at least ${s.minLength} random characters, e.g. openssl rand -hex 32)` : `${put} (from Aircall: Integrations & API → API keys)` };
    if (s.length < s.minLength) return { name, status: "fail", detail: `${s.length} characters, needs at least ${s.minLength}`, fix: `${put} with openssl rand -hex 32` };
    return { name, status: "ok", detail: `set (${s.length} characters)` };
  });
}

/** The worker answered 503 "misconfigured": it names the setting to fix and serves nothing else. */
export function misconfigured(message: string): Check {
  return { name: "secrets", status: "fail", detail: `the worker refuses every request: ${message}` };
}

export function checkOrigins(r: DoctorReport): Check {
  const name = "ALLOWED_ORIGINS";
  if (!r.allowedOrigins.length) return { name, status: "warn", detail: "empty: browsers get no CORS answer from the worker", fix: "Set ALLOWED_ORIGINS to chrome-extension://<your extension id> (README: a stable extension id)." };
  if (r.allowedOrigins.some((o) => o === "chrome-extension://*" || o === "*")) return { name, status: "warn", detail: `${r.allowedOrigins.join(", ")}: any extension's pages may call the worker`, fix: "Pin it to your extension: chrome-extension://<id> (the id is fixed by the manifest key or by the Chrome Web Store; README: a stable extension id)." };
  return { name, status: "ok", detail: r.allowedOrigins.join(", ") };
}

export function checkAircallKey(r: DoctorReport): Check {
  if (r.aircall.keyValid) return { name: "Aircall API key", status: "ok", detail: "Aircall accepted AIRCALL_API_ID and AIRCALL_API_TOKEN" };
  return { name: "Aircall API key", status: "fail", detail: r.aircall.error ?? "refused", fix: "Create an API key in Aircall (Integrations & API → API keys), then wrangler secret put AIRCALL_API_ID and AIRCALL_API_TOKEN." };
}

export function checkRateLimit(r: DoctorReport): Check {
  const name = "rate limit";
  const mine = r.rateLimitPerMin;
  if (!r.aircall.keyValid) return { name, status: "warn", detail: `AIRCALL_RATE_LIMIT_PER_MIN is ${mine}; not compared: Aircall refused the key` };
  const limit = r.aircall.limitPerMin;
  if (limit === null) return { name, status: "warn", detail: `AIRCALL_RATE_LIMIT_PER_MIN is ${mine}; Aircall sent no X-AircallApi-Limit to compare with` };
  if (mine > limit) return { name, status: "fail", detail: `AIRCALL_RATE_LIMIT_PER_MIN is ${mine} but Aircall allows this company ${limit} requests a minute: the dialer would spend Aircall's budget and meet 429s`, fix: `Set AIRCALL_RATE_LIMIT_PER_MIN to ${limit} or less (wrangler.jsonc vars), leaving room for other integrations on the same key, and deploy.` };
  return { name, status: "ok", detail: `AIRCALL_RATE_LIMIT_PER_MIN ${mine} ≤ Aircall's X-AircallApi-Limit ${limit}${mine === limit ? " (other integrations on this company share it: a lower setting leaves them room)" : ""}` };
}

export function checkAircallClock(r: DoctorReport): Check {
  const name = "clock (worker vs Aircall)";
  const skew = r.aircall.clockSkewMs;
  if (skew === null) return { name, status: r.aircall.keyValid ? "warn" : "ok", detail: r.aircall.keyValid ? "Aircall sent no Date header to compare with" : "not compared: Aircall refused the key" };
  const s = Math.round(Math.abs(skew) / 1000);
  if (Math.abs(skew) <= SKEW_WARN_MS) return { name, status: "ok", detail: `within ${Math.max(1, s)} s` };
  const detail = `Aircall's clock is ${s} s ${skew > 0 ? "ahead of" : "behind"} the worker's: waits for X-AircallApi-Reset come out ${skew > 0 ? "too short" : "too long"}`;
  return Math.abs(skew) <= SKEW_FAIL_MS ? { name, status: "warn", detail } : { name, status: "fail", detail, fix: "The worker's clock is Cloudflare's: if this persists, report it to Cloudflare; a proxy in front of Aircall (AIRCALL_API_BASE) may be rewriting Date." };
}

export function checkWebhook(r: DoctorReport): Check {
  const name = "Aircall webhook";
  const w = r.webhook;
  const connect = "Run pnpm admin connect (registers or repairs it, and stores its token in the worker).";
  if (!r.aircall.keyValid) return { name, status: "fail", detail: "not checked: Aircall refused the key", fix: connect };
  if (w.error) return { name, status: "fail", detail: `Aircall's webhook list could not be read: ${w.error}` };
  if (!w.found) return { name, status: "fail", detail: w.storedId ? `webhook ${w.storedId} is gone from Aircall and none points at ${w.expectedUrl}` : `no webhook registered for ${w.expectedUrl}`, fix: connect };
  if (w.url !== w.expectedUrl) return { name, status: "fail", detail: `webhook ${w.id} delivers to ${w.url}, not to this worker (${w.expectedUrl})`, fix: connect };
  if (w.active === false) return { name, status: "fail", detail: `webhook ${w.id} is disabled in Aircall (after failed deliveries): calls are only found through the slower REST fallback`, fix: "Run pnpm admin webhook --check (re-activates it) and look for the deliveries' errors in the worker's logs." };
  if (w.missingEvents.length) return { name, status: "fail", detail: `webhook ${w.id} misses the events ${w.missingEvents.join(", ")}`, fix: connect };
  const token = r.secrets.find((s) => s.name === "AIRCALL_WEBHOOK_TOKEN")?.present;
  if (!w.storedId && !token) return { name, status: "fail", detail: `webhook ${w.id} points here but the worker holds no token to verify its deliveries (they are refused)`, fix: connect };
  return { name, status: "ok", detail: `webhook ${w.id} active, delivers to ${w.url}` };
}

export function checkAgent(a: DoctorAgent): Check {
  const who = `${a.name ?? "agent"} (${a.agentId})`;
  const name = `agent ${a.name ?? a.agentId}`;
  const redo = `pnpm admin agents remove ${a.agentId}, then pnpm admin agents add --aircall-user <id or email> --number <id>`;
  if (a.user === "error") return { name, status: "fail", detail: `${who}: Aircall user ${a.aircallUserId} could not be read: ${a.error ?? "unknown error"}` };
  if (a.user === "missing") return { name, status: "fail", detail: `${who}: Aircall user ${a.aircallUserId} no longer exists`, fix: redo };
  if (a.number === "missing") return { name, status: "fail", detail: `${who}: Aircall user ${a.aircallUserId} can no longer call from number ${a.numberId}`, fix: redo };
  return { name, status: "ok", detail: `${who}: Aircall user ${a.aircallUserId}, number ${a.numberId}` };
}

export function noAgents(): Check {
  return { name: "agents", status: "warn", detail: "no agent is enrolled yet", fix: "pnpm admin agents add --aircall-user <id or email>" };
}

const MARK: Record<Status, string> = { ok: "OK  ", warn: "WARN", fail: "FAIL" };

export function render(checks: Check[]): string {
  const width = Math.max(...checks.map((c) => c.name.length));
  const lines = checks.flatMap((c) => [`${MARK[c.status]}  ${c.name.padEnd(width)}  ${c.detail}`, ...(c.fix && c.status !== "ok" ? [`      ${"".padEnd(width)}  → ${c.fix}`] : [])]);
  const fails = checks.filter((c) => c.status === "fail").length;
  const warns = checks.filter((c) => c.status === "warn").length;
  lines.push("", fails ? `${fails} problem${fails === 1 ? "" : "s"} to fix${warns ? `, ${warns} warning${warns === 1 ? "" : "s"}` : ""}.` : `All checks passed${warns ? ` (${warns} warning${warns === 1 ? "" : "s"})` : ""}.`);
  return lines.join("\n");
}

export const exitCode = (checks: Check[]) => (checks.some((c) => c.status === "fail") ? 1 : 0);
