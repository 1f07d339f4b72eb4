/**
 * Aircall Public API client (Basic auth). Every request first takes a slot from the company-wide
 * limiter. A 429 placed nothing, so any request waits for X-AircallApi-Reset and goes again; other
 * failures are retried with backoff only for safe requests — never for start-call (DESIGN, 7).
 */
import { aircallErrorText, parseAircallJson } from "@dialer/shared";
import { parseReset } from "./rate-window";

/**
 * `acquire()` reserves a slot and answers how long to wait for it (0 = send now). A caller that waited
 * calls `acquire(reservedAt)` again before sending: 0 when its slot still holds, or a new wait when a
 * 429 blocked the company meanwhile (no request goes out before a reset Aircall announced).
 */
export type Limiter = {
  acquire(reservedAt?: number): Promise<number>;
  blockUntil(until: number): Promise<void>;
  tryAcquire?(): Promise<boolean>;
  /** Aircall's `X-AircallApi-Remaining` on an answer (the whole company's budget, other integrations included). */
  observe?(remaining: number): Promise<void>;
};

/** One request's fate when it is sent at most once (the dialer's own requests). */
export type Once = { kind: "response"; res: AircallResponse } | { kind: "limited"; until: number } | { kind: "failed"; message: string };

export type ClientOptions = {
  base: string;
  apiId: string;
  apiToken: string;
  limiter: Limiter;
  fetch?: typeof fetch;
  timeoutMs?: number;
  retries?: number;
  backoffMs?: number;
  max429?: number;
  sleep?: (ms: number) => Promise<void>;
};

export type AircallResponse = { status: number; body: unknown; headers: Headers };
type RequestOpts = { body?: unknown; query?: Record<string, string | number | undefined>; safe: boolean };

export class AircallError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly body?: unknown,
  ) {
    super(message);
    this.name = "AircallError";
  }
}

const realSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export class AircallHttp {
  private readonly auth: string;
  constructor(private readonly o: ClientOptions) {
    this.auth = "Basic " + btoa(`${o.apiId}:${o.apiToken}`);
  }

  /** One request (admin and setup work). `safe` requests are retried on network errors and 5xx. */
  async request(method: string, path: string, opts: RequestOpts): Promise<AircallResponse> {
    const sleep = this.o.sleep ?? realSleep;
    const retries = opts.safe ? (this.o.retries ?? 3) : 0;
    let limited = 0;
    for (let attempt = 0; ; ) {
      await this.slot(sleep);
      let res: Response;
      try {
        res = await this.send(method, path, opts);
      } catch (err) {
        if (attempt++ < retries) {
          await sleep(this.backoff(attempt));
          continue;
        }
        throw new AircallError(0, `Aircall did not answer: ${(err as Error).message}`);
      }
      const body = await readBody(res);
      if (res.status === 429) {
        await this.o.limiter.blockUntil(parseReset(res.headers.get("x-aircallapi-reset"), Date.now()));
        if (++limited <= (this.o.max429 ?? 5)) continue;
      } else await this.readBudget(res.headers);
      if (res.status >= 500 && attempt++ < retries) {
        await sleep(this.backoff(attempt));
        continue;
      }
      return { status: res.status, body, headers: res.headers };
    }
  }

  /** Waits for a company slot; after any wait, checks the slot still holds (a 429 may have blocked it). */
  private async slot(sleep: (ms: number) => Promise<void>) {
    let wait = await this.o.limiter.acquire();
    while (wait > 0) {
      const reservedAt = Date.now() + wait;
      await sleep(wait);
      wait = await this.o.limiter.acquire(reservedAt);
    }
  }

  /**
   * Sends one request now, once: the caller took the slot (and keeps any wait in durable state).
   * A 429 blocks the company until Aircall's reset and comes back as `limited`; a network error or
   * timeout as `failed`. Nothing is retried here.
   */
  async once(method: string, path: string, opts: { body?: unknown; query?: Record<string, string | number | undefined> }): Promise<Once> {
    let res: Response;
    try {
      res = await this.send(method, path, opts);
    } catch (err) {
      return { kind: "failed", message: `Aircall did not answer: ${(err as Error).message}` };
    }
    const body = await readBody(res);
    const reset = res.headers.get("x-aircallapi-reset");
    if (res.status === 429) {
      const until = parseReset(reset, Date.now());
      await this.o.limiter.blockUntil(until);
      return { kind: "limited", until };
    }
    await this.readBudget(res.headers);
    return { kind: "response", res: { status: res.status, body, headers: res.headers } };
  }

  /**
   * Aircall's budget headers on an answer: nothing left blocks the company until the reset; what is
   * left is passed on, so other integrations' use slows us down before it turns into 429s.
   * The limiter learns it without holding the caller back (its answer is not awaited).
   */
  private async readBudget(headers: Headers) {
    const raw = headers.get("x-aircallapi-remaining");
    if (raw === null || raw.trim() === "") return;
    const remaining = Number(raw);
    if (!Number.isFinite(remaining)) return;
    if (remaining <= 0) {
      await this.o.limiter.blockUntil(parseReset(headers.get("x-aircallapi-reset"), Date.now()));
      return;
    }
    this.o.limiter.observe?.(remaining).catch(() => {}); // a hint: losing it costs at most a 429
  }

  /** Like request, but a non-2xx answer throws an AircallError carrying Aircall's text. */
  async json<T>(method: string, path: string, opts: { body?: unknown; query?: Record<string, string | number | undefined>; safe: boolean }): Promise<T> {
    const res = await this.request(method, path, opts);
    if (res.status < 200 || res.status >= 300) throw new AircallError(res.status, describe(res), res.body);
    return res.body as T;
  }

  private backoff(attempt: number) {
    const base = this.o.backoffMs ?? 250;
    return base * 3 ** (attempt - 1) * (0.75 + Math.random() * 0.5);
  }

  private send(method: string, path: string, opts: { body?: unknown; query?: Record<string, string | number | undefined> }) {
    const url = new URL(this.o.base.replace(/\/$/, "") + path);
    for (const [k, v] of Object.entries(opts.query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
    const headers: Record<string, string> = { authorization: this.auth, accept: "application/json" };
    if (opts.body !== undefined) headers["content-type"] = "application/json";
    return (this.o.fetch ?? fetch)(url, {
      method,
      headers,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      signal: AbortSignal.timeout(this.o.timeoutMs ?? 10_000),
    });
  }
}

async function readBody(res: Response): Promise<unknown> {
  const text = await res.text();
  if (!text) return null;
  try {
    return parseAircallJson(text);
  } catch {
    return text; // Aircall's gateway can answer plain text; callers see it as the message
  }
}

export function describe(res: AircallResponse): string {
  const text = typeof res.body === "string" ? res.body.slice(0, 200) : aircallErrorText(res.body);
  return `${res.status}${text ? ` ${text}` : ""}`;
}
