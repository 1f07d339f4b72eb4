import { DoctorReport, SUBSCRIBED_EVENTS, type DoctorAgent, type DoctorSecret } from "@dialer/shared";
import type { Hono } from "hono";
import type { AppEnv } from "../app-env";
import type { AircallApi } from "../aircall/api";
import { AircallError } from "../aircall/client";
import { findOurWebhook, listWebhooks } from "../aircall/connect";
import { aircallFor } from "../aircall/factory";
import { WEBHOOK_SETTING, type StoredWebhook } from "../aircall/webhook-token";
import { directory } from "../lib/stubs";
import { valid } from "../lib/validate";
import { MIN_ADMIN_TOKEN, MIN_JWT_SECRET, settings, type Settings } from "../settings";
import { agentOr404, AgentParam } from "./admin-team";

/**
 * What `pnpm admin doctor` checks from inside the deployment (the CLI holds no Aircall key): the
 * secrets by presence and length (never their values), the Aircall key and its rate limit, the
 * webhook, the clocks, and — one request per agent, so none waits long for Aircall's budget — each
 * enrolled agent's Aircall user and number through V2. Reads only: nothing is repaired here.
 */
export function registerAdminDoctor(app: Hono<AppEnv>) {
  app.get("/api/admin/doctor", async (c) => {
    const s = settings(c.env);
    const api = aircallFor(c.env);
    const aircall = await checkKey(api);
    const expectedUrl = `${new URL(c.req.url).origin}/webhooks/aircall`;
    const webhook = aircall.keyValid ? await checkWebhook(api, (await directory(c.env).getSetting(WEBHOOK_SETTING)) as StoredWebhook | null, expectedUrl) : { ...noWebhook(expectedUrl), error: "not checked: Aircall refused the key" };
    const report: DoctorReport = {
      serverTime: new Date().toISOString(),
      secrets: secretsOf(s),
      allowedOrigins: s.ALLOWED_ORIGINS.split(",").map((o) => o.trim()).filter(Boolean),
      rateLimitPerMin: s.AIRCALL_RATE_LIMIT_PER_MIN,
      aircall,
      webhook,
    };
    return c.json(DoctorReport.parse(report));
  });

  app.get("/api/admin/doctor/agents/:agentId", valid("param", AgentParam), async (c) => {
    const agent = await agentOr404(c.env, c.req.valid("param").agentId);
    return c.json({ agent: await checkAgent(aircallFor(c.env), agent) });
  });
}

/** Presence and length of each secret: enough to say what to fix, nothing to guess from. */
export function secretsOf(s: Settings): DoctorSecret[] {
  const one = (name: keyof Settings, minLength: number, required = true): DoctorSecret => {
    const value = String(s[name] ?? "");
    return { name, present: value.length > 0, length: value.length, minLength, required };
  };
  return [one("AIRCALL_API_ID", 0), one("AIRCALL_API_TOKEN", 0), one("AIRCALL_WEBHOOK_TOKEN", 0, false), one("ADMIN_TOKEN", MIN_ADMIN_TOKEN), one("JWT_SECRET", MIN_JWT_SECRET)];
}

function explain(err: unknown): string {
  if (err instanceof AircallError) return err.status === 0 ? err.message : `Aircall answered ${err.message}`;
  return (err as Error).message ?? String(err);
}

/** GET /v1/ping: is the key valid, the company's X-AircallApi-Limit, and Aircall's clock against ours. */
async function checkKey(api: AircallApi): Promise<DoctorReport["aircall"]> {
  const sentAt = Date.now();
  try {
    const res = await api.http.request("GET", "/v1/ping", { safe: true });
    const now = (sentAt + Date.now()) / 2;
    const limit = Number(res.headers.get("x-aircallapi-limit"));
    const date = Date.parse(res.headers.get("date") ?? "");
    const ok = res.status >= 200 && res.status < 300;
    return {
      keyValid: ok,
      error: ok ? null : res.status === 401 || res.status === 403 ? `Aircall refused the API ID and token (${res.status})` : `Aircall answered ${res.status}`,
      limitPerMin: Number.isInteger(limit) && limit > 0 ? limit : null,
      // the Date header has whole seconds: anything under a second is noise
      clockSkewMs: Number.isFinite(date) ? Math.round(date - now) : null,
    };
  } catch (err) {
    return { keyValid: false, error: explain(err), limitPerMin: null, clockSkewMs: null };
  }
}

const noWebhook = (expectedUrl: string): DoctorReport["webhook"] => ({ expectedUrl, storedId: null, found: false, id: null, url: null, active: null, missingEvents: [], error: null });

async function checkWebhook(api: AircallApi, stored: StoredWebhook | null, expectedUrl: string): Promise<DoctorReport["webhook"]> {
  const base = { ...noWebhook(expectedUrl), storedId: stored?.webhookId ?? null };
  try {
    const hook = findOurWebhook(await listWebhooks(api), stored, expectedUrl);
    if (!hook) return base;
    return { ...base, found: true, id: hook.webhook_id, url: hook.url, active: hook.active, missingEvents: SUBSCRIBED_EVENTS.filter((e) => !hook.events.includes(e)) };
  } catch (err) {
    return { ...base, error: explain(err) };
  }
}

/** GET /v2/users/:id and GET /v2/users/:id/numbers: the user still exists and may call from the number. */
async function checkAgent(api: AircallApi, agent: { agentId: string; name: string | null; aircallUserId: number; numberId: number }): Promise<DoctorAgent> {
  const base = { agentId: agent.agentId, name: agent.name, aircallUserId: agent.aircallUserId, numberId: agent.numberId };
  try {
    const user = await api.getUserV2(agent.aircallUserId);
    if (!user) return { ...base, user: "missing", number: "unknown", error: null };
    const numbers = await api.listUserNumbers(agent.aircallUserId);
    return { ...base, user: "ok", number: numbers.some((n) => Number(n.id) === agent.numberId) ? "ok" : "missing", error: null };
  } catch (err) {
    return { ...base, user: "error", number: "unknown", error: explain(err) };
  }
}
