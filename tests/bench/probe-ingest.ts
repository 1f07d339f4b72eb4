/**
 * Diagnostic (not part of `pnpm bench`): where does webhook ingest time go? Fires the same load
 * at each hop in turn — /health, an event the worker ignores before any Durable Object, an event
 * for a user nobody enrolled (one DO RPC, no write), and a user event for an enrolled agent (DO RPC
 * + SQLite write) — and prints rate and latency for each.  `pnpm --filter @dialer/tests exec tsx bench/probe-ingest.ts`
 */
import { enrollAgents, hrNow, KeepAlive, simUsers, startBenchSystem } from "./lib";
import { percentile } from "./stats";
import { userEvent } from "./webhooks";

const CONCURRENCY = Number(process.env.CONCURRENCY ?? 100);
const N = Number(process.env.N ?? 3000);
const users = simUsers(100);
const system = await startBenchSystem({ sim: { users, webhookUrl: undefined } });
const http = new KeepAlive(CONCURRENCY);
await enrollAgents(system.workerUrl, users);
const url = `${system.workerUrl}/webhooks/aircall`;
let ts = 1;

async function load(label: string, make: (i: number) => { method: string; path: string; body?: string }) {
  const ms: number[] = [];
  let next = 0;
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
  console.log(`${label.padEnd(44)} ${(N / secs).toFixed(0).padStart(6)}/s  p50 ${percentile(ms, 50).toFixed(1).padStart(6)} ms  p99 ${percentile(ms, 99).toFixed(1).padStart(6)} ms`);
}

try {
  for (let round = 0; round < 2; round++) {
    await load("GET /health", () => ({ method: "GET", path: `${system.workerUrl}/health` }));
    await load("webhook, ignored event (no DO)", () => ({ method: "POST", path: url, body: userEvent("user.created", 1001, ts++).replace('"resource":"user","event":"user.created"', '"resource":"company","event":"company.updated"').replace('"data":{"id":1001', '"data":{"x":1') }));
    await load("webhook, user not enrolled (DO RPC, no write)", (i) => ({ method: "POST", path: url, body: userEvent("user.opened", 5000 + (i % 100), ts++) }));
    await load("webhook, user event, enrolled (RPC + write)", (i) => ({ method: "POST", path: url, body: userEvent(i % 2 ? "user.opened" : "user.wut_end.v2", users[i % 100]!.id, ts++) }));
    await load("webhook, duplicate of a seen event", (i) => ({ method: "POST", path: url, body: userEvent("user.opened", users[i % 100]!.id, 7) }));
  }
} finally {
  http.close();
  await system.stop();
}
