/**
 * The CLI's HTTP client of the worker's admin API. Turns every way it can go wrong into one clear
 * sentence: worker unreachable, not this API, token refused, Aircall refusing the key.
 */
import { ErrorBody } from "@dialer/shared";
import type * as z from "zod";

export class CliError extends Error {
  /** the worker's error code, when it answered with one */
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

export class AdminApi {
  constructor(
    readonly url: string,
    private readonly token: string,
  ) {
    if (!token)
      throw new CliError(
        /^http:\/\/(127\.0\.0\.1|localhost)[:/]/.test(url)
          ? "No admin token: pass --token or set DIALER_ADMIN_TOKEN. For pnpm dev's local worker it is the admin token pnpm dev prints (DIALER_ADMIN_TOKEN=… pnpm admin …)."
          : "No admin token: pass --token or set DIALER_ADMIN_TOKEN (the worker's ADMIN_TOKEN secret).",
      );
  }

  async call<S extends z.ZodType>(schema: S, method: string, path: string, json?: unknown): Promise<z.infer<S>> {
    const headers: Record<string, string> = { authorization: `Bearer ${this.token}`, accept: "application/json" };
    if (json !== undefined) headers["content-type"] = "application/json";
    let res: Response;
    try {
      res = await fetch(this.url + path, { method, headers, body: json === undefined ? undefined : JSON.stringify(json), signal: AbortSignal.timeout(60_000) });
    } catch (err) {
      throw new CliError(`Cannot reach the worker at ${this.url} (${reason(err)}). Is it running (pnpm dev or wrangler dev), and is --url right?`);
    }
    const text = await res.text();
    const body = parseJson(text);
    if (res.ok) {
      const parsed = schema.safeParse(body);
      if (parsed.success) return parsed.data;
      throw new CliError(`${this.url} answered ${method} ${path} with something else than the power dialer's API: is --url the worker's address?`);
    }
    const error = ErrorBody.safeParse(body);
    if (!error.success) throw new CliError(`${this.url} is not the power dialer's worker (HTTP ${res.status} ${res.headers.get("content-type") ?? ""} on ${path}): check --url.`);
    const { code, message } = error.data.error;
    if (res.status === 401) throw new CliError(`The worker refused the admin token (401: ${message}). Check --token or DIALER_ADMIN_TOKEN: it must equal the worker's ADMIN_TOKEN secret.`);
    if (res.status === 403) throw new CliError(`This token is not an admin's (403: ${message}).`);
    if (code === "aircall_refused") throw new CliError(message);
    throw new CliError(`${method} ${path} failed: ${res.status} ${code}: ${message}`, code);
  }
}

function parseJson(text: string): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text; // not JSON: the caller reports "not this API"
  }
}

function reason(err: unknown): string {
  const cause = (err as { cause?: { code?: string; message?: string } }).cause;
  if (cause?.code === "ECONNREFUSED") return "connection refused";
  if (cause?.code === "ENOTFOUND") return "no such host";
  if ((err as Error).name === "TimeoutError") return "no answer within 60 s";
  return cause?.code ?? cause?.message ?? (err as Error).message;
}
