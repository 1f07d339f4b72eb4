/** startSimulator(): the library entry point that ties state, HTTP server and control API together. */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { hangUp } from "./call-player";
import { handleControl } from "./control";
import { resolveOptions } from "./options";
import type { RequestLogEntry } from "./records";
import { AvailabilityBodySchema, TimingsSchema } from "./schemas";
import { apiRouter, handleApi, send } from "./server";
import { callSnapshot, stateSnapshot, userSnapshots } from "./snapshot";
import type { SimCallSnapshot, SimStateSnapshot, SimUserSnapshot } from "./snapshot";
import { SimState } from "./state";
import type { Availability, Fault, Script, SimOptions } from "./types";
import { setAvailability } from "./user-availability";
import type { WebhookDeliveryEvent } from "./webhook-sender";

export interface SimEvents {
  request: RequestLogEntry;
  webhook: WebhookDeliveryEvent;
}

export type TimingsUpdate = Partial<Omit<SimOptions, "port" | "apiId" | "apiToken" | "users" | "firstCallId">>;

export interface Simulator {
  url: string;
  port: number;
  /** Live options: change timings (ringMs, talkMs, …) at any time; new calls use them. */
  options: SimOptions;
  close(): Promise<void>;
  setScript(script: Script): void;
  pushFaults(...faults: Array<Fault | Fault[]>): void;
  setAvailability(userId: number, availability: Availability): void;
  /** Validated update of options (what POST /_sim/timings does). */
  setTimings(update: TimingsUpdate | Record<string, unknown>): void;
  /** Hang up a call now (ends calls held by a "stuck" never_end fault). */
  endCall(callId: string): void;
  calls(): SimCallSnapshot[];
  call(callId: string): SimCallSnapshot | undefined;
  users(): SimUserSnapshot[];
  requests(): RequestLogEntry[];
  state(): SimStateSnapshot;
  reset(): void;
  on<K extends keyof SimEvents>(event: K, fn: (e: SimEvents[K]) => void): Simulator;
  off<K extends keyof SimEvents>(event: K, fn: (e: SimEvents[K]) => void): Simulator;
}

export async function startSimulator(opts: Partial<SimOptions> = {}): Promise<Simulator> {
  const s = new SimState(resolveOptions(opts));
  const router = apiRouter();
  const server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    const work = path === "/_sim" || path.startsWith("/_sim/") ? handleControl(sim, s, req, res) : handleApi(s, router, req, res);
    work.catch((err: unknown) => {
      console.error("[aircall-sim] request failed:", err);
      if (!res.headersSent) send(res, { status: 500, body: { error: "Internal Server Error", troubleshoot: String(err) } });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(s.options.port, "127.0.0.1", () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  s.baseUrl = `http://127.0.0.1:${port}`;

  const sim: Simulator = {
    url: s.baseUrl,
    port,
    options: s.options,
    async close() {
      s.stopActivity();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
    setScript: (script) => s.script.set(script),
    pushFaults: (...faults) => s.faults.push(faults.flat()),
    setAvailability(userId, availability) {
      const { availability: a } = AvailabilityBodySchema.parse({ availability });
      const u = s.users.get(userId);
      if (!u) throw new Error(`unknown user ${userId}`);
      setAvailability(s, u, a as Availability);
    },
    setTimings(update) {
      const parsed = TimingsSchema.parse(update);
      const { wrapUpMs, webhookUrl, ...rest } = parsed;
      Object.assign(s.options, rest);
      if (wrapUpMs !== undefined) s.options.wrapUpMs = wrapUpMs ?? undefined;
      if (webhookUrl !== undefined) s.options.webhookUrl = webhookUrl ?? undefined;
    },
    endCall(callId) {
      const c = s.findCall(callId);
      if (!c) throw new Error(`unknown call ${callId}`);
      hangUp(s, c, s.options.endedDelayMs, true);
    },
    calls: () => [...s.calls.values()].map(callSnapshot),
    call(callId) {
      const c = s.findCall(callId);
      return c ? callSnapshot(c) : undefined;
    },
    users: () => userSnapshots(s),
    requests: () => structuredClone(s.requests),
    state: () => stateSnapshot(s),
    reset: () => s.reset(),
    on(event, fn) {
      s.emitter.on(event, fn as (e: unknown) => void);
      return sim;
    },
    off(event, fn) {
      s.emitter.off(event, fn as (e: unknown) => void);
      return sim;
    },
  };
  return sim;
}
