import { writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DEFAULT_DISPOSITIONS } from "@dialer/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "./cli-runner";
import { LOCAL, startSystem, type System } from "../system/start-system";

/** `pnpm admin dispositions` as a process against wrangler dev + the Aircall simulator. */
let system: System;
beforeAll(async () => {
  system = await startSystem({ quiet: true });
});
afterAll(async () => {
  await system?.stop();
});

const cli = (args: string[]) => runCli(system.workerUrl, args);

describe("pnpm admin dispositions", () => {
  it("lists the default set, adds, replaces from a file, removes; refuses bad input with usage errors", async () => {
    const list = await cli(["dispositions"]);
    expect(list.code).toBe(0);
    for (const d of DEFAULT_DISPOSITIONS) expect(list.stdout).toContain(d.label);

    const add = await cli(["dispositions", "add", "interested", "--label", "Interested", "--kind", "connected", "--tag", "Hot lead"]);
    expect(add.stderr).toBe("");
    expect(add.stdout).toMatch(/Added "interested"/);
    expect(add.stdout).toContain("Hot lead");
    const retry = await cli(["dispositions", "add", "busy", "--kind", "no_answer", "--retry-after", "30", "--max-attempts", "2", "--json"]);
    expect(JSON.parse(retry.stdout).dispositions.at(-1)).toEqual({ id: "busy", label: "busy", kind: "no_answer", retry: { afterMinutes: 30, maxAttempts: 2 } });

    expect((await cli(["dispositions", "add", "x", "--kind", "maybe"])).code).toBe(2);
    expect((await cli(["dispositions", "add", "Bad Id", "--kind", "connected"])).code).toBe(2);
    expect((await cli(["dispositions", "add", "y", "--kind", "connected", "--retry-after", "5"])).stderr).toMatch(/go together/);

    const file = join(tmpdir(), `dispositions-${process.pid}.json`);
    await writeFile(file, JSON.stringify({ dispositions: [{ id: "yes", label: "Yes", kind: "connected" }, { id: "vm", label: "VM", kind: "voicemail" }] }));
    const set = await cli(["dispositions", "set", file]);
    expect(set.stdout).toMatch(/Saved 2 dispositions/);
    await writeFile(file, "[{\"id\":\"a\"}]");
    const bad = await cli(["dispositions", "set", file]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/label|kind/);

    const removed = await cli(["dispositions", "remove", "vm", "--json"]);
    expect(JSON.parse(removed.stdout).dispositions.map((d: { id: string }) => d.id)).toEqual(["yes"]);
    expect((await cli(["dispositions", "remove", "yes"])).stderr).toMatch(/last disposition/);
    expect((await cli(["dispositions", "remove", "nope"])).code).toBe(2);
  });

  it("stats shows conversations, connect rate, voicemails and not recorded", async () => {
    const stats = await cli(["stats"]);
    expect(stats.code).toBe(0);
    expect(stats.stdout).toMatch(/conversations\s+connect\s+voicemails\s+not recorded/);
    expect(stats.stdout).toMatch(/TEAM\s+0\s.*\s0\s+0%\s+0\s+0$/m);
  });
});
