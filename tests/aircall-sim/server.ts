/**
 * The HTTP front door: /_sim/* goes to the control API (no auth); everything else is the
 * Aircall API: Basic auth, the company-wide rate window, then the routes. Every API request is
 * logged and emitted as a "request" event.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { checkBasicAuth } from "./auth";
import { gatewayError, queryObject, type Ctx, type Handler, type Reply } from "./http";
import { parseBody, readBody, toJson } from "./json";
import { rateHeaders, type RateVerdict } from "./rate-window";
import { hrNow, type RequestLogEntry } from "./records";
import { Router } from "./router";
import { registerCallRoutes } from "./routes-calls";
import { registerCallWriteRoutes } from "./routes-call-writes";
import { registerDialerCampaignRoutes } from "./routes-dialer-campaign";
import { registerStartCallRoute } from "./routes-start-call";
import { registerUserRoutes } from "./routes-users";
import { registerWebhookRoutes } from "./routes-webhooks";
import type { SimState } from "./state";

const MAX_LOG = 5000;

export function apiRouter(): Router {
  const r = new Router();
  r.get("/v1/ping", () => ({ status: 200, body: { ping: "pong" } }));
  registerUserRoutes(r);
  registerStartCallRoute(r);
  registerCallRoutes(r);
  registerCallWriteRoutes(r);
  registerWebhookRoutes(r);
  registerDialerCampaignRoutes(r);
  return r;
}

const ROOT: Reply = {
  status: 200,
  body: { resource: "Aircall Documentation", contact: "https://developer.aircall.io/api-references/" },
};

export async function handleApi(s: SimState, router: Router, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const receivedAt = Date.now();
  const receivedAtHr = hrNow();
  const url = new URL(req.url ?? "/", "http://sim.local");
  const method = req.method ?? "GET";
  const path = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, "") : url.pathname;
  const raw = await readBody(req);
  const parsed = parseBody(raw);
  const ctx: Ctx = { s, req, method, path, query: url.searchParams, body: parsed.ok ? parsed.value : raw, params: {} };
  let verdict: RateVerdict | undefined;
  let reply: Reply;
  if (path === "/" && method === "GET") reply = ROOT;
  else {
    reply = checkBasicAuth(req, s.options.apiId, s.options.apiToken) ?? (await authorized());
  }
  async function authorized(): Promise<Reply> {
    s.pressure.ourRequest(method, path, receivedAt);
    verdict = s.rate.take();
    if (!verdict.allowed) {
      s.counters.rateLimited += 1;
      return { status: 429, body: { error: "Too Many Requests", troubleshoot: "Rate limit reached: retry after X-AircallApi-Reset" } };
    }
    const match = router.match(method, path);
    if (!match) return gatewayError(404);
    if (!parsed.ok) return { status: 400, body: { error: "Bad Request", troubleshoot: "Body must be valid JSON" } };
    return run(match.handler, { ...ctx, params: match.params });
  }
  s.counters.requests += 1;
  const v = verdict ?? s.rate.peek();
  const headers = rateHeaders(reply.rateLimited ? { ...v, remaining: 0 } : v, s.options.resetUnit);
  if (reply.status === 429) {
    const announced = Number(headers["X-AircallApi-Reset"]);
    s.pressure.our429(path, s.options.resetUnit === "ms" ? announced : announced * 1000, Date.now());
  }
  send(res, reply, headers);
  const entry: RequestLogEntry = {
    method,
    path,
    query: queryObject(url.searchParams),
    body: ctx.body,
    status: reply.status,
    receivedAt,
    receivedAtHr,
    durationMs: hrNow() - receivedAtHr,
  };
  s.requests.push(entry);
  if (s.requests.length > MAX_LOG) s.requests.shift();
  s.emitter.emit("request", entry);
}

async function run(handler: Handler, ctx: Ctx): Promise<Reply> {
  try {
    return await handler(ctx);
  } catch (err) {
    console.error("[aircall-sim] handler failed:", err);
    return { status: 500, body: { error: "Internal Server Error", troubleshoot: "The simulator failed" } };
  }
}

export function send(res: ServerResponse, reply: Reply, headers: Record<string, string> = {}): void {
  for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
  if (reply.text) {
    res.writeHead(reply.status, { "content-type": reply.text.contentType });
    res.end(reply.text.content);
  } else if (reply.body !== undefined && reply.status !== 204) {
    res.writeHead(reply.status, { "content-type": "application/json; charset=utf-8" });
    res.end(toJson(reply.body));
  } else {
    res.writeHead(reply.status);
    res.end();
  }
}
