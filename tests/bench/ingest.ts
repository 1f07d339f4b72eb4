/**
 * Webhook ingest: 100 enrolled agents, each in a run whose calls are driven only by webhooks we
 * send from Node (keep-alive) straight to /webhooks/aircall: call.created/answered/hungup/ended,
 * user events in both spellings, and re-deliveries. Each run has three phases against the same
 * `wrangler dev`: `GET /health` at the same concurrency (the ceiling a webhook is compared with),
 * the webhooks as fast as they are answered (the ingest rate), then a shorter run of the same
 * traffic paced at half that rate (the time to the 200 when the worker is not saturated). Every
 * event must be applied exactly once (response statuses and the agents' history).
 */
import { normalizeEventName } from "@dialer/shared";
import type { AgentClient } from "../system/api-client";
import { groupCpuMs, listenerGroup } from "./process-cpu";
import { baseline, enrollAgents, sleep, hrNow, items, KeepAlive, simUsers, startBenchSystem, waitFor, type Bench } from "./lib";
import { privateDevRegistry, startRun, watchDashboardBuilds } from "./settle";
import { percentile } from "./stats";
import { callEvent, unix, userEvent, type CallSpec } from "./webhooks";

const AGENTS = 100;
const CALLS = 12; // per agent per run: ~100 webhooks per agent, ~10,000 per run
const PACED_CALLS = 4; // the half-rate phase: ~3,500 webhooks
const HEALTH_N = 3000;

type Sent = { key: string; status: number; result: string; ms: number; event: string };

/** The worker's dedupe key for a body we built (mirrors worker/src/dialer/webhook-event.ts). */
function keyOf(event: string, id: string | number, timestamp?: number): string {
  const name = normalizeEventName(event);
  return name.startsWith("user.") ? `${name}:${id}:${timestamp}:` : `${name}:${id}`;
}

type Phase = { rate: number; ms: number[]; violations: number; cpuPerEvent: number | null; sent: number };

