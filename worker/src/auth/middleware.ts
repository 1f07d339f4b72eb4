import type { MiddlewareHandler } from "hono";
import { safeEqual } from "../lib/crypto";
import { ApiError } from "../lib/errors";
import { MIN_JWT_SECRET, settings } from "../settings";
import type { AppEnv } from "../app-env";
import { verifyAccess } from "./tokens";
import { isActiveAdmin } from "../directory/roster";

function bearer(header: string | undefined): string {
  const m = /^Bearer\s+(\S+)$/i.exec(header ?? "");
  if (!m?.[1]) throw new ApiError("unauthorized", "missing bearer token (Authorization: Bearer <token>)");
  return m[1];
}

function jwtSecret(env: Env): string {
  const secret = settings(env).JWT_SECRET;
  if (secret.length < MIN_JWT_SECRET) throw new ApiError("internal", "JWT_SECRET is not set on the worker");
  return secret;
}

/** An enrolled agent's access token; the agent can only ever reach its own dialer. */
export const requireAgent: MiddlewareHandler<AppEnv> = async (c, next) => {
  const claims = await verifyAccess(bearer(c.req.header("authorization")), jwtSecret(c.env));
  c.set("agent", claims);
  await next();
};

/** ADMIN_TOKEN (constant-time check) or the access token of an admin the directory still lists. */
export const requireAdmin: MiddlewareHandler<AppEnv> = async (c, next) => {
  const token = bearer(c.req.header("authorization"));
  const adminToken = settings(c.env).ADMIN_TOKEN;
  if (adminToken && safeEqual(token, adminToken)) {
    c.set("actor", "admin-token");
    return next();
  }
  if (token.split(".").length !== 3) throw new ApiError("unauthorized", "invalid admin token");
  const claims = await verifyAccess(token, jwtSecret(c.env));
  if (claims.role !== "admin") throw new ApiError("forbidden", "this needs an admin");
  // The token says admin; the directory must agree (a removed admin's token is still signed).
  if (!(await isActiveAdmin(c.env, claims.sub))) throw new ApiError("unauthorized", "this admin is no longer in the team");
  c.set("actor", `admin:${claims.sub}`);
  await next();
};
