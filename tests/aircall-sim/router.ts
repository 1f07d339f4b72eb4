/** A tiny method + path-pattern router ("/v1/users/:id/calls"). */
import type { Handler } from "./http";

interface Route {
  method: string;
  parts: string[];
  handler: Handler;
}

export interface Match {
  handler: Handler;
  params: Record<string, string>;
}

export class Router {
  private routes: Route[] = [];

  add(method: string, pattern: string, handler: Handler): this {
    this.routes.push({ method, parts: pattern.split("/").filter(Boolean), handler });
    return this;
  }

  get(pattern: string, handler: Handler): this {
    return this.add("GET", pattern, handler);
  }

  post(pattern: string, handler: Handler): this {
    return this.add("POST", pattern, handler);
  }

  put(pattern: string, handler: Handler): this {
    return this.add("PUT", pattern, handler);
  }

  delete(pattern: string, handler: Handler): this {
    return this.add("DELETE", pattern, handler);
  }

  /** First route (in registration order) whose method and path match. */
  match(method: string, path: string): Match | undefined {
    const segs = path.split("/").filter(Boolean).map(safeDecode);
    for (const r of this.routes) {
      if (r.method !== method || r.parts.length !== segs.length) continue;
      const params: Record<string, string> = {};
      const ok = r.parts.every((p, i) => {
        const seg = segs[i] ?? "";
        if (p.startsWith(":")) {
          params[p.slice(1)] = seg;
          return seg !== "";
        }
        return p === seg;
      });
      if (ok) return { handler: r.handler, params };
    }
    return undefined;
  }
}

function safeDecode(seg: string): string {
  try {
    return decodeURIComponent(seg);
  } catch (err) {
    void err; // a malformed %-escape is matched literally
    return seg;
  }
}