export const ingest: Bench = {
  id: "ingest",
  title: `Webhook ingest (${AGENTS} agents)`,
  async run(ctx) {
    const users = simUsers(AGENTS);
    privateDevRegistry();
    const builds = watchDashboardBuilds();
    const system = await startBenchSystem({
      // The simulator only answers start-call here (204 placing nothing): every call event comes from us.
      sim: { users, ratePerMinute: 1_000_000, webhookUrl: undefined },
      vars: { AIRCALL_RATE_LIMIT_PER_MIN: "1000000" },
    });
    let http = new KeepAlive(AGENTS);
    try {
      const { sim, workerUrl } = system;
      const group = listenerGroup(system.workerPort);
      const cpu = () => (group === null ? null : groupCpuMs(group));
      ctx.log(`wrangler's dashboard builds: ${await builds.settle(workerUrl)}`);
      const agents = await enrollAgents(workerUrl, users);
      const url = `${workerUrl}/webhooks/aircall`;
      let callSeq = 0n;
      // User events must carry a recent timestamp (the worker ignores those over an hour old or 5 min
      // ahead); each agent's own counter keeps its deliveries distinct.
      const userTs = users.map(() => unix() - 1800);
      let phaseNo = 0;

      /** `GET /health` with the same number of keep-alive connections as the webhook phase. */
      const healthRate = async (): Promise<{ rate: number; cpuPerRequest: number | null }> => {
        let next = 0;
        const c0 = cpu();
        const t0 = hrNow();
        await Promise.all(
          Array.from({ length: AGENTS }, async () => {
            while (next++ < HEALTH_N) {
              const res = await http.request(`${workerUrl}/health`);
              if (res.status !== 200) throw new Error(`/health answered ${res.status}`);
            }
          }),
        );
        const secs = (hrNow() - t0) / 1000;
        const c1 = cpu();
        return { rate: HEALTH_N / secs, cpuPerRequest: c0 === null || c1 === null ? null : (c1 - c0) / HEALTH_N };
      };

      /** One run of every agent's calls; `perSecond` paces the sends (open loop), else as fast as answered. */
      const phase = async (calls: number, perSecond?: number): Promise<Phase> => {
        const p = phaseNo++;
        // Fresh connections: the server closes keep-alive sockets left idle between phases.
        http.close();
        http = new KeepAlive(AGENTS);
        sim.pushFaults(Array.from({ length: AGENTS * calls }, () => ({ placeCall: false })));
        const runItems = users.map((_, a) => items(calls, `p${p}a${a}`, a * CALLS));
        await Promise.all(agents.map((agent, a) => startRun(agent, runItems[a]!)));
        await waitFor("all agents dialing", async () => (await Promise.all(agents.map((g) => g.state()))).every((s) => s.status === "dialing"), 30_000, 200);

        const sent: Sent[] = [];
        const expectedCalls = new Map<number, string[]>();
        let slots = 0;
        let resent = 0;
        let tStart = 0;
        const pace = async () => {
          if (!perSecond) return;
          const at = tStart + (slots++ * 1000) / perSecond;
          const wait = at - hrNow();
          if (wait > 0) await sleep(wait);
        };
        const send = async (event: string, body: string, key: string) => {
          await pace();
          const t0 = hrNow();
          let res: { status: number; text: string };
          let again = false;
          try {
            res = await http.request(url, "POST", body);
          } catch (err) {
            // A keep-alive socket the server closed while idle (between phases): the request never
            // left; sent again once on a fresh socket (a real re-delivery would show as "duplicate").
            if (!/socket hang up|ECONNRESET/.test(String(err))) throw err;
            resent++;
            res = await http.request(url, "POST", body).catch((e: Error) => (/socket hang up|ECONNRESET/.test(String(e)) ? http.request(url, "POST", body) : Promise.reject(e)));
          }
          if (res.status === 503 && /restarted mid-request/.test(res.text)) {
            // wrangler dev restarted the worker (a rebuild): Aircall would deliver again; a
            // "duplicate" then means the first one was persisted before the restart.
            resent++;
            again = true;
            res = await http.request(url, "POST", body);
          }
          const ms = hrNow() - t0;
          let result = "";
          try {
            result = (JSON.parse(res.text) as { status?: string }).status ?? res.text;
          } catch {
            result = res.text;
          }
          sent.push({ key, status: res.status, result: again && result === "duplicate" && !sent.some((s) => s.key === key) ? "applied" : result, ms, event });
        };

        const chain = async (a: number) => {
          const u = users[a]!;
          const numberId = u.numbers[0]!.id;
          const history: { event: string; body: string; key: string }[] = [];
          const go = async (event: string, body: string, key: string) => {
            history.push({ event, body, key });
            await send(event, body, key);
          };
          const userEv = async (event: string, ts = ++userTs[a]!, availability = "available") => go(event, userEvent(event, u.id, ts, availability), keyOf(event, u.id, ts));
          await userEv("user.connected");
          await userEv("user.opened.v2");
          const ids: string[] = [];
          let prev: CallSpec | undefined;
          for (let k = 0; k < calls; k++) {
            const id = (7_000_000_000_000_000_000n + BigInt(p) * 1_000_000n + ++callSeq).toString();
            ids.push(id);
            const call: CallSpec = { id, userId: u.id, numberId, to: runItems[a]![k]!.phone, startedAt: unix() };
            await go("call.created", callEvent("call.created", call), keyOf("call.created", id));
            call.answeredAt = unix();
            await go("call.answered", callEvent("call.answered", call), keyOf("call.answered", id));
            call.endedAt = unix();
            await go("call.hungup", callEvent("call.hungup", call), keyOf("call.hungup", id));
            // After-call work in both spellings: v1 and v2 of the same delivery are one event.
            const ts = ++userTs[a]!;
            await userEv("user.wut_start", ts, "available");
            await userEv("user.wut_start.v2", ts, "available");
            await userEv(k % 2 ? "user.wut_end" : "user.wut_end.v2");
            if (prev) await go("call.ended", callEvent("call.ended", prev), keyOf("call.ended", prev.id)); // ~30 s later on Aircall
            // At-least-once delivery: re-send an earlier delivery now and then.
            if (Math.random() < 0.15) {
              const again = history[Math.floor(Math.random() * history.length)]!;
              await send(again.event, again.body, again.key);
            }
            prev = call;
          }
          await go("call.ended", callEvent("call.ended", prev!), keyOf("call.ended", prev!.id));
          expectedCalls.set(a, ids);
        };

        const c0 = cpu();
        const t0 = (tStart = hrNow());
        await Promise.all(users.map((_, a) => chain(a)));
        const elapsed = (hrNow() - t0) / 1000;
        const c1 = cpu();

        // Exactly once: every unique delivery "applied", every repeat "duplicate", nothing else.
        const unique = new Set(sent.map((s) => s.key));
        const applied = sent.filter((s) => s.result === "applied").length;
        const duplicate = sent.filter((s) => s.result === "duplicate").length;
        const other = sent.filter((s) => s.result !== "applied" && s.result !== "duplicate");
        let violations = Math.abs(applied - unique.size) + Math.abs(duplicate - (sent.length - unique.size)) + other.length;
        if (other.length) ctx.log(`unexpected answers: ${other.length}, e.g. ${JSON.stringify(other.slice(0, 2))}\nwrangler output (tail): ${system.logs.join("").slice(-3000)}`);
        // …and the agents' history shows each call once, answered and final, in order.
        const histories = await Promise.all(agents.map((g: AgentClient) => g.history(500)));
        const states = await Promise.all(agents.map((g: AgentClient) => g.state()));
        histories.forEach((h, a) => {
          const mine = h.items.filter((e) => e.itemId.startsWith(`p${p}a${a}-`)).reverse();
          const ids = expectedCalls.get(a) ?? [];
          const bad = mine.length !== calls || mine.some((e, k) => e.callId !== ids[k] || e.outcome !== "answered" || !e.final) || states[a]!.status !== "completed";
          if (bad) {
            violations++;
            if (violations < 4) ctx.log(`agent ${a}: ${mine.length} history rows, state ${states[a]!.status}`);
          }
        });
        const ms = sent.map((s) => s.ms);
        const rate = sent.length / elapsed;
        const cpuPerEvent = c0 === null || c1 === null ? null : (c1 - c0) / sent.length;
        ctx.log(
          `${perSecond ? `paced at ${perSecond.toFixed(0)}/s` : "flat out"}: ${sent.length} webhooks (${unique.size} unique, ${applied} applied, ${duplicate} duplicate) in ${elapsed.toFixed(1)} s = ${rate.toFixed(0)}/s; ` +
            `200 in p50 ${percentile(ms, 50).toFixed(1)} p99 ${percentile(ms, 99).toFixed(1)} max ${Math.max(...ms).toFixed(0)} ms; violations ${violations}; resent after a closed socket or a restart ${resent}` +
            (cpuPerEvent === null ? "" : `; wrangler CPU ${cpuPerEvent.toFixed(2)} ms/event`),
        );
        const byType = new Map<string, number[]>();
        for (const s of sent) (byType.get(s.event) ?? byType.set(s.event, []).get(s.event)!).push(s.ms);
        ctx.log(`  p50/p99 by event: ${[...byType].map(([e, v]) => `${e} ${percentile(v, 50).toFixed(0)}/${percentile(v, 99).toFixed(0)}`).join(", ")}`);
        return { rate, ms, violations, cpuPerEvent, sent: sent.length };
      };

      for (let run = 0; run < ctx.runs; run++) {
        const base = await baseline(workerUrl);
        const health = await healthRate();
        ctx.log(`run ${run + 1}: /health ${base.toFixed(2)} ms alone; ${health.rate.toFixed(0)}/s at ${AGENTS} connections` + (health.cpuPerRequest === null ? "" : `, wrangler CPU ${health.cpuPerRequest.toFixed(2)} ms/request`));
        const flat = await phase(CALLS);
        const half = await phase(PACED_CALLS, flat.rate / 2);
        ctx.record({ name: "health_rate", value: health.rate, unit: "requests/s" });
        ctx.record({ name: "webhook_ingest_rate", value: flat.rate, unit: "events/s", target: { op: ">=", value: 1000 } });
        ctx.record({ name: "webhook_ingest_vs_health", value: flat.rate / health.rate, unit: "× /health rate", target: { op: ">=", value: 0.8 } });
        ctx.record({ name: "webhook_ingest_p50", value: percentile(flat.ms, 50), unit: "ms", baselineMs: base });
        ctx.record({ name: "webhook_ingest_p99", value: percentile(flat.ms, 99), unit: "ms", baselineMs: base, target: { op: "<", value: 100 } });
        ctx.record({ name: "webhook_ack_p50_half_rate", value: percentile(half.ms, 50), unit: "ms", baselineMs: base });
        ctx.record({ name: "webhook_ack_p99_half_rate", value: percentile(half.ms, 99), unit: "ms", baselineMs: base, target: { op: "<", value: 50 } });
        if (health.cpuPerRequest !== null && flat.cpuPerEvent !== null) {
          ctx.record({ name: "health_cpu_per_request", value: health.cpuPerRequest, unit: "ms CPU" });
          ctx.record({ name: "webhook_cpu_per_event", value: flat.cpuPerEvent, unit: "ms CPU" });
        }
        ctx.record({ name: "webhook_exactly_once_violations", value: flat.violations + half.violations, unit: "events", target: { op: "==", value: 0 } });
      }
    } finally {
      http.close();
      await system.stop();
    }
  },
};
