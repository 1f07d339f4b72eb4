/**
 * Diagnostic (not part of `pnpm bench`): hang-up → next dial against a copy of the worker, to try
 * a change without touching worker/src. Copies worker/{src,public,dashboard,wrangler.jsonc,tsconfig.json} to a temp
 * dir (node_modules symlinked), applies PATCH (a sed expression on FILE, optional), runs 3 × 100
 * calls and prints p50/p99.
 *   PATCH='s/put("window", this.window.toJSON())/put("window", this.window.toJSON(), { allowUnconfirmed: true })/g' \
 *   FILE=src/aircall/rate-limiter.ts pnpm --filter @dialer/tests exec tsx bench/probe-hangup.ts
 */
import { execSync, spawn } from "node:child_process";
import { cpSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { RequestLogEntry, WebhookDeliveryEvent } from "../aircall-sim";
import { startSimulator } from "../aircall-sim";
import { freePort, LOCAL, ROOT, waitForHealth } from "../system/start-system";
import { enrollAgents, items, simUsers, waitFor } from "./lib";
import { percentile } from "./stats";

const dir = mkdtempSync(join(tmpdir(), "dialer-worker-copy-"));
for (const f of ["src", "public", "dashboard", "wrangler.jsonc", "tsconfig.json"]) cpSync(join(ROOT, "worker", f), join(dir, f), { recursive: true });
symlinkSync(join(ROOT, "worker/node_modules"), join(dir, "node_modules"));
if (process.env.PATCH) {
  execSync(`sed -i '${process.env.PATCH}' ${join(dir, process.env.FILE ?? "")}`);
  console.log(execSync(`diff -r ${join(ROOT, "worker/src")} ${join(dir, "src")} || true`).toString());
}
const users = simUsers(3);
const port = await freePort();
const workerUrl = `http://127.0.0.1:${port}`;
const sim = await startSimulator({ users, apiId: LOCAL.apiId, apiToken: LOCAL.apiToken, webhookToken: LOCAL.webhookToken, webhookUrl: `${workerUrl}/webhooks/aircall`, ratePerMinute: 10_000, createdDelayMs: 2, ringMs: 3, talkMs: 3, endedDelayMs: 300, webhookRetries: 0 });
const vars = { AIRCALL_API_BASE: sim.url, AIRCALL_API_ID: LOCAL.apiId, AIRCALL_API_TOKEN: LOCAL.apiToken, AIRCALL_WEBHOOK_TOKEN: LOCAL.webhookToken, ADMIN_TOKEN: LOCAL.adminToken, JWT_SECRET: LOCAL.jwtSecret, AIRCALL_RATE_LIMIT_PER_MIN: "10000" };
const persist = mkdtempSync(join(tmpdir(), "dialer-state-"));
const args = ["dev", "--config", join(dir, "wrangler.jsonc"), "--ip", "127.0.0.1", "--port", String(port), "--persist-to", persist, "--inspector-port", String(await freePort()), "--show-interactive-dev-session=false", "--log-level", "warn"];
for (const [k, v] of Object.entries(vars)) args.push("--var", `${k}:${v}`);
const child = spawn(join(ROOT, "worker/node_modules/.bin/wrangler"), args, { cwd: dir, env: { ...process.env, WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false", WRANGLER_HIDE_BANNER: "true", CI: "true" }, stdio: process.env.DEBUG ? "inherit" : "ignore", detached: true });
try {
  await waitForHealth(workerUrl);
  sim.setScript({ default: { outcome: "answered" } });
  const agents = await enrollAgents(workerUrl, users);
  const hung = new Map<number, WebhookDeliveryEvent[]>();
  const starts = new Map<number, RequestLogEntry[]>();
  sim.on("webhook", (e) => {
    if (e.event !== "call.hungup") return;
    const uid = Number(/"user":\{"id":(\d+)/.exec(e.body)?.[1]);
    (hung.get(uid) ?? hung.set(uid, []).get(uid)!).push(e);
  });
  sim.on("request", (r) => {
    const m = /^\/v1\/users\/(\d+)\/calls$/.exec(r.path);
    if (r.method === "POST" && m) (starts.get(Number(m[1])) ?? starts.set(Number(m[1]), []).get(Number(m[1]))!).push(r);
  });
  for (let run = 0; run < 3; run++) {
    const uid = users[run]!.id;
    await agents[run]!.start(items(101, `r${run}`), 0);
    await waitFor("completion", async () => (await agents[run]!.state()).status === "completed", 120_000, 100);
    await waitFor("hang-ups", () => (hung.get(uid)?.length ?? 0) >= 101, 5000);
    const h = hung.get(uid)!.sort((a, b) => a.sentAt - b.sentAt);
    const s = starts.get(uid)!.sort((a, b) => a.receivedAtHr - b.receivedAtHr);
    const gaps = h.slice(0, -1).map((e, i) => s[i + 1]!.receivedAtHr - e.sentAt);
    const ack = h.map((e) => e.finishedAt - e.sentAt);
    console.log(`run ${run + 1}: hang-up → next dial p50 ${percentile(gaps, 50).toFixed(1)} p99 ${percentile(gaps, 99).toFixed(1)} ms; hungup 200 p50 ${percentile(ack, 50).toFixed(1)} p99 ${percentile(ack, 99).toFixed(1)} ms`);
  }
} finally {
  try {
    process.kill(-child.pid!, "SIGTERM");
  } catch {}
  await sim.close();
  rmSync(dir, { recursive: true, force: true });
  rmSync(persist, { recursive: true, force: true });
}
