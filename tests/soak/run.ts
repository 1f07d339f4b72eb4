/**
 * `pnpm soak` (long: ≥ 1,000 calls, 20–40 min) and `pnpm soak -- --short` (a few minutes, in
 * `pnpm test`): the real worker (wrangler dev) and the Aircall simulator, many agents sharing a
 * tight company budget with another integration, while the simulator injects faults (start-call
 * 5xx/timeouts with and without a placed call, late listing, dropped/duplicated/delayed/reordered
 * webhooks, a registered webhook disabled by failures, transfers, Workspace closing, unknown
 * values) and the worker restarts mid-run. Prints `name value unit` lines like `pnpm bench`;
 * exits 1 when an invariant fails (the evidence goes to stderr), 2 when the soak itself broke.
 *   --seed=N      another reproducible fault sequence (default 20261203)
 * Ctrl-C (SIGINT) ends the runs where they are and evaluates at once; a second one stops outright.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { DialerState, HistoryEntry } from "@dialer/shared";
import type { RequestLogEntry } from "../aircall-sim";
import { percentile } from "../bench/stats";
import { AdminClient, request } from "../system/api-client";
import { LOCAL, ROOT, startSystem, type System } from "../system/start-system";
import { SoakAgent } from "./agent";
import { doubleDials, hangupToNextDial, historyProblems, type RowProblem, type SoakAgentList } from "./check";
import { callLines, requestLines } from "./evidence";
import { soakList, soakScript, soakUsers } from "./plan";
import { LONG, SHORT } from "./profile";

const args = process.argv.slice(2);
const p = args.includes("--short") ? SHORT : LONG;
const seed = Number(args.find((a) => a.startsWith("--seed="))?.split("=")[1] ?? 20261203);
const log = (m: string) => console.error(`# ${m}`);
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const secs = (ms: number) => Math.round(ms / 100) / 10;
let stopEarly = false;
process.on("SIGINT", () => {
  if (stopEarly) process.exit(130);
  stopEarly = true;
  log("SIGINT: ending the runs here and evaluating (Ctrl-C again to stop outright)");
});

type Tracked = {
  agent: SoakAgent;
  list: SoakAgentList;
  state?: DialerState;
  sig: string;
  lastProgressAt: number;
  pausedSince?: number;
  completedAt?: number;
  stalls: Array<{ at: number; state: DialerState | undefined }>;
  resumes: Array<{ at: number; reason: string }>;
  errors: string[];
};

async function main(): Promise<number> {
  const started = Date.now();
  const users = soakUsers(p.agents);
  log(`soak ${p.name}: ${p.agents} agents × ${p.itemsPerAgent} numbers, limit ${p.ratePerMinute}/min shared with another integration (${p.externalLoadPerMin}/min), seed ${seed}`);
  const system: System = await startSystem({
    quiet: true,
    sim: {
      users,
      ratePerMinute: p.ratePerMinute,
      ...p.timings,
      listDelayMs: p.listDelayMs,
      listJitterMs: p.listJitterMs,
      webhookDelayMaxMs: p.webhookDelayMaxMs,
      webhookUrl: undefined, // deliveries go to the webhook the worker registers (connect), which Aircall can disable
      webhookRetries: 8,
      webhookRetryBaseMs: 1000,
      seed,
    },
    vars: { AIRCALL_WEBHOOK_TOKEN: "", AIRCALL_RATE_LIMIT_PER_MIN: String(p.ratePerMinute), CALL_WATCHDOG_SECONDS: String(p.watchdogSeconds), AIRCALL_LIST_DELAY_SECONDS: String(Math.ceil((p.listDelayMs + p.listJitterMs) / 1000) + 2) },
  });
  const { sim, workerUrl } = system;
  const requests: RequestLogEntry[] = [];
  sim.on("request", (r) => requests.push(r));
  try {
    const connected = await request<{ webhook: { id: string } }>(`${workerUrl}/api/admin/connect`, { method: "POST", token: LOCAL.adminToken, json: {} });
    log(`connected: webhook ${connected.webhook.id}`);
    sim.setScript(soakScript(p, seed));
    const admin = new AdminClient(workerUrl);
    const tracked: Tracked[] = [];
    for (const [i, u] of users.entries()) {
      const { enrollmentCode } = await admin.createAgent(u.id, u.numbers[0]!.id, u.name);
      const agent = await SoakAgent.enroll(workerUrl, u.id, enrollmentCode);
      tracked.push({ agent, list: { userId: u.id, agentId: agent.agentId, items: soakList(p, i) }, sig: "", lastProgressAt: 0, stalls: [], resumes: [], errors: [] });
    }
    log(`${tracked.length} agents enrolled in ${secs(Date.now() - started)} s; faults on`);
    sim.setTimings({ faultRates: p.faultRates, externalLoadPerMin: p.externalLoadPerMin });

    const t0 = Date.now();
    await Promise.all(tracked.map(async (t) => t.agent.start(t.list.items, p.delaySeconds)));
    for (const t of tracked) t.lastProgressAt = Date.now();
    const closed = new Map<number, number>(); // userId → reopened at (0 while closed)
    const timeline: string[] = [];
    const at = (s: number, what: string, fn: () => void | Promise<void>) =>
      setTimeout(() => {
        timeline.push(`${secs(Date.now() - t0)} s: ${what}`);
        log(`t+${secs(Date.now() - t0)} s: ${what}`);
        void Promise.resolve(fn()).catch((err: unknown) => log(`${what} failed: ${String(err)}`));
      }, s * 1000);
    const wsUsers = users.slice(1, 1 + p.workspaceAgents).map((u) => u.id);
    at(p.workspaceCloseAt, `Workspace closes for user(s) ${wsUsers.join(", ")}`, () => {
      for (const id of wsUsers) {
        closed.set(id, 0);
        sim.setWorkspace(id, false);
      }
    });
    at(p.workspaceCloseAt + p.workspaceClosedFor, `Workspace opens again for user(s) ${wsUsers.join(", ")}`, () => {
      for (const id of wsUsers) {
        closed.set(id, Date.now());
        sim.setWorkspace(id, true);
      }
    });
    // Deliveries to the registered webhook fail until Aircall disables it (at most webhookOutageMaxSeconds).
    at(p.webhookOutageAt, "the registered webhook starts failing every delivery", () => sim.webhookOutage(p.webhookOutageMaxSeconds * 1000));
    let restart: Promise<void> = Promise.resolve();
    at(p.restartAt, "worker restart", () => {
      restart = (async () => {
        const r0 = Date.now();
        await system.stopWorker();
        await sleep(1000);
        await system.startWorker();
        log(`worker back after ${secs(Date.now() - r0)} s`);
      })();
      return restart;
    });

    // The webhook: when Aircall disabled it, and whether the worker turned it back on.
    const hook = { disabledAt: null as number | null, reactivatedAt: null as number | null, disabledMs: 0, disabledTimes: 0 };
    const hookTimer = setInterval(() => {
      const w = sim.state().webhooks[0] as { active?: boolean } | undefined;
      if (!w) return;
      if (w.active === false && hook.disabledAt === null) {
        hook.disabledAt = Date.now();
        hook.disabledTimes += 1;
        sim.webhookOutage(0); // the receiver is fine again; the webhook stays disabled until someone turns it on
        log(`t+${secs(Date.now() - t0)} s: Aircall disabled the webhook after failed deliveries`);
      } else if (w.active === true && hook.disabledAt !== null) {
        hook.disabledMs += Date.now() - hook.disabledAt;
        hook.reactivatedAt = Date.now();
        hook.disabledAt = null;
        log(`t+${secs(Date.now() - t0)} s: the webhook is active again`);
      }
    }, 2000);

    const pollMs = p.agents > 10 ? 3000 : 2000;
    let lastReport = Date.now();
    while (!stopEarly && Date.now() - t0 < p.deadlineSeconds * 1000 && tracked.some((t) => t.completedAt === undefined)) {
      await Promise.all(tracked.filter((t) => t.completedAt === undefined).map((t) => watch(t, closed)));
      if (Date.now() - lastReport > 15_000) {
        lastReport = Date.now();
        const counts = new Map<string, number>();
        for (const t of tracked) counts.set(t.state?.status ?? "?", (counts.get(t.state?.status ?? "?") ?? 0) + 1);
        log(`t+${secs(Date.now() - t0)} s: ${sim.calls().length} calls placed; runs ${[...counts].map(([s, n]) => `${s} ${n}`).join(", ")}`);
      }
      const open = tracked.filter((t) => t.completedAt === undefined);
      if (open.length && open.every((t) => Date.now() - t.lastProgressAt > 2 * p.stallSeconds * 1000)) {
        log(`every unfinished run shows no progress for ${2 * p.stallSeconds} s: evaluating now`);
        break;
      }
      await sleep(pollMs);
    }
    clearInterval(hookTimer);
    await restart;
    const runSeconds = secs(Date.now() - t0);
    if (hook.disabledAt !== null) hook.disabledMs += Date.now() - hook.disabledAt;
    sim.setTimings({ externalLoadPerMin: 0 });

    // Settle: the last calls' final figures (call.ended comes endedDelayMs later, or the REST fallback).
    const dials = requests
      .filter((r) => r.method === "POST" && /^\/v1\/users\/\d+\/calls$/.test(r.path))
      .map((r) => ({ userId: Number(r.path.split("/")[3]), to: String((r.body as { to?: unknown }).to), status: r.status, receivedAt: r.receivedAt }));
    const settleUntil = Date.now() + p.settleSeconds * 1000;
    let history = new Map<string, HistoryEntry[]>();
    let problems: RowProblem[] = [];
    for (;;) {
      history = new Map(await Promise.all(tracked.map(async (t) => [t.agent.agentId, await t.agent.history()] as const)));
      problems = historyProblems(tracked.map((t) => t.list), sim.calls(), history, dials);
      if (problems.length === 0 || Date.now() > settleUntil || stopEarly) break;
      await sleep(5000);
    }

    const calls = sim.calls();
    const doubles = doubleDials(tracked.map((t) => t.list), calls);
    const pressure = sim.pressure();
    const gaps = hangupToNextDial(calls, dials);
    // A run that never completed fails the soak; one that went a stall time without progress and then
    // went on is reported (soak_stalls) with its evidence: under a tight shared budget a dial can wait long.
    const incomplete = tracked.filter((t) => t.completedAt === undefined);
    const stalled = tracked.filter((t) => t.stalls.length > 0);
    const resumes = tracked.flatMap((t) => t.resumes);
    const figures: Array<[string, number, string]> = [
      ["soak_agents", p.agents, "agents"],
      ["soak_calls_placed", calls.length, "calls"],
      ["soak_double_dials", doubles.length, "numbers"],
      ["soak_history_rows_wrong", problems.length, "rows"],
      ["soak_runs_incomplete", incomplete.length, "runs"],
      ["soak_stalls", stalled.reduce((n, t) => n + t.stalls.length, 0), "stalls"],
      ["soak_max_requests_in_60s", pressure.maxOursIn60s, "requests"],
      ["soak_max_requests_in_60s_with_external", pressure.maxAllIn60s, "requests"],
      ["soak_requests_before_reset", pressure.requestsBeforeReset, "requests"],
      ["soak_429s", pressure.ours429, "responses"],
      ["soak_hangup_to_next_dial_p50", Math.round(percentile(gaps, 50)), "ms"],
      ["soak_hangup_to_next_dial_p99", Math.round(percentile(gaps, 99)), "ms"],
      ["soak_resumes_by_agent", resumes.length, "resumes"],
      ["soak_webhook_disabled_times", hook.disabledTimes, "times"],
      ["soak_webhook_disabled", Math.round(hook.disabledMs / 1000), "s"],
      ["soak_webhook_reactivated", hook.reactivatedAt !== null ? 1 : 0, "bool"],
      ["soak_run_time", runSeconds, "s"],
    ];
    for (const [name, value, unit] of figures) console.log(`${name} ${value} ${unit}`);

    const invariants: Array<{ name: string; ok: boolean; detail: string }> = [
      { name: "no double dial", ok: doubles.length === 0, detail: `double dials: ${doubles.length}` },
      { name: "history rows right", ok: problems.length === 0, detail: `history rows wrong: ${problems.length}` },
      { name: "every run completed", ok: incomplete.length === 0, detail: `runs incomplete: ${incomplete.length}` },
      { name: "within the budget", ok: pressure.maxOursIn60s <= p.ratePerMinute, detail: `requests in 60 s: ${pressure.maxOursIn60s} (limit ${p.ratePerMinute})` },
      { name: "nothing before a told reset", ok: pressure.requestsBeforeReset === 0, detail: `requests before a told reset: ${pressure.requestsBeforeReset}` },
    ];
    const failures = invariants.filter((i) => !i.ok).map((i) => i.detail);
    log(`timeline: ${timeline.join("; ")}`);
    log(`hang-up to next dial: n=${gaps.length}, p50 ${Math.round(percentile(gaps, 50))} ms, p99 ${Math.round(percentile(gaps, 99))} ms (includes the ${p.delaySeconds} s delay and any wait for the budget)`);
    const byReason = new Map<string, number>();
    for (const r of resumes) byReason.set(r.reason, (byReason.get(r.reason) ?? 0) + 1);
    if (resumes.length) log(`resumed by the soak (as an agent would): ${[...byReason].map(([r, n]) => `${n}× "${r}"`).join("; ")}`);
    evidence(doubles, problems, [...new Set([...incomplete, ...stalled])], pressure, requests, calls, tracked);

    const out = join(ROOT, ".tmp/soak");
    mkdirSync(out, { recursive: true });
    writeFileSync(
      join(out, `results-${p.name}.json`),
      JSON.stringify({ generatedAt: new Date().toISOString(), profile: p, seed, invariants, figures: Object.fromEntries(figures.map(([n, v, u]) => [n, { value: v, unit: u }])), failures, timeline, doubles, problems, pressure, incomplete: incomplete.map((t) => ({ userId: t.list.userId, state: t.state, stalls: t.stalls, errors: t.errors })), resumes }, null, 2) + "\n",
    );
    log(failures.length ? `FAILED: ${failures.join("; ")}` : "every invariant held");
    log(`soak took ${secs(Date.now() - started)} s; details in .tmp/soak/results-${p.name}.json`);
    return failures.length ? 1 : 0;
  } finally {
    await system.stop();
  }

  async function watch(t: Tracked, closed: Map<number, number>): Promise<void> {
    let s: DialerState;
    try {
      s = await t.agent.state();
    } catch (err) {
      t.errors.push(`${new Date().toISOString()} ${String(err)}`);
      return;
    }
    t.state = s;
    const now = Date.now();
    const sig = `${s.status}|${s.current?.itemId ?? ""}|${s.current?.callId ?? ""}|${s.done ?? ""}|${s.remaining}`;
    if (sig !== t.sig) {
      t.sig = sig;
      t.lastProgressAt = now;
    }
    if (s.status === "completed") {
      t.completedAt = now;
      return;
    }
    if (s.status === "paused") {
      t.pausedSince ??= now;
      const reopened = closed.get(t.list.userId);
      const workspaceClosed = reopened === 0;
      const justReopened = reopened !== undefined && reopened > 0 && now - reopened < 10_000; // give the worker time to resume by itself
      if (s.pausedReason && !workspaceClosed && !justReopened && now - t.pausedSince >= 3000) {
        t.resumes.push({ at: now, reason: s.pausedReason });
        try {
          await t.agent.resume();
        } catch (err) {
          t.errors.push(`resume: ${String(err)}`);
        }
        t.pausedSince = undefined;
      }
      if (workspaceClosed || justReopened) t.lastProgressAt = now; // waiting for the agent is not a stall
    } else t.pausedSince = undefined;
    if (now - t.lastProgressAt > p.stallSeconds * 1000 && (t.stalls.length === 0 || now - t.stalls.at(-1)!.at > p.stallSeconds * 1000)) {
      t.stalls.push({ at: now, state: s });
      log(`STALL: user ${t.list.userId} shows no progress for ${p.stallSeconds} s: ${JSON.stringify(s)}`);
    }
  }
}

function evidence(
  doubles: ReturnType<typeof doubleDials>,
  problems: RowProblem[],
  incomplete: Tracked[],
  pressure: ReturnType<System["sim"]["pressure"]>,
  requests: RequestLogEntry[],
  calls: ReturnType<System["sim"]["calls"]>,
  tracked: Tracked[],
): void {
  const MAX = 8;
  for (const d of doubles.slice(0, MAX)) {
    log(`DOUBLE DIAL user ${d.userId} ${d.phone} (${d.reason}): calls ${d.callIds.join(", ")}`);
    for (const l of callLines(calls, d.callIds)) log(`    ${l}`);
    for (const l of requestLines(requests, d.userId, d.phone, d.callIds)) log(`    ${l}`);
  }
  for (const pr of problems.slice(0, MAX)) {
    log(`ROW ${pr.kind.toUpperCase()} user ${pr.userId}: ${JSON.stringify(pr)}`);
    const ids = "callId" in pr ? [pr.callId] : [];
    for (const l of callLines(calls, ids)) log(`    ${l}`);
    for (const l of requestLines(requests, pr.userId, pr.phone, ids)) log(`    ${l}`);
  }
  if (problems.length > MAX) log(`… ${problems.length - MAX} more row problems (kinds: ${[...new Set(problems.map((x) => x.kind))].join(", ")})`);
  for (const t of incomplete) {
    log(`INCOMPLETE user ${t.list.userId}: last state ${JSON.stringify(t.state)}; stalls ${t.stalls.length}; errors ${t.errors.slice(-3).join(" | ")}`);
    const phone = t.state?.current?.phone;
    if (phone) for (const l of requestLines(requests, t.list.userId, phone).slice(-12)) log(`    ${l}`);
  }
  for (const v of pressure.violations.slice(0, MAX)) {
    log(`BEFORE RESET ${v.method} ${v.path} at ${new Date(v.at).toISOString()}: told at ${new Date(v.told429At).toISOString()} (429 on ${v.told429Path}) to wait until ${new Date(v.resetAtMs).toISOString()}`);
  }
  void tracked;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(2);
  },
);
