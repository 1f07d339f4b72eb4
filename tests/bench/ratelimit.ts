/**
 * Rate limit: 50 agents start at once with a company limit of 60/min on both sides (the worker's
 * AIRCALL_RATE_LIMIT_PER_MIN and the simulator's ratePerMinute). Calls last ~20 s and each agent
 * has 3 numbers, so ~110 start-calls are wanted within the first minute: requests at the simulator
 * must never exceed 60 in any 60-second window, and the simulator must never answer 429.
 * The only long benchmark (~70 s); it runs once.
 */
import { enrollAgents, items, simUsers, sleep, startBenchSystem, type Bench } from "./lib";

const AGENTS = 50;
const LIMIT = 60;
const OBSERVE_MS = 64_000;

export const ratelimit: Bench = {
  id: "ratelimit",
  title: `Rate limit (${AGENTS} agents at once, ${LIMIT}/min)`,
  async run(ctx) {
    const users = simUsers(AGENTS);
    const system = await startBenchSystem({
      sim: { users, ratePerMinute: LIMIT, createdDelayMs: 100, ringMs: 500, talkMs: 20_000, endedDelayMs: 5000 },
      vars: { AIRCALL_RATE_LIMIT_PER_MIN: String(LIMIT) },
    });
    try {
      const { sim, workerUrl } = system;
      sim.setScript({ default: { outcome: "answered" } });
      const agents = await enrollAgents(workerUrl, users);
      const t0 = Date.now();
      await Promise.all(agents.map((a, i) => a.start(items(3, `a${i}`, i * 3), 0)));
      await sleep(OBSERVE_MS - (Date.now() - t0));
      const api = sim.requests().filter((r) => r.path.startsWith("/v1/"));
      const times = api.map((r) => r.receivedAt).sort((a, b) => a - b);
      // The largest count in any 60 s window [t, t + 60 s) starting at a request.
      let maxWindow = 0;
      for (let i = 0, j = 0; i < times.length; i++) {
        while (j < times.length && times[j]! < times[i]! + 60_000) j++;
        maxWindow = Math.max(maxWindow, j - i);
      }
      const limited = api.filter((r) => r.status === 429).length;
      const dials = api.filter((r) => r.method === "POST" && r.path.endsWith("/calls"));
      const late = dials.filter((r) => r.receivedAt - t0 >= 60_000).length;
      const first = times[0] ?? t0;
      ctx.log(
        `${api.length} Aircall requests in ${(OBSERVE_MS / 1000).toFixed(0)} s (${dials.length} start-calls; ${late} held until the window moved, first at +${(((dials.find((r) => r.receivedAt - t0 >= 60_000)?.receivedAt ?? NaN) - first) / 1000).toFixed(2)} s); ` +
          `largest 60 s window ${maxWindow}; 429s ${limited}`,
      );
      ctx.record({ name: "ratelimit_max_requests_in_60s_window", value: maxWindow, unit: "requests", target: { op: "<=", value: LIMIT } });
      ctx.record({ name: "ratelimit_sim_429s", value: limited, unit: "responses", target: { op: "==", value: 0 } });
      ctx.record({ name: "ratelimit_requests_held_past_window", value: late, unit: "requests", note: "start-calls the limiter held until the first minute's requests left the window" });
    } finally {
      await system.stop();
    }
  },
};
