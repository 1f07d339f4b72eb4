import { readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "./cli-runner";
import { LOCAL, startSystem, type System } from "../system/start-system";

/** `pnpm admin dnc …` and the compliance settings, as a process against wrangler dev. */
let system: System;
beforeAll(async () => {
  system = await startSystem({ quiet: true, callingHours: "default" });
});
afterAll(async () => {
  await system?.stop();
});

const cli = (args: string[]) => runCli(system.workerUrl, args);

describe("pnpm admin dnc", () => {
  it("adds, lists, searches, removes; imports and exports CSV (formula cells neutralised)", async () => {
    const added = await cli(["dnc", "add", "+1 212 555 0143", "+33142685300", "--reason", "asked"]);
    expect(added.stderr).toBe("");
    expect(added.stdout).toContain("Added 2; 0 already on the list.");
    expect((await cli(["dnc", "add", "+12125550143"])).stdout).toContain("Added 0; 1 already on the list.");

    const listed = await cli(["dnc", "list"]);
    expect(listed.stdout).toMatch(/\+12125550143\s+asked/);
    expect(listed.stdout).toContain("admin-token");
    expect((await cli(["dnc", "list", "--q", "+33"])).stdout).not.toContain("+12125550143");

    const dir = tmpdir();
    const csvIn = join(dir, `dnc-in-${process.pid}.csv`);
    await writeFile(csvIn, "phone,reason\n+442079460958,\"=HYPERLINK(\"\"http://x\"\")\"\n0049 30 1234 5678,moved\nnot-a-number,x\n");
    const refused = await cli(["dnc", "import", csvIn]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("line 4");
    expect(refused.stderr).toContain("--skip-invalid");
    const imported = await cli(["dnc", "import", csvIn, "--skip-invalid"]);
    expect(imported.stdout).toContain("2 added, 0 already on the list, 1 line(s) skipped");

    const csvOut = join(dir, `dnc-out-${process.pid}.csv`);
    expect((await cli(["dnc", "export", csvOut])).stdout).toContain("Wrote 4 number(s)");
    const lines = (await readFile(csvOut, "utf8")).split("\r\n");
    expect(lines[0]).toBe("phone,reason,added_at,added_by");
    expect(lines).toContainEqual(expect.stringMatching(/^\+442079460958,"'=HYPERLINK\(""http:\/\/x""\)",/));
    expect(lines).toContainEqual(expect.stringMatching(/^\+493012345678,moved,/));

    expect((await cli(["dnc", "remove", "+33142685300"])).stdout).toContain("+33142685300 is off the do-not-call list.");
    const again = await cli(["dnc", "remove", "+33142685300"]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("not on the do-not-call list");
    const bad = await cli(["dnc", "add", "2125550143"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("needs its country code");
  }, 120_000);

  it("settings: calling hours, days and local presence", async () => {
    const shown = await cli(["settings"]);
    expect(shown.stdout).toContain("Calling hours: 08:00–21:00 the callee's local time, every day");
    expect(shown.stdout).toContain("Local presence: off.");
    const changed = await cli(["settings", "--calling-hours", "9:00-20:30", "--days", "mon-fri", "--local-presence", "on"]);
    expect(changed.stderr).toBe("");
    expect(changed.stdout).toContain("Calling hours: 09:00–20:30 the callee's local time, Mon, Tue, Wed, Thu, Fri");
    expect(changed.stdout).toContain("Local presence: on");
    const daysOnly = await cli(["settings", "--days", "sat,sun", "--json"]);
    expect(JSON.parse(daysOnly.stdout).settings.callingHours).toEqual({ start: "09:00", end: "20:30", days: [6, 7] });
    const bad = await cli(["settings", "--calling-hours", "21:00-08:00"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("start must be before end");
    expect((await cli(["settings", "--days", "funday"])).code).toBe(2);
    await cli(["settings", "--calling-hours", "08:00-21:00", "--days", "all", "--local-presence", "off"]);
  }, 120_000);
});
