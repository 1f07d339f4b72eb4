#!/usr/bin/env node
/**
 * `pnpm test`: every suite, one after the other, then one summary line CI can read:
 *   tests: N passed, M failed
 * Suites: extension build + typecheck of every package, shared schemas, worker logic (Node),
 * worker in workerd, extension units, simulator, integration (wrangler dev + simulator), browser
 * suite (Chromium + the built extension), short soak (faults and a tight budget, tests/soak).
 * `pnpm test -- --only=worker,e2e` runs a subset.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(root, ".tmp/test-results");
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const vitest = (name, cwd, extra = []) => ({
  name,
  cwd: join(root, cwd),
  cmd: "pnpm",
  args: ["exec", "vitest", "run", "--reporter=default", "--reporter=json", `--outputFile=${join(out, `${name}.json`)}`, ...extra],
  read: () => {
    const r = JSON.parse(readFileSync(join(out, `${name}.json`), "utf8"));
    return { passed: r.numPassedTests, failed: r.numFailedTests + (r.numTotalTestSuites && r.success === false && r.numFailedTests === 0 ? 1 : 0) };
  },
});

const suites = [
  {
    // The extension builds come first: the browser suite loads the e2e one, the production one is
    // checked for permissions and secrets, and the .plasmo types exist after a build.
    name: "build+typecheck",
    cwd: root,
    cmd: "bash",
    args: ["-c", "pnpm build:e2e && pnpm build && node scripts/check-extension-build.mjs && pnpm -r typecheck"],
    read: (status) => (status === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 }),
  },
  vitest("shared", "shared"),
  vitest("worker-unit", "worker", ["-c", "vitest.unit.config.ts"]),
  vitest("worker", "worker"),
  vitest("extension", "extension"),
  vitest("simulator", "tests"),
  vitest("integration", "tests", ["-c", "vitest.integration.config.ts"]),
  {
    name: "e2e",
    cwd: root,
    cmd: "bash",
    args: ["-c", "cd tests && pnpm exec playwright test -c e2e/playwright.config.ts"],
    before: () => rmSync(join(root, "tests/e2e/results.json"), { force: true }),
    read: () => {
      // written by the json reporter configured in tests/e2e/playwright.config.ts
      const r = JSON.parse(readFileSync(join(root, "tests/e2e/results.json"), "utf8"));
      return { passed: r.stats.expected + r.stats.flaky, failed: r.stats.unexpected };
    },
  },
  {
    // The short soak (tests/soak): the real worker and the simulator under faults and a tight shared
    // budget; one count per invariant (double dials, history rows, runs completed, budget, resets).
    name: "soak",
    cwd: root,
    cmd: "pnpm",
    args: ["soak", "--", "--short"],
    before: () => rmSync(join(root, ".tmp/soak/results-short.json"), { force: true }),
    read: () => {
      const r = JSON.parse(readFileSync(join(root, ".tmp/soak/results-short.json"), "utf8"));
      const failed = r.invariants.filter((i) => !i.ok).length;
      return { passed: r.invariants.length - failed, failed };
    },
  },
];

const only = process.argv.find((a) => a.startsWith("--only="))?.slice(7).split(",");
const results = [];
const started = Date.now();
for (const s of suites.filter((s) => !only || only.includes(s.name))) {
  const t0 = Date.now();
  console.log(`\n=== ${s.name} ===`);
  s.before?.();
  const run = spawnSync(s.cmd, s.args, { cwd: s.cwd, stdio: "inherit" });
  let counts;
  try {
    counts = s.read(run.status);
  } catch {
    counts = { passed: 0, failed: 0 };
  }
  // A suite that crashed, or exited non-zero without a failed test, counts as one failure.
  if (run.status !== 0 && counts.failed === 0) counts.failed = 1;
  if (run.status === 0 && counts.passed === 0) counts.failed = 1; // a suite that ran nothing is not a pass
  results.push({ name: s.name, ...counts, seconds: Math.round((Date.now() - t0) / 1000) });
}

console.log("\n=== summary ===");
for (const r of results) console.log(`${r.name}: ${r.passed} passed, ${r.failed} failed (${r.seconds} s)`);
const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
console.log(`total time: ${Math.round((Date.now() - started) / 1000)} s`);
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
