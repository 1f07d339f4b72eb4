/**
 * The health of the webhook `connect` registered. Aircall disables a webhook after repeated failed
 * deliveries, and then the dialer only learns about calls through the REST fallback. When that
 * keeps happening the Directory checks the webhook (GET /v1/webhooks/:id, at most once per
 * CHECK_INTERVAL_MS) and turns it back on: PUT {active, url, events} (never without `events`, which
 * would subscribe it to every event), or registers it again when Aircall no longer has it.
 */
import { SUBSCRIBED_EVENTS, type AircallWebhook, type WebhookHealth } from "@dialer/shared";
import * as z from "zod";
import type { AircallApi } from "./api";
import { AircallError } from "./client";
import { findOurWebhook, listWebhooks, WEBHOOK_NAME } from "./connect";
import { forgetWebhookToken, type StoredWebhook } from "./webhook-token";

export const WEBHOOK_HEALTH_SETTING = "aircall.webhook.health";
export const CHECK_INTERVAL_MS = 60_000;
/** At most this many missing webhooks are counted per report (a bad caller cannot inflate it). */
const MAX_REPORT = 1_000;

export type HealthStore = {
  health(): WebhookHealth | null;
  putHealth(health: WebhookHealth): void;
  stored(): StoredWebhook | null;
  putStored(webhook: StoredWebhook): void;
  audit(actor: string, action: string, detail: Record<string, unknown>): void;
};

export const emptyHealth = (): WebhookHealth => ({
  state: "unknown",
  webhookId: null,
  url: null,
  active: null,
  lastCheckAt: null,
  lastCheckReason: null,
  lastReactivatedAt: null,
  reactivations: 0,
  missingWebhookCalls: 0,
  lastError: null,
});

const iso = (ms: number) => new Date(ms).toISOString();

/** A count of missing webhooks as the Directory accepts it: a whole number in 0..MAX_REPORT. */
export function reportedCount(count: unknown): number {
  const n = typeof count === "number" && Number.isFinite(count) ? Math.floor(count) : 0;
  return Math.max(0, Math.min(n, MAX_REPORT));
}

/** A report of missing webhooks triggers a check when none ran in the last CHECK_INTERVAL_MS. */
export function shouldCheck(health: WebhookHealth, now: number): boolean {
  if (!health.lastCheckAt) return true;
  return now - Date.parse(health.lastCheckAt) >= CHECK_INTERVAL_MS;
}

/** Why a webhook Aircall still has needs a PUT: off, pointing elsewhere, or missing our events. */
function whatIsWrong(webhook: AircallWebhook, stored: StoredWebhook): string | null {
  if (!webhook.active) return "inactive";
  if (webhook.url !== stored.url) return "pointing elsewhere";
  const missing = SUBSCRIBED_EVENTS.filter((e) => !webhook.events.includes(e));
  return missing.length ? `missing events ${missing.join(", ")}` : null;
}

function errorText(err: unknown): string {
  if (err instanceof AircallError) return `Aircall answered ${err.message}`;
  if (err instanceof z.ZodError) return "Aircall answered in an unexpected shape";
  return (err as Error).message ?? String(err);
}

/**
 * GET /v1/webhooks/:id; re-activates, fixes or re-registers the webhook when needed, audits what it
 * did and records the result. Never throws: a failed check is recorded as state "error".
 */
export async function checkWebhook(api: AircallApi, store: HealthStore, reason: string, actor: string, now = Date.now()): Promise<WebhookHealth> {
  const before = store.health() ?? emptyHealth();
  let health: WebhookHealth = { ...before, lastCheckAt: iso(now), lastCheckReason: reason };
  const stored = store.stored();
  if (!stored) {
    health = { ...health, state: "not_connected", webhookId: null, url: null, active: null, lastError: "No webhook is registered yet: run pnpm admin connect." };
    store.putHealth(health);
    return health;
  }
  try {
    const found = await api.getWebhook(stored.webhookId);
    let webhook = found;
    let action: "ok" | "reactivated" | "recreated" = "ok";
    const problem = found ? whatIsWrong(found, stored) : "missing";
    if (!found) {
      // Aircall no longer has it (deleted in the Dashboard): one for our URL, or a new one.
      const again = findOurWebhook(await listWebhooks(api), null, stored.url);
      webhook = again ? await api.updateWebhook(again.webhook_id, { url: stored.url, active: true }) : await api.createWebhook(stored.url, WEBHOOK_NAME);
      action = again ? "reactivated" : "recreated";
    } else if (problem) {
      webhook = await api.updateWebhook(found.webhook_id, { url: stored.url, active: true });
      action = "reactivated";
    }
    const w = webhook!;
    if (w.webhook_id !== stored.webhookId || w.token !== stored.token || w.url !== stored.url) {
      store.putStored({ webhookId: w.webhook_id, token: w.token, url: w.url });
      forgetWebhookToken();
    }
    if (action !== "ok") {
      store.audit(actor, `aircall.webhook.${action}`, { webhookId: w.webhook_id, previousId: stored.webhookId, problem, reason, missingWebhookCalls: health.missingWebhookCalls });
      health = { ...health, lastReactivatedAt: iso(now), reactivations: health.reactivations + 1 };
    }
    health = { ...health, state: action, webhookId: w.webhook_id, url: w.url, active: w.active, lastError: null };
  } catch (err) {
    health = { ...health, state: "error", lastError: errorText(err) };
  }
  store.putHealth(health);
  return health;
}
