/**
 * Diagnostic (not part of `pnpm bench`): where does webhook ingest time go? Fires the same load
 * at each hop in turn — /health, an event the worker ignores before any Durable Object, an event
 * for a user nobody enrolled (answered from the worker's roster cache), and a user event for an
 * enrolled agent (DO RPC + SQLite write) — and prints rate, latency and the CPU the wrangler
 * processes spent per request for each.  `pnpm --filter @dialer/tests exec tsx bench/probe-ingest.ts`
 */
import { groupCpuMs, listenerGroup } from "./process-cpu";
import { enrollAgents, hrNow, KeepAlive, simUsers, startBenchSystem } from "./lib";
import { percentile } from "./stats";
import { unix, userEvent } from "./webhooks";

const CONCURRENCY = Number(process.env.CONCURRENCY ?? 100);
const N = Number(process.env.N ?? 3000);
const users = simUsers(100);
const system = await startBenchSystem({ sim: { users, webhookUrl: undefined } });
const http = new KeepAlive(CONCURRENCY);
await enrollAgents(system.workerUrl, users);
const url = `${system.workerUrl}/webhooks/aircall`;
const group = listenerGroup(system.workerPort);
let ts = 1;
// User events over an hour old are ignored by the worker: each user's own recent, increasing stamp.
const base = unix() - 3000;
const userTs = new Map<number, number>();
const stamp = (id: number) => {
  const v = (userTs.get(id) ?? base) + 1;
  userTs.set(id, v);
  return v;
};

async function load(label: string, make: (i: number) => { method: string; path: string; body?: string }) {
  const ms: number[] = [];
  let next = 0;
  const c0 = group === null ? 0 : groupCpuMs(group);
  const t0 = hrNow();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < N) {
        const r = make(next++);
        const s = hrNow();
        const res = await http.request(r.path, r.method, r.body);
        if (res.status !== 200) throw new Error(`${label}: ${res.status} ${res.text}`);
        ms.push(hrNow() - s);
      }
    }),
  );
  const secs = (hrNow() - t0) / 1000;
  const cpu = group === null ? "" : `  wrangler CPU ${((groupCpuMs(group) - c0) / N).toFixed(2)} ms/request`;
  console.log(`${label.padEnd(44)} ${(N / secs).toFixed(0).padStart(6)}/s  p50 ${percentile(ms, 50).toFixed(1).padStart(6)} ms  p99 ${percentile(ms, 99).toFixed(1).padStart(6)} ms${cpu}`);
}

try {
  for (let round = 0; round < 2; round++) {
    await load("GET /health", () => ({ method: "GET", path: `${system.workerUrl}/health` }));
    await load("webhook, ignored event (no DO)", () => ({ method: "POST", path: url, body: userEvent("user.created", 1001, ts++).replace('"resource":"user","event":"user.created"', '"resource":"company","event":"company.updated"').replace('"data":{"id":1001', '"data":{"x":1') }));
    await load("webhook, user not enrolled (roster cache, no DO)", (i) => ({ method: "POST", path: url, body: userEvent("user.opened", 5000 + (i % 100), stamp(5000 + (i % 100))) }));
    await load("webhook, user event, enrolled (RPC + write)", (i) => ({ method: "POST", path: url, body: userEvent(i % 2 ? "user.opened" : "user.wut_end.v2", users[i % 100]!.id, stamp(users[i % 100]!.id)) }));
    await load("webhook, duplicate of a seen event", (i) => ({ method: "POST", path: url, body: userEvent("user.opened", users[i % 100]!.id, base) }));
  }
} finally {
  http.close();
  await system.stop();
}
