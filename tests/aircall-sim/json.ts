/**
 * JSON helpers. Aircall call ids are Int64 and travel as bare integer literals, even above 2^53.
 * Values of type bigint are written as exact integer literals: stringify with a placeholder
 * string, then swap the quoted placeholder for the digits.
 */
import type { IncomingMessage } from "node:http";

const MARK = "\u0001sim-int64:";
const MARK_RE = /"\\u0001sim-int64:(-?\d+)"/g;

export function toJson(value: unknown): string {
  const text = JSON.stringify(value, (_key, v: unknown) =>
    typeof v === "bigint" ? `${MARK}${v.toString()}` : v,
  );
  return text.replace(MARK_RE, "$1");
}

export type BodyResult = { ok: true; value: unknown; raw: string } | { ok: false; raw: string };

const MAX_BODY = 1_000_000;

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > MAX_BODY) throw new Error("request body too large");
    chunks.push(buf);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** An empty body parses as `undefined`; malformed JSON is reported, not thrown. */
export function parseBody(raw: string): BodyResult {
  if (raw.trim() === "") return { ok: true, value: undefined, raw };
  try {
    return { ok: true, value: JSON.parse(raw) as unknown, raw };
  } catch (err) {
    void err; // malformed JSON is an expected input: the caller answers 400
    return { ok: false, raw };
  }
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
