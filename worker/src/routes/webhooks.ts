import { formatZodError, isDialerUserEvent, normalizeEventName, parseAircallJson, WebhookEnvelope } from "@dialer/shared";
import type { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { AppEnv } from "../app-env";
import { safeEqual } from "../lib/crypto";
import { ApiError } from "../lib/errors";
import { jsonBeyondBounds, WEBHOOK_JSON_BOUNDS } from "../lib/json-bounds";
import { dialerFor } from "../lib/stubs";
import { isEnrolledUserForWebhook } from "../directory/roster";
import { routeUserId } from "../dialer/webhook-event";
import { webhookTokens } from "../aircall/webhook-token";

/** User events this far from now are not news about the agent's availability: logged and ignored. */
export const USER_EVENT_MAX_AGE_S = 3600;
export const USER_EVENT_MAX_AHEAD_S = 300;

/**
 * Aircall's deliveries. The body's `token` is the only proof of origin (no signature): compared in
 * constant time. Bodies nested or keyed beyond reason are a 400 before they are parsed; events about
 * Aircall users nobody enrolled are answered here without touching a Durable Object; the agent's
 * dialer gets only the envelope fields it uses, persists and applies the event before the 200.
 */
export function registerWebhooks(app: Hono<AppEnv>) {
  app.post("/webhooks/aircall", bodyLimit({ maxSize: 256 * 1024, onError: () => { throw new ApiError("payload_too_large", "webhook body over 256 KB"); } }), async (c) => {
    const text = await c.req.text();
    const beyond = jsonBeyondBounds(text, WEBHOOK_JSON_BOUNDS);
    if (beyond) throw new ApiError("bad_request", `not an Aircall webhook: ${beyond}`);
    let body: unknown;
    try {
      body = parseAircallJson(text);
    } catch {
      throw new ApiError("bad_request", "the body is not JSON");
    }
    const token = (body as { token?: unknown } | null)?.token;
    const carries = (expected: string[]) => typeof token === "string" && expected.some((t) => safeEqual(token, t));
    if (!carries(await webhookTokens(c.env)) && !carries(await webhookTokens(c.env, Date.now(), true))) {
      throw new ApiError("unauthorized", "wrong or missing webhook token");
    }
    const parsed = WebhookEnvelope.safeParse(body);
    if (!parsed.success) throw new ApiError("validation_failed", `not an Aircall webhook: ${formatZodError(parsed.error)}`);
    const { resource, event, timestamp, data } = parsed.data;
    const envelope = { resource, event, timestamp, token: "", data };
    const userId = routeUserId(envelope);
    if (!userId) return c.json({ status: "ignored" });
    if (isDialerUserEvent(normalizeEventName(event))) {
      const now = Date.now() / 1000;
      if (timestamp < now - USER_EVENT_MAX_AGE_S || timestamp > now + USER_EVENT_MAX_AHEAD_S) {
        console.warn(`webhook ${event} for user ${userId} ignored: timestamp ${timestamp} is ${Math.round(now - timestamp)} s from now`);
        return c.json({ status: "ignored" });
      }
    }
    if (!(await isEnrolledUserForWebhook(c.env, userId, (p) => c.executionCtx.waitUntil(p)))) return c.json({ status: "not_enrolled" });
    const status = await dialerFor(c.env, userId).ingest(envelope);
    return c.json({ status });
  });
}
