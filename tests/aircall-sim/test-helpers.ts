/** Helpers for the simulator's own tests: fast options, a webhook receiver, an API client. */
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { parseAircallJson } from "@dialer/shared";
import { basicAuthHeader } from "./auth";
import { startSimulator, type Simulator } from "./simulator";
import type { SimOptions } from "./types";

export const FAST: Partial<SimOptions> = {
  createdDelayMs: 20,
  ringMs: 60,
  talkMs: 60,
  endedDelayMs: 100,
  reorderGapMs: 30,
  webhookRetries: 2,
  webhookRetryBaseMs: 20,
  webhookTimeoutMs: 1000,
};

export interface Delivery {
  raw: string;
  body: { resource: string; event: string; timestamp: number; token: string; data: Record<string, unknown> };
  headers: IncomingHttpHeaders;
  at: number;
}

export interface Receiver {
  url: string;
  deliveries: Delivery[];
  /** Status to answer with for the next request (default 200). */
  respond: (d: Delivery) => number;
  events(): string[];
  close(): Promise<void>;
}

export async function startReceiver(): Promise<Receiver> {
  const rec: Receiver = {
    url: "",
    deliveries: [],
    respond: () => 200,
    events: () => rec.deliveries.map((d) => d.body.event),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
  const server: Server = createServer((req, res) => {
    let raw = "";
    req.on("data", (c: Buffer) => (raw += c.toString("utf8")));
    req.on("end", () => {
      const d: Delivery = { raw, body: parseAircallJson(raw) as Delivery["body"], headers: req.headers, at: Date.now() };
      rec.deliveries.push(d);
      res.writeHead(rec.respond(d)).end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  rec.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/aircall`;
  return rec;
}

export interface ApiResponse {
  status: number;
  headers: Headers;
  text: string;
  json: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- test convenience
}

export function apiClient(sim: Simulator, auth: string | null = basicAuthHeader(sim.options.apiId, sim.options.apiToken)) {
  return async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse> => {
    const h: Record<string, string> = { ...headers };
    if (auth) h.authorization = auth;
    if (body !== undefined) h["content-type"] = "application/json";
    const res = await fetch(`${sim.url}${path}`, {
      method,
      headers: h,
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, headers: res.headers, text, json: text ? parseAircallJson(text) : undefined };
  };
}

export async function waitFor<T>(fn: () => T | undefined | false, timeoutMs = 3000, label = "condition"): Promise<T> {
  const start = Date.now();
  for (;;) {
    const v = fn();
    if (v) return v;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${label}`);
    await sleep(10);
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** A simulator wired to a fresh receiver, with fast timings. */
export async function simWithReceiver(opts: Partial<SimOptions> = {}): Promise<{ sim: Simulator; rec: Receiver; api: ReturnType<typeof apiClient>; close: () => Promise<void> }> {
  const rec = await startReceiver();
  const sim = await startSimulator({ ...FAST, webhookUrl: rec.url, webhookToken: "tok-123", ...opts });
  return { sim, rec, api: apiClient(sim), close: async () => { await sim.close(); await rec.close(); } };
}

export const START = { number_id: 2001, to: "+14155550132" };
