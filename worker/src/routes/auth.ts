import { EnrollBody, RefreshBody } from "@dialer/shared";
import type { Context, Hono } from "hono";
import type { AppEnv } from "../app-env";
import { requireAgent } from "../auth/middleware";
import { signAccess } from "../auth/tokens";
import type { Session, Throttled } from "../directory/directory";
import type { Result } from "../dialer/agent-dialer";
import { errorBody } from "../lib/errors";
import { settings } from "../settings";
import { dialerFor, directory } from "../lib/stubs";
import { unwrap, valid } from "../lib/validate";

/** The caller's address (Cloudflare sets CF-Connecting-IP; locally there is none: one shared key). */
const clientOf = (c: Context<AppEnv>) => `ip:${c.req.header("cf-connecting-ip") ?? "local"}`;

/**
 * Addresses the Directory throttled, remembered in this isolate until their wait is over, so a
 * flood is answered here without reaching the Directory at all.
 */
const blockedUntil = new Map<string, number>();
const MAX_BLOCKED = 10_000;

function tooMany(c: Context<AppEnv>, retryAfterSeconds: number, message: string) {
  return c.json(errorBody("rate_limited", message), 429, { "retry-after": String(retryAfterSeconds) });
}

/** 429 at once for an address this isolate knows is throttled; null to go on. */
function heldBack(c: Context<AppEnv>, client: string, now = Date.now()) {
  const until = blockedUntil.get(client);
  if (until === undefined) return null;
  if (until <= now) {
    blockedUntil.delete(client);
    return null;
  }
  const wait = Math.max(1, Math.ceil((until - now) / 1000));
  return tooMany(c, wait, `Too many failed sign-in attempts from this address. Try again in ${wait} s.`);
}

/** The Directory's answer: a session, a 401, or a 429 this isolate now remembers. */
function sessionOr429(c: Context<AppEnv>, client: string, result: Result<Session> | Throttled) {
  if (!result.ok && result.code === "rate_limited" && "retryAfterSeconds" in result) {
    if (blockedUntil.size >= MAX_BLOCKED) blockedUntil.clear();
    blockedUntil.set(client, Date.now() + result.retryAfterSeconds * 1000);
    return { throttled: tooMany(c, result.retryAfterSeconds, result.message) };
  }
  return { session: unwrap(result as Result<Session>) };
}

export function registerAuth(app: Hono<AppEnv>) {
  app.post("/api/auth/enroll", valid("json", EnrollBody), async (c) => {
    const client = clientOf(c);
    const held = heldBack(c, client);
    if (held) return held;
    const { code } = c.req.valid("json");
    const r = sessionOr429(c, client, await directory(c.env).enroll(code, client));
    if (r.throttled) return r.throttled;
    const accessToken = await signAccess(r.session.agent, settings(c.env).JWT_SECRET);
    return c.json({ accessToken, refreshToken: r.session.refreshToken, agent: r.session.agent });
  });

  app.post("/api/auth/refresh", valid("json", RefreshBody), async (c) => {
    const client = clientOf(c);
    const held = heldBack(c, client);
    if (held) return held;
    const { refreshToken } = c.req.valid("json");
    const r = sessionOr429(c, client, await directory(c.env).refresh(refreshToken, client));
    if (r.throttled) return r.throttled;
    const accessToken = await signAccess(r.session.agent, settings(c.env).JWT_SECRET);
    return c.json({ accessToken, refreshToken: r.session.refreshToken });
  });

  /** Browsers cannot set headers on a WebSocket: a single-use ticket valid 30 s stands in. */
  app.post("/api/auth/ws-ticket", requireAgent, async (c) => {
    const agent = c.get("agent");
    const ticket = unwrap(await dialerFor(c.env, agent.uid).issueTicket(agent.sub));
    return c.json({ ticket });
  });
}
