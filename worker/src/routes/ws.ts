import type { Hono } from "hono";
import type { AppEnv } from "../app-env";
import { verifyTicket } from "../auth/ws-ticket";
import { ApiError } from "../lib/errors";
import { dialerFor } from "../lib/stubs";
import { settings } from "../settings";

/**
 * GET /api/ws?ticket=<uid>.<exp>.<nonce>.<mac>: the worker checks the ticket's signature and expiry
 * itself, so nothing unauthenticated reaches (or creates) a Durable Object; the agent's dialer then
 * takes the ticket once.
 */
export function registerWs(app: Hono<AppEnv>) {
  app.get("/api/ws", async (c) => {
    const ticket = c.req.query("ticket") ?? "";
    const claims = ticket ? await verifyTicket(settings(c.env).JWT_SECRET, ticket) : null;
    if (!claims) throw new ApiError("unauthorized", "a valid WebSocket ticket is required (POST /api/auth/ws-ticket; valid 30 s, once)");
    if (c.req.header("upgrade")?.toLowerCase() !== "websocket") throw new ApiError("bad_request", "expected a WebSocket upgrade");
    return dialerFor(c.env, claims.uid).fetch(c.req.raw);
  });
}
