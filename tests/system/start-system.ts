/**
 * Starts the whole local system as real processes: the Aircall simulator (in this process) and
 * `wrangler dev` with local Durable Objects, wired to each other. Used by `pnpm dev`, the
 * integration test, the browser suite and the benchmarks.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { startSimulator, type Simulator, type SimOptions } from "../aircall-sim/index";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const WRANGLER = join(ROOT, "worker/node_modules/.bin/wrangler");

/** The embedded local defaults: fake credentials shared by the worker and the simulator. */
export const LOCAL = {
  apiId: "local-api-id",
  apiToken: "local-api-token",
  webhookToken: "local-webhook-token",
  adminToken: "local-admin-token-0123456789abcdef",
  jwtSecret: "local-jwt-secret-change-me-0123456789abcdef",
};

export type SystemOptions = {
  workerPort?: number; // 0 or undefined: a free port
  simPort?: number;
  persistDir?: string; // default: a fresh temp dir, removed on stop
  sim?: Partial<SimOptions>;
  vars?: Record<string, string>;
  quiet?: boolean; // keep wrangler's output in `logs` only
  /**
   * The company's calling hours. "open" (the default here): 00:00–24:00 every day, because the
   * simulator's numbers are fictional and local runs, tests and benchmarks must dial at any hour of the
   * machine's clock. "default": keep the worker's own default (08:00–21:00 in the callee's time zones).
   */
  callingHours?: "open" | "default";
};

export type System = {
  workerUrl: string;
  workerPort: number;
  sim: Simulator;
  logs: string[];
  persistDir: string;
  /** Stops wrangler only (the simulator and the persisted state stay): for restart tests. */
  stopWorker(): Promise<void>;
  startWorker(): Promise<void>;
  stop(): Promise<void>;
};

export async function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.unref();
    srv.on("error", rej);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => res(port));
    });
  });
}

export async function waitForHealth(url: string, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      const res = await fetch(`${url}/health`);
      if (res.ok) return;
    } catch {
      // not listening yet: keep polling until the deadline
    }
    if (Date.now() > until) throw new Error(`worker at ${url} did not become healthy in ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export async function startSystem(o: SystemOptions = {}): Promise<System> {
  const workerPort = o.workerPort || (await freePort());
  const workerUrl = `http://127.0.0.1:${workerPort}`;
  const ownDir = !o.persistDir;
  const persistDir = o.persistDir ?? mkdtempSync(join(tmpdir(), "dialer-state-"));
  const logs: string[] = [];
  const sim = await startSimulator({
    port: o.simPort ?? 0,
    apiId: LOCAL.apiId,
    apiToken: LOCAL.apiToken,
    webhookToken: LOCAL.webhookToken,
    webhookUrl: `${workerUrl}/webhooks/aircall`,
    ...o.sim,
  });
  const vars: Record<string, string> = {
    AIRCALL_API_BASE: sim.url,
    AIRCALL_API_ID: LOCAL.apiId,
    AIRCALL_API_TOKEN: LOCAL.apiToken,
    AIRCALL_WEBHOOK_TOKEN: LOCAL.webhookToken,
    ADMIN_TOKEN: LOCAL.adminToken,
    JWT_SECRET: LOCAL.jwtSecret,
    ALLOWED_ORIGINS: `chrome-extension://*,${workerUrl}`,
    AIRCALL_RATE_LIMIT_PER_MIN: String(o.sim?.ratePerMinute ?? 60),
    ...o.vars,
  };
  let child: ChildProcess | undefined;

  const startWorker = async () => {
    const args = ["dev", "--config", join(ROOT, "worker/wrangler.jsonc"), "--ip", "127.0.0.1", "--port", String(workerPort)];
    args.push("--persist-to", persistDir, "--inspector-port", String(await freePort()), "--show-interactive-dev-session=false", "--log-level", "warn");
    for (const [k, v] of Object.entries(vars)) args.push("--var", `${k}:${v}`);
    child = spawn(WRANGLER, args, {
      cwd: join(ROOT, "worker"),
      env: { ...process.env, WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false", WRANGLER_HIDE_BANNER: "true", CI: "true", NO_COLOR: "1" },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    const collect = (chunk: Buffer) => {
      const text = chunk.toString();
      logs.push(text);
      if (!o.quiet) process.stdout.write(text.replace(/^/gm, "[wrangler] "));
    };
    child.stdout?.on("data", collect);
    child.stderr?.on("data", collect);
    await waitForHealth(workerUrl);
  };

  const stopWorker = async () => {
    const c = child;
    child = undefined;
    if (!c || c.exitCode !== null) return;
    const exited = new Promise((r) => c.once("exit", r));
    try {
      process.kill(-c.pid!, "SIGTERM"); // the whole group: wrangler and its workerd
    } catch {
      c.kill("SIGTERM");
    }
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    if (c.exitCode === null) process.kill(-c.pid!, "SIGKILL");
  };

  try {
    await startWorker();
    if ((o.callingHours ?? "open") === "open") await openCallingHours(workerUrl, vars.ADMIN_TOKEN ?? LOCAL.adminToken);
  } catch (err) {
    await stopWorker();
    await sim.close();
    throw new Error(`${(err as Error).message}\n--- wrangler output ---\n${logs.join("")}`);
  }

  return {
    workerUrl,
    workerPort,
    sim,
    logs,
    persistDir,
    startWorker,
    stopWorker,
    stop: async () => {
      await stopWorker();
      await sim.close();
      if (ownDir) rmSync(persistDir, { recursive: true, force: true });
    },
  };
}

/** Lets the local system dial at any hour (see SystemOptions.callingHours). */
async function openCallingHours(workerUrl: string, adminToken: string) {
  const res = await fetch(`${workerUrl}/api/admin/settings`, {
    method: "PUT",
    headers: { authorization: `Bearer ${adminToken}`, "content-type": "application/json" },
    body: JSON.stringify({ settings: { callingHours: { start: "00:00", end: "24:00", days: [1, 2, 3, 4, 5, 6, 7] } } }),
  });
  if (!res.ok) throw new Error(`opening the calling hours: ${res.status} ${await res.text()}`);
}
