/**
 * The admin gate: ADMIN_TOKEN or an admin's access token (requireAdmin), plus an audit entry for
 * each refused attempt — throttled here per isolate and again in the Directory, so a flood of bad
 * tokens costs little and writes at most one entry per client per minute.
 */
import type { Context, MiddlewareHandler } from "hono";
import type { AppEnv } from "../app-env";
import { requireAdmin } from "../auth/middleware";
import { ApiError, errorBody } from "../lib/errors";
import { AuthThrottle } from "../directory/auth-throttle";
import { directory } from "../lib/stubs";

const WINDOW_MS = 60_000;
const MAX_TRACKED = 5_000;
const recentlyReported = new Map<string, number>();

export const clientOf = (c: Context<AppEnv>) => `ip:${c.req.header("cf-connecting-ip") ?? "unknown"}`;

function shouldReport(client: string, now: number): boolean {
  const last = recentlyReported.get(client);
  if (last !== undefined && now - last < WINDOW_MS) return false;
  if (recentlyReported.size >= MAX_TRACKED) recentlyReported.clear();
  recentlyReported.set(client, now);
  return true;
}

/** Test hook: forget which clients were reported. */
export function resetRefusalReports() {
  recentlyReported.clear();
}

/** The dashboard's WebSocket carries a ticket, not a header: the Directory checks it. */
const TICKET_PATHS = new Set(["/api/admin/ws"]);

/**
 * Guessing the admin token: after ADMIN_FAILURES_PER_MINUTE refused attempts from one address, this
 * worker instance answers 429 (with Retry-After) to that address until the minute is over — even
 * to a right token, so a guess cannot be confirmed. Per isolate: cheap, and enough to slow a flood.
 */
export const ADMIN_FAILURES_PER_MINUTE = 60;
const adminThrottle = new AuthThrottle(ADMIN_FAILURES_PER_MINUTE);

export const adminGate: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (TICKET_PATHS.has(c.req.path)) return next();
  const waitMs = adminThrottle.blockedFor(clientOf(c), Date.now());
  if (waitMs > 0) {
    const wait = Math.max(1, Math.ceil(waitMs / 1000));
    return c.json(errorBody("rate_limited", `Too many refused admin attempts from this address. Try again in ${wait} s.`), 429, { "retry-after": String(wait) });
  }
  try {
    await requireAdmin(c, async () => {});
  } catch (err) {
    if (err instanceof ApiError && (err.code === "unauthorized" || err.code === "forbidden")) {
      const client = clientOf(c);
      adminThrottle.fail(client, Date.now());
      if (shouldReport(client, Date.now())) {
        const report = directory(c.env)
          .adminRefused(client, `${c.req.method} ${c.req.path}: ${err.message}`)
          .catch((e: Error) => console.error("audit of a refused admin attempt failed", e.message));
        c.executionCtx.waitUntil(report);
      }
    }
    throw err;
  }
  await next();
};
