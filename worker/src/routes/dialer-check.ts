import { DialerCheckBody, DialerCheckResponse } from "@dialer/shared";
import type { Hono } from "hono";
import type { AppEnv } from "../app-env";
import { requireAgent } from "../auth/middleware";
import { toGuardResult } from "../compliance/guard";
import { directory } from "../lib/stubs";
import { valid } from "../lib/validate";

/**
 * POST /api/dialer/check { phones }: the compliance guard's answer for numbers being queued, so the
 * popup can mark them before the run (the dialer asks again right before each call).
 */
export function registerDialerCheck(app: Hono<AppEnv>) {
  app.post("/api/dialer/check", requireAgent, valid("json", DialerCheckBody), async (c) => {
    const { phones } = c.req.valid("json");
    const decisions = await directory(c.env).guardMany(phones, c.get("agent").uid, Date.now());
    return c.json(DialerCheckResponse.parse({ results: phones.map((phone, i) => toGuardResult(phone, decisions[i]!)) }));
  });
}
