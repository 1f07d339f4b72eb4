/**
 * Hang-up to next dial: from the simulator sending `call.hungup` to the worker, to the next
 * `POST /v1/users/:id/calls` arriving at the simulator, with delay 0 and instant calls.
 */
import type { RequestLogEntry, WebhookDeliveryEvent } from "../aircall-sim";
import { baseline, enrollAgents, items, simUsers, startBenchSystem, waitFor, type Bench } from "./lib";
import { percentile } from "./stats";

const CALLS = 101; // 100 hang-up → next-dial gaps per run
const WARMUP = 30;

export const hangup: Bench = {
  id: "hangup",
  title: "Hang-up to next dial (delay 0)",
  async run(ctx) {
    const users = simUsers(ctx.runs + 1); // the last one warms up
    const system = await startBenchSystem({
      sim: { users, ratePerMinute: 10_000, createdDelayMs: 2, ringMs: 3, talkMs: 3, endedDelayMs: 300 },
    });
    try {
      const { sim, workerUrl } = system;
      sim.setScript({ default: { outcome: "answered" } });
      const agents = await enrollAgents(workerUrl, users);
      const hungups = new Map<number, WebhookDeliveryEvent[]>();
      const starts = new Map<number, RequestLogEntry[]>();
      sim.on("webhook", (e) => {
        if (e.event !== "call.hungup" || e.attempt !== 1) return;
        const uid = Number(/"user":\{"id":(\d+)/.exec(e.body)?.[1]);
        (hungups.get(uid) ?? hungups.set(uid, []).get(uid)!).push(e);
      });
      sim.on("request", (r) => {
        const m = /^\/v1\/users\/(\d+)\/calls$/.exec(r.path);
        if (r.method !== "POST" || !m) return;
        const uid = Number(m[1]);
        (starts.get(uid) ?? starts.set(uid, []).get(uid)!).push(r);
      });
      // Warm-up (not measured): a fresh wrangler dev compiles, creates the DOs' SQLite files, etc.
      const warm = agents[ctx.runs]!;
      await warm.start(items(WARMUP, "warm"), 0);
      await waitFor("the warm-up run", async () => (await warm.state()).status === "completed", 60_000, 100);
      for (let run = 0; run < ctx.runs; run++) {
        const uid = users[run]!.id;
        const agent = agents[run]!;
        const base = await baseline(workerUrl);
        const t0 = Date.now();
        await agent.start(items(CALLS, `r${run}`), 0);
        await waitFor("the run to complete", async () => (await agent.state()).status === "completed", 120_000, 100);
        await waitFor("the last hang-up delivery", () => (hungups.get(uid)?.length ?? 0) >= CALLS, 5000);
        const h = [...hungups.get(uid)!].sort((a, b) => a.sentAt - b.sentAt);
        const s = [...(starts.get(uid) ?? [])].sort((a, b) => a.receivedAtHr - b.receivedAtHr);
        if (s.length !== CALLS || h.length !== CALLS) throw new Error(`expected ${CALLS} dials and hang-ups, saw ${s.length} and ${h.length}`);
        const gaps = h.slice(0, -1).map((e, i) => s[i + 1]!.receivedAtHr - e.sentAt);
        const ack = h.map((e) => e.finishedAt - e.sentAt);
        ctx.log(
          `run ${run + 1}: ${CALLS} calls in ${((Date.now() - t0) / 1000).toFixed(1)} s; gap p50 ${percentile(gaps, 50).toFixed(1)} p99 ${percentile(gaps, 99).toFixed(1)} max ${Math.max(...gaps).toFixed(1)} ms; ` +
            `hungup 200 p50 ${percentile(ack, 50).toFixed(1)} ms; /health ${base.toFixed(2)} ms`,
        );
        ctx.record({ name: "hangup_to_next_dial_p50", value: percentile(gaps, 50), unit: "ms", baselineMs: base });
        ctx.record({ name: "hangup_to_next_dial_p99", value: percentile(gaps, 99), unit: "ms", baselineMs: base, target: { op: "<", value: 50 } });
        ctx.record({ name: "health_round_trip", value: base, unit: "ms", baselineMs: base });
      }
    } finally {
      await system.stop();
    }
  },
};
