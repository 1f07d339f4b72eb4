import type { Hono } from "hono";
import type { AppEnv } from "../app-env";
import { ApiError } from "../lib/errors";
import { directory } from "../lib/stubs";

/**
 * The team dashboard's live feed. Browsers cannot set headers on a WebSocket: an admin gets a
 * single-use ticket (valid 30 s) and opens GET /api/admin/ws?ticket=, which the Directory checks.
 */
export function registerAdminLive(app: Hono<AppEnv>) {
  app.post("/api/admin/ws-ticket", async (c) => c.json({ ticket: await directory(c.env).issueAdminTicket(c.get("actor")) }));

  app.get("/api/admin/ws", async (c) => {
    const ticket = c.req.query("ticket") ?? "";
    if (!/^[A-Za-z0-9_-]{16,64}$/.test(ticket)) throw new ApiError("unauthorized", "a WebSocket ticket is required (POST /api/admin/ws-ticket)");
    if (c.req.header("upgrade")?.toLowerCase() !== "websocket") throw new ApiError("bad_request", "expected a WebSocket upgrade");
    return directory(c.env).fetch(c.req.raw);
  });
}
