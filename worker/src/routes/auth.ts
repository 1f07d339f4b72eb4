import { EnrollBody, RefreshBody } from "@dialer/shared";
import type { Hono } from "hono";
import type { AppEnv } from "../app-env";
import { requireAgent } from "../auth/middleware";
import { signAccess } from "../auth/tokens";
import { settings } from "../settings";
import { dialerFor, directory } from "../lib/stubs";
import { unwrap, valid } from "../lib/validate";

const clientOf = (ip: string | undefined) => `ip:${ip ?? "unknown"}`;

export function registerAuth(app: Hono<AppEnv>) {
  app.post("/api/auth/enroll", valid("json", EnrollBody), async (c) => {
    const { code } = c.req.valid("json");
    const session = unwrap(await directory(c.env).enroll(code, clientOf(c.req.header("cf-connecting-ip"))));
    const accessToken = await signAccess(session.agent, settings(c.env).JWT_SECRET);
    return c.json({ accessToken, refreshToken: session.refreshToken, agent: session.agent });
  });

  app.post("/api/auth/refresh", valid("json", RefreshBody), async (c) => {
    const { refreshToken } = c.req.valid("json");
    const session = unwrap(await directory(c.env).refresh(refreshToken, clientOf(c.req.header("cf-connecting-ip"))));
    const accessToken = await signAccess(session.agent, settings(c.env).JWT_SECRET);
    return c.json({ accessToken, refreshToken: session.refreshToken });
  });

  /** Browsers cannot set headers on a WebSocket: a single-use ticket valid 30 s stands in. */
  app.post("/api/auth/ws-ticket", requireAgent, async (c) => {
    const agent = c.get("agent");
    const ticket = unwrap(await dialerFor(c.env, agent.uid).issueTicket(agent.sub));
    return c.json({ ticket });
  });
}
