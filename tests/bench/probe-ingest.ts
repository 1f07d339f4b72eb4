/**
 * Diagnostic (not part of `pnpm bench`): where does webhook ingest time go? Fires the same load
 * at each hop in turn — /health, an event the worker ignores before any Durable Object, an event
 * for a user nobody enrolled (answered from the worker's roster cache), a user event for an
 * enrolled agent (DO RPC + SQLite write), a duplicate, and the call events of 100 runs in progress
 * (the ingest benchmark's traffic: each call's events, its start-call and insight card) — and
 * prints rate, latency and the CPU the wrangler processes spent per request for each.
 *   pnpm --filter @dialer/tests exec tsx bench/probe-ingest.ts
 * Env: N (requests per hop, 3000), CONCURRENCY (100), ROUNDS (2), HOPS (comma list of
 * health,ignored,unknown,user,duplicate,calls; default all), PROFILE=<dir>: also take a CPU profile
 * of the worker's isolate during each `health`, `user` and `calls` hop (written there, summarised here).
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { inspectorPortOf, Profiler, summarize } from "./cpu-profile";
import { groupCpuMs, listenerGroup } from "./process-cpu";
import { enrollAgents, hrNow, items, KeepAlive, simUsers, startBenchSystem, waitFor } from "./lib";
import { privateDevRegistry, startRun, watchDashboardBuilds } from "./settle";
import { percentile } from "./stats";
import { callEvent, unix, userEvent, type CallSpec } from "./webhooks";

const CONCURRENCY = Number(process.env.CONCURRENCY ?? 100);
const N = Number(process.env.N ?? 3000);
const ROUNDS = Number(process.env.ROUNDS ?? 2);
const HOPS = (process.env.HOPS ?? "health,ignored,unknown,user,duplicate,calls").split(",");
const PROFILE = process.env.PROFILE;
const users = simUsers(CONCURRENCY);
privateDevRegistry();
const builds = watchDashboardBuilds();
const system = await startBenchSystem({ quiet: !process.env.VERBOSE, sim: { users, ratePerMinute: 1_000_000, webhookUrl: undefined }, vars: { AIRCALL_RATE_LIMIT_PER_MIN: "1000000" } });
const http = new KeepAlive(CONCURRENCY);
console.log(`wrangler's dashboard builds: ${await builds.settle(system.workerUrl)}`);
const agents = await enrollAgents(system.workerUrl, users);
const url = `${system.workerUrl}/webhooks/aircall`;
const group = listenerGroup(system.workerPort);
const inspector = PROFILE ? inspectorPortOf(system.workerPort) : null;
const profiler = inspector ? await Profiler.connect(inspector) : null;
if (PROFILE) mkdirSync(PROFILE, { recursive: true });
if (PROFILE && !profiler) console.log("no inspector found: no profile");
/** Named steps whose inclusive time the profile summary prints. */
const STEPS = ["ingest", "apply", "transition", "saveMachine", "seen", "pushState", "notifyHub", "flushHub", "syncAlarm", "applyNow", "runLater", "sendToAircall", "fromEnvelope", "agentState", "broadcast"];

let ts = 1;
// User events over an hour old are ignored by the worker: each user's own recent, increasing stamp.
const base = unix() - 3000;
const userTs = new Map<number, number>();
const stamp = (id: number) => {
  const v = (userTs.get(id) ?? base) + 1;
  userTs.set(id, v);
  return v;
};

async function measure(label: string, n: number, run: (ms: number[]) => Promise<void>, profile = false) {
  const ms: number[] = [];
  if (profile && profiler) await profiler.start();
  const c0 = group === null ? 0 : groupCpuMs(group);
  const t0 = hrNow();
  await run(ms);
  const secs = (hrNow() - t0) / 1000;
  const cpu = group === null ? "" : `  wrangler CPU ${((groupCpuMs(group) - c0) / ms.length).toFixed(2)} ms/request`;
  console.log(`${label.padEnd(48)} ${(ms.length / secs).toFixed(0).padStart(6)}/s  p50 ${percentile(ms, 50).toFixed(1).padStart(6)} ms  p99 ${percentile(ms, 99).toFixed(1).padStart(6)} ms${cpu}`);
  if (profile && profiler) {
    const file = join(PROFILE!, `${label.replace(/\W+/g, "-")}-${Date.now()}.cpuprofile`);
    console.log(summarize(await profiler.stop(file), ms.length, STEPS));
    console.log(`  (profile: ${file})`);
  }
  void n;
}

