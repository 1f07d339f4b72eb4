/** Request context, reply shape and the two error-body styles Aircall uses. */
import type { IncomingMessage } from "node:http";
import type { SimState } from "./state";

export interface Ctx {
  s: SimState;
  req: IncomingMessage;
  method: string;
  path: string;
  query: URLSearchParams;
  /** Parsed JSON body (undefined when empty). */
  body: unknown;
  params: Record<string, string>;
}

export interface Reply {
  status: number;
  /** Serialized with toJson (bigint → bare integer); undefined → empty body. */
  body?: unknown;
  /** Preformatted text body (HTML, audio, …) with its content type. */
  text?: { contentType: string; content: string | Buffer };
  /** A (simulated) 429: report Remaining 0 in the rate headers. */
  rateLimited?: boolean;
}

export type Handler = (ctx: Ctx) => Reply | Promise<Reply>;

/** The application tier's `{error, troubleshoot}` body. */
export function appError(status: number, error: string, troubleshoot: string): Reply {
  return { status, body: { error, troubleshoot } };
}

/** The API gateway's `{message}` body (401, 403, 404 for unknown paths). */
export function gatewayError(status: 401 | 403 | 404): Reply {
  const message = { 401: "Unauthorized", 403: "Forbidden", 404: "Not Found" }[status];
  return { status, body: { message } };
}

export const badRequest = (troubleshoot: string): Reply => appError(400, "Bad Request", troubleshoot);
export const notFound = (troubleshoot: string): Reply => appError(404, "Not Found", troubleshoot);

export function queryObject(q: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(q.keys())) {
    const all = q.getAll(key);
    out[key] = all.length === 1 ? (all[0] ?? "") : all;
  }
  return out;
}

/** A positive integer path/query value, or undefined. */
export function intParam(v: string | null | undefined): number | undefined {
  if (v === null || v === undefined || !/^\d+$/.test(v)) return undefined;
  const n = Number(v);
  return Number.isSafeInteger(n) ? n : undefined;
}
