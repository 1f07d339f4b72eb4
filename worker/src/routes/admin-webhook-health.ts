import type { Hono } from "hono";
import type { AppEnv } from "../app-env";
import { directory } from "../lib/stubs";

/**
 * The Aircall webhook's health for the dashboard: whether Aircall still delivers (a webhook is
 * disabled after repeated failed deliveries), when the worker last checked and re-activated it,
 * and how many calls were only found through the REST API. POST …/check checks it now.
 */
export function registerAdminWebhookHealth(app: Hono<AppEnv>) {
  app.get("/api/admin/webhook-health", async (c) => c.json({ health: await directory(c.env).webhookHealth() }));

  app.post("/api/admin/webhook-health/check", async (c) => c.json({ health: await directory(c.env).checkWebhook("asked by an admin", c.get("actor")) }));
}
