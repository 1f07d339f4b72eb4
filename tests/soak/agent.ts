/**
 * One soak agent as the extension would be: enrolled once, refreshes its access token when the
 * worker says it expired (the long soak outlives the 10-minute token), starts a run, reads its
 * state and history, and resumes a paused run.
 */
import { DialerState, EnrollResponse, HistoryResponse, RefreshResponse, type HistoryEntry, type QueueItem } from "@dialer/shared";
import { ApiError } from "../system/api-client";

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

async function call(base: string, path: string, init: { method?: string; token?: string; json?: unknown }): Promise<{ status: number; body: unknown; retryAfter: number | null }> {
  const headers: Record<string, string> = {};
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  if (init.json !== undefined) headers["content-type"] = "application/json";
  const res = await fetch(`${base}${path}`, { method: init.method ?? "GET", headers, body: init.json === undefined ? undefined : JSON.stringify(init.json), signal: AbortSignal.timeout(30_000) });
  const text = await res.text();
  const retry = Number(res.headers.get("retry-after"));
  return { status: res.status, body: text ? JSON.parse(text) : null, retryAfter: Number.isFinite(retry) && retry > 0 ? retry : null };
}

/** Retries a throttled (429) or unreachable worker (a restart) for up to `forMs`. */
async function patiently(base: string, path: string, init: { method?: string; token?: string; json?: unknown }, forMs = 60_000) {
  const until = Date.now() + forMs;
  for (;;) {
    try {
      const r = await call(base, path, init);
      if (r.status !== 429 && r.status !== 502 && r.status !== 503) return r;
      if (Date.now() > until) return r;
      await sleep((r.retryAfter ?? 1) * 1000);
    } catch (err) {
      if (Date.now() > until) throw err;
      await sleep(1000); // the worker is restarting
    }
  }
}

export class SoakAgent {
  private constructor(
    readonly base: string,
    readonly userId: number,
    readonly agentId: string,
    private access: string,
    private refresh: string,
  ) {}

  static async enroll(base: string, userId: number, code: string): Promise<SoakAgent> {
    const r = await patiently(base, "/api/auth/enroll", { method: "POST", json: { code } }, 120_000);
    if (r.status !== 200) throw new ApiError(r.status, r.body);
    const s = EnrollResponse.parse(r.body);
    return new SoakAgent(base, userId, s.agent.agentId, s.accessToken, s.refreshToken);
  }

  private async authed(path: string, init: { method?: string; json?: unknown } = {}): Promise<unknown> {
    let r = await patiently(this.base, path, { ...init, token: this.access });
    if (r.status === 401) {
      const f = await patiently(this.base, "/api/auth/refresh", { method: "POST", json: { refreshToken: this.refresh } }, 120_000);
      if (f.status !== 200) throw new ApiError(f.status, f.body);
      const t = RefreshResponse.parse(f.body);
      this.access = t.accessToken;
      this.refresh = t.refreshToken;
      r = await patiently(this.base, path, { ...init, token: this.access });
    }
    if (r.status < 200 || r.status >= 300) throw new ApiError(r.status, r.body);
    return r.body;
  }

  async start(items: QueueItem[], delaySeconds: number): Promise<DialerState> {
    return DialerState.parse(await this.authed("/api/dialer/start", { method: "POST", json: { items, delaySeconds } }));
  }

  async state(): Promise<DialerState> {
    return DialerState.parse(await this.authed("/api/dialer"));
  }

  async resume(): Promise<DialerState> {
    return DialerState.parse(await this.authed("/api/dialer/resume", { method: "POST" }));
  }

  /** The whole history, following the cursor. */
  async history(): Promise<HistoryEntry[]> {
    const out: HistoryEntry[] = [];
    let cursor: string | null = null;
    do {
      const q: string = `/api/history?limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
      const page = HistoryResponse.parse(await this.authed(q));
      out.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return out;
  }
}
