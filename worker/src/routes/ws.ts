import type { Hono } from "hono";
import type { AppEnv } from "../app-env";
import { ApiError } from "../lib/errors";
import { dialerFor } from "../lib/stubs";

/** GET /api/ws?ticket=<uid>.<secret>: the ticket names the agent's dialer, which checks it. */
export function registerWs(app: Hono<AppEnv>) {
  app.get("/api/ws", async (c) => {
    const ticket = c.req.query("ticket") ?? "";
    const m = /^(\d{1,19})\.[A-Za-z0-9_-]{16,}$/.exec(ticket);
    if (!m?.[1]) throw new ApiError("unauthorized", "a WebSocket ticket is required (POST /api/auth/ws-ticket)");
    if (c.req.header("upgrade")?.toLowerCase() !== "websocket") throw new ApiError("bad_request", "expected a WebSocket upgrade");
    return dialerFor(c.env, m[1]).fetch(c.req.raw);
  });
}