async function post(ms: number[], body: string, label: string) {
  const s = hrNow();
  // A keep-alive socket closed while idle never sent the request: once more on a fresh one.
  let res = await http.request(url, "POST", body).catch((err: Error) => (/socket hang up|ECONNRESET/.test(String(err)) ? http.request(url, "POST", body) : Promise.reject(err)));
  if (res.status === 503 && /restarted mid-request/.test(res.text)) res = await http.request(url, "POST", body); // as Aircall would
  if (res.status !== 200) throw new Error(`${label}: ${res.status} ${res.text}`);
  ms.push(hrNow() - s);
}

async function load(label: string, make: (i: number) => { method: string; path: string; body?: string }, profile = false) {
  await measure(label, N, async (ms) => {
    let next = 0;
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
  }, profile);
}

let runNo = 0;
let callSeq = 0n;
/** Every agent in a run; its calls driven only by the webhooks sent here (~8 per call). */
async function calls(label: string) {
  const perAgent = Math.max(1, Math.round(N / CONCURRENCY / 8));
  const p = runNo++;
  system.sim.pushFaults(Array.from({ length: CONCURRENCY * perAgent }, () => ({ placeCall: false })));
  const runItems = users.map((_, a) => items(perAgent, `probe${p}a${a}`, a * perAgent));
  await Promise.all(agents.map((agent, a) => startRun(agent, runItems[a]!)));
  await waitFor("all agents dialing", async () => (await Promise.all(agents.map((g) => g.state()))).every((s) => s.status === "dialing"), 30_000, 200);
  await measure(label, N, async (ms) => {
    await Promise.all(
      users.map(async (u, a) => {
        let prev: CallSpec | undefined;
        for (let k = 0; k < perAgent; k++) {
          const id = (8_000_000_000_000_000_000n + BigInt(p) * 1_000_000n + ++callSeq).toString();
          const call: CallSpec = { id, userId: u.id, numberId: u.numbers[0]!.id, to: runItems[a]![k]!.phone, startedAt: unix() };
          await post(ms, callEvent("call.created", call), label);
          call.answeredAt = unix();
          await post(ms, callEvent("call.answered", call), label);
          call.endedAt = unix();
          await post(ms, callEvent("call.hungup", call), label);
          await post(ms, userEvent("user.wut_start", u.id, stamp(u.id), "available"), label);
          await post(ms, userEvent("user.wut_start.v2", u.id, userTs.get(u.id)!, "available"), label); // the same delivery, v2 spelling
          await post(ms, userEvent("user.wut_end", u.id, stamp(u.id)), label);
          if (prev) await post(ms, callEvent("call.ended", prev), label);
          prev = call;
        }
        await post(ms, callEvent("call.ended", prev!), label);
      }),
    );
  }, true);
}

try {
  for (let round = 0; round < ROUNDS; round++) {
    if (HOPS.includes("health")) await load("GET /health", () => ({ method: "GET", path: `${system.workerUrl}/health` }), true);
    if (HOPS.includes("ignored")) await load("webhook, ignored event (no DO)", () => ({ method: "POST", path: url, body: userEvent("user.created", 1001, ts++).replace('"resource":"user","event":"user.created"', '"resource":"company","event":"company.updated"').replace('"data":{"id":1001', '"data":{"x":1') }));
    if (HOPS.includes("unknown")) await load("webhook, user not enrolled (roster cache, no DO)", (i) => ({ method: "POST", path: url, body: userEvent("user.opened", 5000 + (i % 100), stamp(5000 + (i % 100))) }));
    if (HOPS.includes("user")) await load("webhook, user event, enrolled (RPC + write)", (i) => ({ method: "POST", path: url, body: userEvent(i % 2 ? "user.opened" : "user.wut_end.v2", users[i % CONCURRENCY]!.id, stamp(users[i % CONCURRENCY]!.id)) }), true);
    if (HOPS.includes("duplicate")) await load("webhook, duplicate of a seen event", (i) => ({ method: "POST", path: url, body: userEvent("user.opened", users[i % CONCURRENCY]!.id, base) }));
    if (HOPS.includes("calls")) await calls("webhook, call events of runs in progress");
  }
} catch (err) {
  console.error(`${(err as Error).message}\nwrangler output (tail): ${system.logs.join("").slice(-3000)}`);
  process.exitCode = 1;
} finally {
  profiler?.close();
  http.close();
  await system.stop();
}
