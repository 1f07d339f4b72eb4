/** Shared pieces of the benchmarks: the figure record, the baseline, keep-alive HTTP, agents. */
import { Agent, request as httpRequest } from "node:http";
import type { SimUserSpec } from "../aircall-sim";
import { AdminClient, AgentClient } from "../system/api-client";
import { startSystem, type System, type SystemOptions } from "../system/start-system";
import { median } from "./stats";

/** Comparison a figure is held to. */
export type Target = { op: "<" | "<=" | ">=" | "=="; value: number };

/** One measurement of a figure in one run; run.ts aggregates runs into median/min/max. */
export type Sample = {
  name: string;
  value: number;
  unit: string;
  /** For timings: the baseline (GET /health round trip) measured in the same run, in ms. */
  baselineMs?: number;
  target?: Target;
  /** A fact that must hold (e.g. "every event applied once"): met = value is true. */
  note?: string;
};

export type BenchContext = {
  record(sample: Sample): void;
  /** The benchmark cannot run here; the reason is printed and recorded. */
  skip(reason: string): void;
  log(message: string): void;
  /** Runs each timing benchmark repeats (median/min/max over these). */
  runs: number;
};

export type Bench = { id: string; title: string; run(ctx: BenchContext): Promise<void> };

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
export const hrNow = () => performance.timeOrigin + performance.now();

/** Starts the real system quietly with bench-friendly defaults (fast calls, no retries noise). */
export function startBenchSystem(o: SystemOptions = {}): Promise<System> {
  return startSystem({ quiet: true, ...o, sim: { webhookRetries: 0, ...o.sim }, vars: { ...o.vars } });
}

/** Simulator users 1001.. with one number each (2001..). */
export function simUsers(n: number, firstId = 1001): SimUserSpec[] {
  return Array.from({ length: n }, (_, i) => ({
    id: firstId + i,
    name: `Bench Agent ${i + 1}`,
    email: `bench.agent${i + 1}@example.com`,
    numbers: [{ id: 2001 + i, digits: `+1555010${String(i).padStart(4, "0")}`, name: `Line ${i + 1}` }],
    wrapUpTime: 0,
  }));
}

const AREA_CODES = [201, 202, 203, 205, 206, 207, 208, 209, 210, 212, 213, 214, 215, 216, 217, 218, 219, 224, 225, 228];
/** A distinct valid-looking US E.164 number for index i (< 2000). */
export function phone(i: number): string {
  const area = AREA_CODES[Math.floor(i / 100) % AREA_CODES.length]!;
  return `+1${area}555${String(100 + (i % 100)).padStart(4, "0")}`;
}

export function items(n: number, prefix = "item", offset = 0) {
  return Array.from({ length: n }, (_, i) => ({ id: `${prefix}-${i + 1}`, phone: phone(offset + i), name: `Contact ${i + 1}` }));
}

/** Creates and enrolls agents for the given Aircall user ids (10 at a time). */
export async function enrollAgents(workerUrl: string, users: SimUserSpec[]): Promise<AgentClient[]> {
  const admin = new AdminClient(workerUrl);
  const out: AgentClient[] = [];
  for (let i = 0; i < users.length; i += 10) {
    const batch = users.slice(i, i + 10);
    out.push(
      ...(await Promise.all(
        batch.map(async (u) => {
          const { enrollmentCode } = await admin.createAgent(u.id, u.numbers[0]!.id, u.name);
          return AgentClient.enroll(workerUrl, enrollmentCode);
        }),
      )),
    );
  }
  return out;
}

/** Keep-alive HTTP client (node:http), so timings are not dominated by connection set-up. */
export class KeepAlive {
  readonly agent: Agent;
  constructor(maxSockets = 64) {
    this.agent = new Agent({ keepAlive: true, maxSockets });
  }
  request(url: string, method = "GET", body?: string): Promise<{ status: number; text: string }> {
    return new Promise((resolve, reject) => {
      const req = httpRequest(
        url,
        { method, agent: this.agent, headers: body === undefined ? {} : { "content-type": "application/json", "content-length": Buffer.byteLength(body) } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString() }));
          res.on("error", reject);
        },
      );
      req.on("error", reject);
      req.end(body);
    });
  }
  close() {
    this.agent.destroy();
  }
}

/** The baseline: median round trip of `GET /health` through the same wrangler dev (ms). */
export async function baseline(workerUrl: string, n = 40): Promise<number> {
  const http = new KeepAlive(1);
  try {
    for (let i = 0; i < 5; i++) await http.request(`${workerUrl}/health`); // warm up
    const times: number[] = [];
    for (let i = 0; i < n; i++) {
      const t0 = hrNow();
      const res = await http.request(`${workerUrl}/health`);
      if (res.status !== 200) throw new Error(`/health answered ${res.status}`);
      times.push(hrNow() - t0);
    }
    return median(times);
  } finally {
    http.close();
  }
}

/** Polls until `check` is true (or throws after timeoutMs). */
export async function waitFor(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 60_000, everyMs = 50): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(everyMs);
  }
}
