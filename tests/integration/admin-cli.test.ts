import { createServer, type Server } from "node:http";
import { SUBSCRIBED_EVENTS } from "@dialer/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AgentClient } from "../system/api-client";
import { runCli } from "./cli-runner";
import { freePort, LOCAL, startSystem, type System } from "../system/start-system";

/**
 * The admin CLI as a process against wrangler dev + the Aircall simulator. The simulator only
 * delivers to webhooks registered through its API and the worker has no AIRCALL_WEBHOOK_TOKEN,
 * so calls complete only if `connect` registered the webhook and stored its token.
 */
let system: System;
beforeAll(async () => {
  system = await startSystem({ quiet: true, vars: { AIRCALL_WEBHOOK_TOKEN: "" }, sim: { webhookUrl: undefined, createdDelayMs: 50, ringMs: 300, talkMs: 400, endedDelayMs: 1000 } });
});
afterAll(async () => {
  await system?.stop();
});

const cli = (args: string[], env: Record<string, string> = {}) => runCli(system.workerUrl, args, env);

const simWebhooks = () => system.sim.state().webhooks as { webhook_id: string; url: string; active: boolean; events: string[]; token: string }[];
const simAuth = `Basic ${Buffer.from(`${LOCAL.apiId}:${LOCAL.apiToken}`).toString("base64")}`;

describe("pnpm admin connect", () => {
  it("registers one webhook with the dialer's events; a second run updates it", async () => {
    const first = await cli(["connect"]);
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/Aircall accepted the API key\. Webhook registered: http:\/\/127\.0\.0\.1:\d+\/webhooks\/aircall/);
    expect(first.stdout).toContain("demo.agent@example.com");
    const second = await cli(["connect"]);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain("already registered, updated");
    const hooks = simWebhooks();
    expect(hooks).toHaveLength(1);
    expect(hooks[0]).toMatchObject({ url: `${system.workerUrl}/webhooks/aircall`, active: true });
    expect([...hooks[0]!.events].sort()).toEqual([...SUBSCRIBED_EVENTS].sort());
    expect(first.stdout + second.stdout).not.toContain(hooks[0]!.token);
  });

  it("re-activates a webhook Aircall disabled", async () => {
    const [hook] = simWebhooks();
    await fetch(`${system.sim.url}/v1/webhooks/${hook!.webhook_id}`, { method: "PUT", headers: { authorization: simAuth, "content-type": "application/json" }, body: JSON.stringify({ active: false, events: hook!.events }) });
    expect(simWebhooks()[0]!.active).toBe(false);
    const run = await cli(["connect", "--json"]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: true, action: "reactivated", webhook: { id: hook!.webhook_id, active: true } });
    expect(simWebhooks()).toHaveLength(1);
    expect(simWebhooks()[0]!.active).toBe(true);
  });
});

