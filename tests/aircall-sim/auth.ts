/** Basic auth as Aircall's gateway checks it: no header → 401, anything wrong → 403. */
import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { gatewayError, type Reply } from "./http";

export function checkBasicAuth(req: IncomingMessage, apiId: string, apiToken: string): Reply | null {
  const header = req.headers.authorization;
  if (header === undefined || header === "") return gatewayError(401);
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
  if (!match?.[1]) return gatewayError(403);
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  const expected = `${apiId}:${apiToken}`;
  return safeEqual(decoded, expected) ? null : gatewayError(403);
}

function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}

/** The header value a client sends. */
export function basicAuthHeader(apiId: string, apiToken: string): string {
  return `Basic ${Buffer.from(`${apiId}:${apiToken}`).toString("base64")}`;
}
