/** startSimulator(): the library entry point that ties state, HTTP server and control API together. */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { hangUp, transferCall } from "./call-player";
import { handleControl } from "./control";
import { resolveOptions } from "./options";
import type { RequestLogEntry } from "./records";
import { AvailabilityBodySchema, TimingsSchema } from "./schemas";
import { apiRouter, handleApi, send } from "./server";
import { callSnapshot, stateSnapshot, userSnapshots } from "./snapshot";
import type { SimCallSnapshot, SimStateSnapshot, SimUserSnapshot } from "./snapshot";
import { SimState } from "./state";
import type { Availability, Fault, Script, SimOptions } from "./types";
import type { PressureSnapshot } from "./pressure";
import { setAvailability, setWorkspace } from "./user-availability";
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
  /** Transfer an answered call to another user now (call.transferred; the agent is free again). */
  transferCall(callId: string): void;
  /** Workspace closed (false: user.disconnected, start-call 405) or opened again (true: user.connected). */
  setWorkspace(userId: number, connected: boolean): void;
  /** For the next `ms`, every delivery to a registered webhook fails (10 in a row disable it). */
  webhookOutage(ms: number): void;
  /** Budget figures: max requests in any rolling 60 s, requests before a told reset. */
  pressure(): PressureSnapshot;
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
    transferCall(callId) {
      const c = s.findCall(callId);
      if (!c) throw new Error(`unknown call ${callId}`);
      if (c.status !== "answered") throw new Error(`call ${callId} is ${c.status}: only an answered call can be transferred`);
      transferCall(s, c);
    },
    setWorkspace(userId, connected) {
      const u = s.users.get(userId);
      if (!u) throw new Error(`unknown user ${userId}`);
      setWorkspace(s, u, connected);
    },
    webhookOutage(ms) {
      if (!Number.isInteger(ms) || ms < 0) throw new Error("ms must be a non-negative integer");
      s.webhookOutageUntil = Date.now() + ms;
    },
    pressure: () => s.pressure.snapshot(),
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