describe("pnpm admin agents", () => {
  it("adds an agent by email, who signs in and dials through the stored webhook token; code, list, remove", async () => {
    const add = await cli(["agents", "add", "--aircall-user", "demo.agent@example.com"]);
    expect(add.stderr).toBe("");
    const code = /Enrolment code: ([A-Z2-9]{5}-[A-Z2-9]{5})/.exec(add.stdout)?.[1];
    expect(code, add.stdout).toBeDefined();
    expect(add.stdout).toContain(`Tell Demo Agent: install the dialer extension, open its options, set the worker URL to ${system.workerUrl}`);
    const agentId = /agent ([0-9a-f-]{36})/.exec(add.stdout)![1]!;

    const list = JSON.parse((await cli(["agents", "list", "--json"])).stdout) as { agents: { agentId: string; aircallUserId: number; numberId: number }[] };
    expect(list.agents).toContainEqual(expect.objectContaining({ agentId, aircallUserId: 1001, numberId: 2001 }));

    const renewed = await cli(["agents", "code", agentId]);
    const newCode = /New enrolment code: (\S+)/.exec(renewed.stdout)?.[1];
    expect(newCode).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);
    const agent = await AgentClient.enroll(system.workerUrl, newCode!);
    await agent.start([{ id: "x1", phone: "+14155550101", name: "Webhook check" }], 0);
    const until = Date.now() + 30_000;
    while ((await agent.state()).status !== "completed") {
      if (Date.now() > until) throw new Error(`run did not complete (webhook token not stored?): ${JSON.stringify(await agent.state())}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    const stats = await cli(["stats"]);
    expect(stats.stdout).toMatch(/TEAM\s+1\s/);

    const removed = await cli(["agents", "remove", agentId]);
    expect(removed.stdout).toContain(`Removed agent ${agentId}`);
    expect((await cli(["agents", "list"])).stdout).not.toContain(agentId);
    const audit = await cli(["audit", "--limit", "20"]);
    expect(audit.stdout).toMatch(/aircall\.connected/);
    expect(audit.stdout).toMatch(/agent\.removed/);
  });

  it("finds Aircall users through V2 only (the simulator answers the retired V1 user reads with 404)", async () => {
    const before = system.sim.requests().length;
    const add = await cli(["agents", "add", "--aircall-user", "1001", "--json"]);
    expect(add.stderr).toBe("");
    expect(JSON.parse(add.stdout)).toMatchObject({ agentId: expect.any(String) });
    const paths = system.sim.requests().slice(before).map((r) => `${r.method} ${r.path}`);
    expect(paths).toEqual(["GET /v2/users/1001", "GET /v2/users/1001/numbers"]);
    const users = system.sim.requests().map((r) => r.path).filter((p) => /^\/v1\/users(\/\d+)?$/.test(p));
    expect(users).toEqual([]);
    await cli(["agents", "remove", JSON.parse(add.stdout).agentId]);
  });

  it("explains usage mistakes with exit code 2", async () => {
    const run = await cli(["agents", "add"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("agents add needs --aircall-user");
    expect((await cli(["agents", "add", "--aircall-user", "nobody@example.com"])).stderr).toContain('No Aircall user "nobody@example.com"');
  });
});

describe("pnpm admin settings and webhook", () => {
  it("shows the history retention (13 months by default) and changes it", async () => {
    const shown = await cli(["settings"]);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain("kept 13 months");
    const changed = await cli(["settings", "--history-months", "24"]);
    expect(changed.stdout).toContain("Saved. Call history and audit are kept 24 months");
    expect(JSON.parse((await cli(["settings", "--json"])).stdout).settings).toMatchObject({ historyRetentionMonths: 24 });
    const bad = await cli(["settings", "--history-months", "0"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--history-months must be a positive number");
    const tooMany = await cli(["settings", "--history-months", "500"]);
    expect(tooMany.code).toBe(2);
    await cli(["settings", "--history-months", "13"]);
  });

  it("webhook --check re-activates a webhook Aircall disabled and says so", async () => {
    const [hook] = simWebhooks();
    await fetch(`${system.sim.url}/v1/webhooks/${hook!.webhook_id}`, { method: "PUT", headers: { authorization: simAuth, "content-type": "application/json" }, body: JSON.stringify({ active: false, events: hook!.events }) });
    const run = await cli(["webhook", "--check"]);
    expect(run.stderr).toBe("");
    expect(run.stdout).toMatch(/state\s+re-activated by the worker/);
    expect(run.stdout).toMatch(/last check\s+.*asked by an admin/);
    expect(simWebhooks()[0]!.active).toBe(true);
    expect(run.stdout).not.toContain(hook!.token);
    expect((await cli(["webhook"])).stdout).toMatch(/re-activations\s+[1-9]/);
  });
});

describe("clear errors", () => {
  it("a wrong token", async () => {
    const run = await cli(["agents", "list"], { DIALER_ADMIN_TOKEN: "not-the-token" });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/The worker refused the admin token \(401/);
  });

  it("a wrong URL: nothing listening, or something that is not the worker", async () => {
    const refused = await cli(["agents", "list", "--url", `http://127.0.0.1:${await freePort()}`]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/Cannot reach the worker at http:\/\/127\.0\.0\.1:\d+ \(connection refused\)/);
    const notUs = await cli(["agents", "list", "--url", system.sim.url]);
    expect(notUs.code).toBe(1);
    expect(notUs.stderr).toMatch(/is not the power dialer's worker/);
  });

  it("Aircall refusing the worker's credentials", async () => {
    const message = "Aircall refused the API credentials (403 Forbidden). Check AIRCALL_API_ID and AIRCALL_API_TOKEN.";
    const server: Server = createServer((_req, res) => {
      res.writeHead(400, { "content-type": "application/json" }).end(JSON.stringify({ error: { code: "aircall_refused", message } }));
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const { port } = server.address() as { port: number };
    const run = await cli(["connect", "--url", `http://127.0.0.1:${port}`]);
    server.close();
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe(`Error: ${message}`);
  });
});
