/**
 * Run throughput: a 200-number run with instant simulated calls (delay 0). With a high limit
 * (10,000/min on both sides) it shows the machine's own ceiling; with the default 60/min the
 * bound is the limit itself (each call costs one start-call request): checked by letting one run
 * hit it — 60 dials go out, the 61st waits for the window.
 */
import type { WebhookDeliveryEvent } from "../aircall-sim";
import { enrollAgents, hrNow, items, simUsers, sleep, startBenchSystem, waitFor, type Bench } from "./lib";

const NUMBERS = 200;
const PARALLEL_AGENTS = 10;
const FAST = { createdDelayMs: 1, ringMs: 1, talkMs: 1, endedDelayMs: 300 };

export const throughput: Bench = {
  id: "throughput",
  title: `Run throughput (${NUMBERS}-number run, instant calls)`,
  async run(ctx) {
    // 1. The machine's ceiling: high limit on both sides.
    const users = simUsers(ctx.runs + PARALLEL_AGENTS + 1); // the last one warms up
    let system = await startBenchSystem({ sim: { users, ratePerMinute: 10_000, ...FAST } });
    try {
      const { sim, workerUrl } = system;
      sim.setScript({ default: { outcome: "answered" } });
      const agents = await enrollAgents(workerUrl, users);
      const hungups = new Map<number, number[]>();
      sim.on("webhook", (e: WebhookDeliveryEvent) => {
        if (e.event !== "call.hungup" || e.attempt !== 1) return;
        const uid = Number(/"user":\{"id":(\d+)/.exec(e.body)?.[1]);
        (hungups.get(uid) ?? hungups.set(uid, []).get(uid)!).push(e.finishedAt);
      });
      const warm = agents[agents.length - 1]!;
      await warm.start(items(30, "warm"), 0);
      await waitFor("the warm-up run", async () => (await warm.state()).status === "completed", 60_000, 100);
      for (let run = 0; run < ctx.runs; run++) {
        const uid = users[run]!.id;
        const t0 = hrNow();
        await agents[run]!.start(items(NUMBERS, `r${run}`), 0);
        await waitFor("the run to complete", () => (hungups.get(uid)?.length ?? 0) >= NUMBERS, 180_000, 20);
        const secs = (Math.max(...hungups.get(uid)!) - t0) / 1000;
        const perMin = (NUMBERS / secs) * 60;
        ctx.log(`run ${run + 1}: ${NUMBERS} calls in ${secs.toFixed(1)} s = ${perMin.toFixed(0)} calls/min (one agent, limit 10,000/min)`);
        ctx.record({ name: "run_calls_per_min_1_agent_limit10000", value: perMin, unit: "calls/min" });
      }
      // Several agents at once: what the machine carries in total.
      const group = users.slice(ctx.runs, ctx.runs + PARALLEL_AGENTS);
      const per = NUMBERS / PARALLEL_AGENTS;
      const t0 = hrNow();
      await Promise.all(group.map((_, i) => agents[ctx.runs + i]!.start(items(per, `p${i}`, i * per), 0)));
      await waitFor("the parallel runs to complete", () => group.every((u) => (hungups.get(u.id)?.length ?? 0) >= per), 180_000, 20);
      const secs = (Math.max(...group.flatMap((u) => hungups.get(u.id)!)) - t0) / 1000;
      const perMin = (NUMBERS / secs) * 60;
      ctx.log(`${PARALLEL_AGENTS} agents × ${per} numbers: ${NUMBERS} calls in ${secs.toFixed(1)} s = ${perMin.toFixed(0)} calls/min`);
      ctx.record({ name: `run_calls_per_min_${PARALLEL_AGENTS}_agents_limit10000`, value: perMin, unit: "calls/min" });
    } finally {
      await system.stop();
    }

    // 2. The default limit: 60 requests per rolling minute, so at most 60 calls/min.
    system = await startBenchSystem({ sim: { users: simUsers(1), ratePerMinute: 60, ...FAST } });
    try {
      const { sim, workerUrl } = system;
      sim.setScript({ default: { outcome: "answered" } });
      const [agent] = await enrollAgents(workerUrl, simUsers(1));
      const t0 = Date.now();
      await agent!.start(items(NUMBERS, "limit"), 0);
      const dials = () => sim.requests().filter((r) => r.method === "POST" && r.path.endsWith("/calls"));
      await waitFor("60 dials", () => dials().length >= 60, 60_000, 20);
      const burst = (Date.now() - t0) / 1000;
      await sleep(3000); // the 61st must wait for the window (~60 s after the first)
      const n = dials().length;
      const limited = sim.requests().filter((r) => r.status === 429).length;
      ctx.log(`limit 60/min: ${n} dials in the first ${(burst + 3).toFixed(1)} s (60 reached after ${burst.toFixed(1)} s), then waiting; simulator 429s: ${limited}`);
      ctx.record({ name: "run_calls_per_min_bound_limit60", value: 60, unit: "calls/min", note: "stated: AIRCALL_RATE_LIMIT_PER_MIN=60, one start-call request per call" });
      ctx.record({ name: "run_limit60_dials_before_wait", value: n, unit: "calls", target: { op: "==", value: 60 } });
    } finally {
      await system.stop();
    }
  },
};
