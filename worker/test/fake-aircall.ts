/**
 * Stands in for api.aircall.io inside the Workers runtime (the Durable Objects share the test's
 * isolate, so a stubbed global fetch sees their requests). The full simulator is tested in tests/.
 */
import { vi } from "vitest";

export type Seen = { method: string; path: string; query: URLSearchParams; body: unknown; auth: string | null };
type Handler = (req: Seen) => Response | Promise<Response>;

export function installFakeAircall() {
  const seen: Seen[] = [];
  const startReplies: (number | Handler)[] = [];
  let routes: Record<string, Handler> = {};
  const patterns: { method: string; re: RegExp; h: Handler }[] = [];
  const realFetch = globalThis.fetch;
  vi.stubGlobal("fetch", async (input: RequestInfo | URL, init?: RequestInit) => {
    const req = new Request(input, init);
    const url = new URL(req.url);
    if (url.hostname !== "aircall.test") return realFetch(input, init);
    const text = await req.text();
    const s: Seen = { method: req.method, path: url.pathname, query: url.searchParams, body: text ? JSON.parse(text) : null, auth: req.headers.get("authorization") };
    seen.push(s);
    if (req.method === "POST" && /^\/v1\/users\/\d+\/calls$/.test(url.pathname)) {
      const r = startReplies.shift() ?? 204;
      return typeof r === "number" ? new Response(r === 204 ? null : JSON.stringify({ error: "Error", troubleshoot: `status ${r}` }), { status: r }) : r(s);
    }
    const route = routes[`${req.method} ${url.pathname}`];
    if (route) return route(s);
    const pattern = patterns.find((p) => p.method === req.method && p.re.test(url.pathname));
    if (pattern) return pattern.h(s);
    return Response.json({ message: "Not Found" }, { status: 404 });
  });
  return {
    seen,
    starts: () => seen.filter((s) => s.method === "POST" && s.path.endsWith("/calls")),
    replyToStart: (...r: (number | Handler)[]) => startReplies.push(...r),
    route: (key: string, h: Handler) => (routes = { ...routes, [key]: h }),
    /** A route whose path is a pattern, e.g. PUT /^\/v1\/webhooks\/[^/]+$/. */
    routeMatching: (method: string, re: RegExp, h: Handler) => patterns.push({ method, re, h }),
    restore: () => vi.unstubAllGlobals(),
  };
}
