import { formatZodError, parseAircallJson, WebhookEnvelope } from "@dialer/shared";
import type { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { AppEnv } from "../app-env";
import { safeEqual } from "../lib/crypto";
import { ApiError } from "../lib/errors";
import { dialerFor } from "../lib/stubs";
import { routeUserId } from "../dialer/webhook-event";
import { webhookTokens } from "../aircall/webhook-token";

/**
 * Aircall's deliveries. The body's `token` is the only proof of origin (no signature): compared in
 * constant time. The event is persisted and applied by the agent's dialer before the 200.
 */
export function registerWebhooks(app: Hono<AppEnv>) {
  app.post("/webhooks/aircall", bodyLimit({ maxSize: 256 * 1024, onError: () => { throw new ApiError("payload_too_large", "webhook body over 256 KB"); } }), async (c) => {
    let body: unknown;
    try {
      body = parseAircallJson(await c.req.text());
    } catch {
      throw new ApiError("bad_request", "the body is not JSON");
    }
    const token = (body as { token?: unknown } | null)?.token;
    const expected = await webhookTokens(c.env);
    if (typeof token !== "string" || !expected.some((t) => safeEqual(token, t))) throw new ApiError("unauthorized", "wrong or missing webhook token");
    const parsed = WebhookEnvelope.safeParse(body);
    if (!parsed.success) throw new ApiError("validation_failed", `not an Aircall webhook: ${formatZodError(parsed.error)}`);
    const userId = routeUserId(parsed.data);
    if (!userId) return c.json({ status: "ignored" });
    const status = await dialerFor(c.env, userId).ingest(parsed.data);
    return c.json({ status });
  });
}
