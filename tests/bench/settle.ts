/**
 * `wrangler dev` builds the dashboard (worker/dashboard → public/admin) as it starts, and once its
 * file watcher is ready it builds it again, by design, and restarts the worker (the log says "The
 * file dashboard changed, restarting build..."): seconds after the first /health answers, up to a
 * minute on a busy machine. A POST in flight then gets a 503 "Your worker restarted mid-request".
 * The ingest figures wait for that second build and its restart before they start (or go on after
 * `timeoutMs` if it never comes). And restarts caused by other `wrangler dev`s: privateDevRegistry().
 */
import { mkdtempSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT } from "../system/start-system";
import type { AgentClient } from "../system/api-client";
import type { QueueItem } from "@dialer/shared";
import { sleep } from "./lib";

const BUILT = join(ROOT, "worker/public/admin/app.js");
const mtime = () => {
  try {
    return statSync(BUILT).mtimeMs;
  } catch {
    return 0;
  }
};

/**
 * Call before starting the system: notes each dashboard build from then on; `settle()` (after the
 * start) waits for the second one and the restart that follows it.
 */
export function watchDashboardBuilds() {
  const before = mtime();
  const seen = new Set<number>();
  const timer = setInterval(() => {
    const m = mtime();
    if (m !== before) seen.add(m);
  }, 50);
  return {
    async settle(workerUrl: string, timeoutMs = 60_000): Promise<string> {
      const until = Date.now() + timeoutMs;
      while (seen.size < 2 && Date.now() < until) await sleep(100);
      clearInterval(timer);
      if (seen.size < 2) return `${seen.size} build(s) seen in ${timeoutMs / 1000} s, going on`;
      await sleep(3000); // the reload after the build
      for (let i = 0; i < 100 && !(await fetch(`${workerUrl}/health`).then((r) => r.ok, () => false)); i++) await sleep(200);
      return "second build and restart done";
    },
  };
}

/**
 * Every `wrangler dev` of a worker named "aircall-power-dialer" on the machine shares one dev
 * registry entry, and a running one reloads (a 503 "restarted mid-request" for each POST in flight)
 * when another one starts or stops — other test suites on a shared machine. The benchmark's own
 * registry keeps it apart (the worker uses no cross-worker bindings).
 */
export function privateDevRegistry() {
  process.env.WRANGLER_REGISTRY_PATH ??= mkdtempSync(join(tmpdir(), "bench-wrangler-registry-"));
}

/**
 * Starts an agent's run, again if the answer was lost: on this shared machine a burst of 100 starts
 * sometimes gets 503 "Your worker restarted mid-request" from wrangler's proxy after ~4 s. A start
 * that did reach the agent's Durable Object shows in its state; one that did not is sent again.
 */
export async function startRun(agent: AgentClient, items: QueueItem[], tries = 4): Promise<void> {
  for (let i = 1; ; i++) {
    try {
      await agent.start(items, 0);
      return;
    } catch (err) {
      if (i >= tries) throw err;
      await sleep(1000);
      const s = await agent.state().catch(() => null);
      if (s && s.status !== "idle" && s.status !== "completed" && s.status !== "stopped") return;
    }
  }
}
