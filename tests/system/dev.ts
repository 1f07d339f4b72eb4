/**
 * `pnpm dev`: the whole system on its embedded defaults — the Aircall simulator, wrangler dev with
 * local Durable Objects, the extension built for local use — plus a ready-enrolled demo agent and a
 * short demo run printed as it happens. Ctrl-C stops everything.
 */
import { spawn } from "node:child_process";
import { join } from "node:path";
import type { ServerMessage } from "@dialer/shared";
import { AdminClient, AgentClient } from "./api-client";
import { LOCAL, ROOT, startSystem } from "./start-system";
import { startStaticServer } from "./static-server";
import { watchWorker, workerHealthy } from "./dev-watchdog";

const WORKER_PORT = Number(process.env.WORKER_PORT ?? 8787);
const SIM_PORT = Number(process.env.SIM_PORT ?? 4010);
const PAGES_PORT = Number(process.env.PAGES_PORT ?? 4020);
const DEMO = process.env.DEMO !== "0";

const say = (line: string) => console.log(`[dev] ${line}`);

function buildExtension(): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn("pnpm", ["--filter", "@dialer/extension", "build:e2e"], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    child.on("exit", (code) => {
      if (code === 0) say(`extension built: load ${join(ROOT, "extension/build/chrome-mv3-e2e")} in chrome://extensions (Developer mode → Load unpacked)`);
      else say(`extension build failed (exit ${code}):\n${out.slice(-2000)}`);
      resolve(code === 0);
    });
  });
}

async function demoRun(workerUrl: string, admin: AdminClient) {
  const runner = await admin.ensureAgent(1002, 2002, "Demo Runner");
  const agent = await AgentClient.enroll(workerUrl, runner.enrollmentCode);
  const names = new Map<string, string>();
  await agent.socket((m: ServerMessage) => {
    if (m.type === "state") {
      const s = m.state;
      const cur = s.current ? ` ${s.current.name ?? s.current.phone}` : "";
      const next = s.nextDialAt ? ` next dial at ${s.nextDialAt.slice(11, 19)}` : "";
      say(`demo run: ${s.status}${cur}${next} (${s.remaining} left)${s.pausedReason ? ` — ${s.pausedReason}` : ""}`);
    } else if (m.type === "call.ended") say(`demo run: call with ${names.get(m.itemId)} ended: ${m.outcome}`);
  });
  const items = [
    { id: "demo-1", phone: "+14155550132", name: "Ada Lovelace" },
    { id: "demo-2", phone: "+442079460958", name: "Charles Babbage" },
    { id: "demo-3", phone: "+33142685300", name: "Grace Hopper" },
  ];
  for (const i of items) names.set(i.id, i.name);
  const state = await agent.state();
  if (!["idle", "completed", "stopped"].includes(state.status)) await agent.command("stop");
  await agent.start(items, 2);
}

async function main() {
  say("starting the Aircall simulator and wrangler dev (local Durable Objects)…");
  const build = buildExtension();
  const system = await startSystem({
    workerPort: WORKER_PORT,
    simPort: SIM_PORT,
    persistDir: join(ROOT, "worker/.wrangler/state"),
    sim: {
      users: [
        { id: 1001, name: "Demo Agent", email: "demo.agent@example.com", numbers: [{ id: 2001, digits: "+1 555-010-0000", name: "Sales line" }], wrapUpTime: 0 },
        { id: 1002, name: "Demo Runner", email: "demo.runner@example.com", numbers: [{ id: 2002, digits: "+1 555-010-0001", name: "Demo line" }], wrapUpTime: 0 },
      ],
      endedDelayMs: Number(process.env.SIM_ENDED_DELAY_MS ?? 30_000),
    },
  });
  const pages = await startStaticServer({ "/crm/": join(ROOT, "extension/src/adapters/fixtures") }, PAGES_PORT);
  const admin = new AdminClient(system.workerUrl);
  const demo = await admin.ensureAgent(1001, 2001, "Demo Agent");
  say(`worker:            ${system.workerUrl}  (team dashboard: ${system.workerUrl}/admin)`);
  say(`Aircall simulator: ${system.sim.url}  (watch and steer it at ${system.sim.url}/_sim/: outcomes, availability, faults)`);
  say(`admin token:       ${LOCAL.adminToken}  (local only; the dashboard's sign-in, and the CLI:)`);
  say(`                   DIALER_ADMIN_TOKEN=${LOCAL.adminToken} pnpm admin agents list`);
  say(`saved CRM pages:   ${pages.origin}/crm/  (HubSpot, Salesforce, Pipedrive, Zoho, Close, Attio: try "+ Queue")`);
  say(`demo agent:        Aircall user 1001 — enrolment code ${demo.enrollmentCode}`);
  say(`                   in the extension's options: worker URL ${system.workerUrl}, then sign in with the code`);
  if (DEMO) await demoRun(system.workerUrl, admin);
  await build;
  say("ready. Ctrl-C to stop. (The worker is watched: if it stops answering, this says so and restarts it.)");
  const watch = watchWorker({
    probe: () => workerHealthy(system.workerUrl),
    restart: async () => {
      await system.stopWorker();
      await system.startWorker();
    },
    say,
  });
  const stop = async () => {
    watch.stop();
    say("stopping…");
    await Promise.all([system.stop(), pages.close()]);
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
