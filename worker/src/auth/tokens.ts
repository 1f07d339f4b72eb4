import { AccessClaims, type Agent } from "@dialer/shared";
import { sign, verify } from "hono/jwt";
import { ApiError } from "../lib/errors";

/** Access tokens live 10 minutes (DESIGN: within 15). */
export const ACCESS_TTL_SECONDS = 600;
/** A token claiming a longer life than this was not made by this worker's rules: refused. */
export const MAX_ACCESS_LIFETIME_SECONDS = 15 * 60;

export async function signAccess(agent: Pick<Agent, "agentId" | "aircallUserId" | "role">, secret: string, now = Date.now()) {
  const iat = Math.floor(now / 1000);
  const claims: AccessClaims = { sub: agent.agentId, uid: agent.aircallUserId, role: agent.role, aud: "access", iat, exp: iat + ACCESS_TTL_SECONDS };
  return sign(claims, secret, "HS256");
}

export async function verifyAccess(token: string, secret: string): Promise<AccessClaims> {
  let payload: unknown;
  try {
    payload = await verify(token, secret, "HS256");
  } catch (err) {
    const expired = (err as Error).name === "JwtTokenExpired";
    throw new ApiError("unauthorized", expired ? "access token expired: refresh it" : "invalid access token");
  }
  const claims = AccessClaims.safeParse(payload);
  if (!claims.success) throw new ApiError("unauthorized", "invalid access token");
  if (claims.data.exp - claims.data.iat > MAX_ACCESS_LIFETIME_SECONDS) throw new ApiError("unauthorized", "invalid access token (lifetime over 15 minutes)");
  return claims.data;
}
