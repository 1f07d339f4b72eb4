import { createServer, type Server } from "node:http";
import type { DoctorReport } from "@dialer/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkAddress, checkAircallClock, checkLocalClock, checkRateLimit, checkSecrets, checkWebhook, exitCode, render } from "../../worker/cli/doctor-checks";
import { runCli } from "./cli-runner";
import { LOCAL, startSystem, type System } from "../system/start-system";

/**
 * `pnpm admin doctor` as a process against wrangler dev + the Aircall simulator: green on a
 * deployment that works, exit code 1 naming what to fix when something is wrong.
 */
const cli = (system: { workerUrl: string }, args: string[], env: Record<string, string> = {}) => runCli(system.workerUrl, args, env, 90_000);
const line = (out: string, name: string) => out.split("\n").find((l) => l.slice(6).startsWith(name)) ?? `(no line for ${name})`;
const simAuth = `Basic ${Buffer.from(`${LOCAL.apiId}:${LOCAL.apiToken}`).toString("base64")}`;
const SECOND_USER = { id: 1002, name: "Second Agent", email: "second.agent@example.com", numbers: [{ id: 2002, digits: "+1 555-010-0002", name: "Second line" }], wrapUpTime: 0 };

describe("pnpm admin doctor against a deployment", () => {
  let system: System;
  beforeAll(async () => {
    system = await startSystem({
      quiet: true,
      vars: { AIRCALL_WEBHOOK_TOKEN: "", AIRCALL_RATE_LIMIT_PER_MIN: "50" },
      sim: { webhookUrl: undefined, ratePerMinute: 60, users: [{ id: 1001, name: "Demo Agent", email: "demo.agent@example.com", numbers: [{ id: 2001, digits: "+1 555-010-0000", name: "Sales line" }], wrapUpTime: 0 }, SECOND_USER] },
    });
  });
  afterAll(async () => {
    await system?.stop();
  });
  const admin = (method: string, path: string, body?: unknown) =>
    fetch(system.workerUrl + path, { method, headers: { authorization: `Bearer ${LOCAL.adminToken}`, "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });

  it("before connect: fails on the missing webhook and says to run connect; secrets are described, never shown", async () => {
    const run = await cli(system, ["doctor"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(1);
    expect(line(run.stdout, "Aircall webhook")).toMatch(/^FAIL .*no webhook registered for http:\/\/127\.0\.0\.1:\d+\/webhooks\/aircall/);
    expect(run.stdout).toContain("→ Run pnpm admin connect");
    expect(line(run.stdout, "worker address")).toMatch(/^WARN .*plain http on this computer/);
    expect(line(run.stdout, "worker reachable")).toMatch(/^OK /);
    expect(line(run.stdout, "secret JWT_SECRET")).toMatch(new RegExp(`^OK .*set \\(${LOCAL.jwtSecret.length} characters\\)`));
    expect(line(run.stdout, "secret AIRCALL_WEBHOOK_TOKEN")).toMatch(/^OK .*not set: the webhook token `pnpm admin connect` stored/);
    expect(line(run.stdout, "ALLOWED_ORIGINS")).toMatch(/^WARN .*any extension's pages may call the worker/);
    expect(line(run.stdout, "agents")).toMatch(/^WARN .*no agent is enrolled yet/);
    expect(run.stdout).toMatch(/1 problem to fix, \d+ warnings\.$/m);
    for (const secret of [LOCAL.adminToken, LOCAL.jwtSecret, LOCAL.apiToken, LOCAL.apiId]) expect(run.stdout).not.toContain(secret);
    const json = await cli(system, ["doctor", "--json"]);
    expect(json.code).toBe(1);
    expect(json.stdout).not.toContain(LOCAL.jwtSecret);
    const parsed = JSON.parse(json.stdout) as { ok: boolean; report: DoctorReport };
    expect(parsed.ok).toBe(false);
    expect(parsed.report.secrets.find((s) => s.name === "ADMIN_TOKEN")).toEqual({ name: "ADMIN_TOKEN", present: true, length: LOCAL.adminToken.length, minLength: 24, required: true });
  });

  it("green once connected with an agent enrolled: key, rate limit against X-AircallApi-Limit, webhook, the agent through V2", async () => {
    expect((await cli(system, ["connect"])).code).toBe(0);
    expect((await cli(system, ["agents", "add", "--aircall-user", "1001"])).code).toBe(0);
    const before = system.sim.requests().length;
    const run = await cli(system, ["doctor"]);
    expect(run.stderr).toBe("");
    expect(run.stdout).toMatch(/^All checks passed \(\d+ warnings?\)\.$/m);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toMatch(/^FAIL/m);
    expect(line(run.stdout, "Aircall API key")).toMatch(/^OK /);
    expect(line(run.stdout, "rate limit")).toMatch(/^OK .*AIRCALL_RATE_LIMIT_PER_MIN 50 ≤ Aircall's X-AircallApi-Limit 60/);
    expect(line(run.stdout, "clock (worker vs Aircall)")).toMatch(/^OK  .*within \d s/);
    expect(line(run.stdout, "clock (this computer)")).toMatch(/^OK /);
    expect(line(run.stdout, "Aircall webhook")).toMatch(new RegExp(`^OK .*active, delivers to ${system.workerUrl}/webhooks/aircall`));
    expect(line(run.stdout, "agent Demo Agent")).toMatch(/^OK .*Aircall user 1001, number 2001/);
    const paths = system.sim.requests().slice(before).map((r) => `${r.method} ${r.path}`);
    expect(paths).toContain("GET /v2/users/1001");
    expect(paths).toContain("GET /v2/users/1001/numbers");
    expect(paths.filter((p) => /^(POST|PUT|DELETE) /.test(p))).toEqual([]); // the doctor repairs nothing
  });

  it("a webhook Aircall disabled fails, with the command that re-activates it", async () => {
    const [hook] = system.sim.state().webhooks as { webhook_id: string; events: string[] }[];
    await fetch(`${system.sim.url}/v1/webhooks/${hook!.webhook_id}`, { method: "PUT", headers: { authorization: simAuth, "content-type": "application/json" }, body: JSON.stringify({ active: false, events: hook!.events }) });
    const run = await cli(system, ["doctor"]);
    expect(run.code).toBe(1);
    expect(line(run.stdout, "Aircall webhook")).toMatch(/^FAIL .*is disabled in Aircall/);
    expect(run.stdout).toContain("→ Run pnpm admin webhook --check");
    expect((await cli(system, ["webhook", "--check"])).code).toBe(0);
    expect((await cli(system, ["doctor"])).code).toBe(0);
  });

  it("agents whose Aircall user is gone or who can no longer call from their number fail, each named", async () => {
    const gone = (await (await admin("POST", "/api/admin/agents", { aircallUserId: 4242, numberId: 2001, name: "Gone Agent" })).json()) as { agentId: string };
    const moved = (await (await admin("POST", "/api/admin/agents", { aircallUserId: 1002, numberId: 2001, name: "Moved Agent" })).json()) as { agentId: string };
    const run = await cli(system, ["doctor"]);
    expect(run.code).toBe(1);
    expect(line(run.stdout, "agent Gone Agent")).toMatch(new RegExp(`^FAIL .*Gone Agent \\(${gone.agentId}\\): Aircall user 4242 no longer exists`));
    expect(line(run.stdout, "agent Moved Agent")).toMatch(/^FAIL .*Aircall user 1002 can no longer call from number 2001/);
    expect(run.stdout).toContain(`→ pnpm admin agents remove ${gone.agentId}`);
    expect(line(run.stdout, "agent Demo Agent")).toMatch(/^OK /);
    expect(run.stdout).toMatch(/^2 problems to fix/m);
    await admin("DELETE", `/api/admin/agents/${gone.agentId}`);
    await admin("DELETE", `/api/admin/agents/${moved.agentId}`);
    expect((await cli(system, ["doctor"])).code).toBe(0);
  });

  it("an unknown agent id on the doctor's route is a 404, a malformed one a 400", async () => {
    expect((await admin("GET", "/api/admin/doctor/agents/00000000-0000-4000-8000-000000000000")).status).toBe(404);
    expect((await admin("GET", "/api/admin/doctor/agents/not-an-id")).status).toBe(400);
    expect((await fetch(`${system.workerUrl}/api/admin/doctor`)).status).toBe(401);
  });
});

describe("pnpm admin doctor: settings that are wrong", () => {
  it("a rate limit above Aircall's X-AircallApi-Limit and a refused Aircall key", async () => {
    const fast = await startSystem({ quiet: true, vars: { AIRCALL_RATE_LIMIT_PER_MIN: "120" }, sim: { ratePerMinute: 60 } });
    try {
      const run = await cli(fast, ["doctor"]);
      expect(run.code).toBe(1);
      expect(line(run.stdout, "rate limit")).toMatch(/^FAIL .*AIRCALL_RATE_LIMIT_PER_MIN is 120 but Aircall allows this company 60 requests a minute/);
      expect(run.stdout).toContain("→ Set AIRCALL_RATE_LIMIT_PER_MIN to 60 or less");
    } finally {
      await fast.stop();
    }
    const refused = await startSystem({ quiet: true, vars: { AIRCALL_API_TOKEN: "not-the-aircall-token" } });
    try {
      const run = await cli(refused, ["doctor"]);
      expect(run.code).toBe(1);
      expect(line(run.stdout, "Aircall API key")).toMatch(/^FAIL .*Aircall refused the API ID and token \(40[13]\)/);
      expect(run.stdout).not.toContain("not-the-aircall-token");
    } finally {
      await refused.stop();
    }
  });

  it("a worker refusing everything for a weak secret, and nothing listening", async () => {
    const message = "JWT_SECRET must be set to at least 32 random characters (e.g. `openssl rand -hex 32`; wrangler secret put JWT_SECRET)";
    const server: Server = createServer((_req, res) => res.writeHead(503, { "content-type": "application/json" }).end(JSON.stringify({ error: { code: "misconfigured", message } })));
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    try {
      const run = await cli({ workerUrl: url }, ["doctor"]);
      expect(run.code).toBe(1);
      expect(line(run.stdout, "secrets")).toContain(`FAIL  secrets`);
      expect(line(run.stdout, "secrets")).toContain(message);
    } finally {
      server.close();
    }
    const down = await cli({ workerUrl: url }, ["doctor"]);
    expect(down.code).toBe(1);
    expect(line(down.stdout, "worker reachable")).toMatch(/^FAIL .*no answer from http:\/\/127\.0\.0\.1:\d+\/health \(ECONNREFUSED\)/);
  });
});

describe("doctor verdicts", () => {
  const report = (patch: Partial<DoctorReport> = {}): DoctorReport => ({
    serverTime: new Date().toISOString(),
    secrets: [{ name: "JWT_SECRET", present: true, length: 64, minLength: 32, required: true }, { name: "AIRCALL_WEBHOOK_TOKEN", present: false, length: 0, minLength: 0, required: false }],
    allowedOrigins: ["chrome-extension://abcdefghijklmnopabcdefghijklmnop"],
    rateLimitPerMin: 60,
    aircall: { keyValid: true, error: null, limitPerMin: 60, clockSkewMs: 0 },
    webhook: { expectedUrl: "https://w.example/webhooks/aircall", storedId: "w1", found: true, id: "w1", url: "https://w.example/webhooks/aircall", active: true, missingEvents: [], error: null },
    ...patch,
  });

  it("https anywhere, http only on this computer", () => {
    expect(checkAddress("https://dialer.example.com").status).toBe("ok");
    expect(checkAddress("http://localhost:8787").status).toBe("warn");
    expect(checkAddress("http://dialer.example.com").status).toBe("fail");
    expect(checkAddress("http://127.0.0.1.nip.io").status).toBe("fail");
  });

  it("clocks: a few seconds are noise, half a minute against Aircall fails", () => {
    expect(checkAircallClock(report({ aircall: { keyValid: true, error: null, limitPerMin: 60, clockSkewMs: 1_200 } })).status).toBe("ok");
    expect(checkAircallClock(report({ aircall: { keyValid: true, error: null, limitPerMin: 60, clockSkewMs: -12_000 } })).status).toBe("warn");
    const off = checkAircallClock(report({ aircall: { keyValid: true, error: null, limitPerMin: 60, clockSkewMs: 95_000 } }));
    expect(off).toMatchObject({ status: "fail", detail: expect.stringContaining("95 s ahead of the worker's") });
    expect(checkLocalClock(-5 * 60_000)).toMatchObject({ status: "warn", detail: "this computer's clock is 300 s ahead of the worker's" });
  });

  it("secrets: missing or short fail with the command, the optional webhook token may be absent", () => {
    const checks = checkSecrets(report({ secrets: [{ name: "ADMIN_TOKEN", present: true, length: 10, minLength: 24, required: true }, { name: "AIRCALL_API_TOKEN", present: false, length: 0, minLength: 0, required: true }, { name: "AIRCALL_WEBHOOK_TOKEN", present: false, length: 0, minLength: 0, required: false }] }));
    expect(checks.map((c) => c.status)).toEqual(["fail", "fail", "ok"]);
    expect(checks[0]!.fix).toContain("wrangler secret put ADMIN_TOKEN");
  });

  it("a webhook pointing elsewhere, missing events, or without a token fails; equal rate limits pass", () => {
    expect(checkWebhook(report()).status).toBe("ok");
    expect(checkWebhook(report({ webhook: { ...report().webhook, url: "https://old.example/webhooks/aircall" } })).detail).toContain("not to this worker");
    expect(checkWebhook(report({ webhook: { ...report().webhook, missingEvents: ["call.ended"] } })).status).toBe("fail");
    expect(checkWebhook(report({ webhook: { ...report().webhook, storedId: null } })).detail).toContain("holds no token");
    expect(checkRateLimit(report()).status).toBe("ok");
    expect(checkRateLimit(report({ aircall: { keyValid: true, error: null, limitPerMin: null, clockSkewMs: 0 } })).status).toBe("warn");
  });

  it("exit code 1 only with a failure; the summary counts", () => {
    const warn = { name: "x", status: "warn" as const, detail: "d" };
    expect(exitCode([warn])).toBe(0);
    expect(exitCode([warn, { name: "y", status: "fail", detail: "d" }])).toBe(1);
    expect(render([warn])).toMatch(/All checks passed \(1 warning\)\.$/);
  });
});
