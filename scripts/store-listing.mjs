#!/usr/bin/env node
/**
 * `pnpm store`: the store listing's pictures, made from the product by the browser suite:
 * builds the e2e extension, runs tests/e2e/store.spec.ts (the popup during a run, the bar on a CRM
 * page, the team dashboard against wrangler dev + the Aircall simulator, the 440×280 tile) and
 * copies the PNGs to store/. The listing's text is store/listing.md.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const run = (cmd, args, opts = {}) => {
  const r = spawnSync(cmd, args, { cwd: root, stdio: "inherit", ...opts });
  if (r.status !== 0) process.exit(r.status || 1);
};

run("pnpm", ["build:e2e"]);
// The suite loads a copy: another build may rewrite extension/build meanwhile.
const copy = mkdtempSync(join(tmpdir(), "dialer-store-ext-"));
cpSync(join(root, "extension/build/chrome-mv3-e2e"), copy, { recursive: true });
try {
  run("pnpm", ["exec", "playwright", "test", "-c", "e2e/playwright.config.ts", "store.spec.ts"], { cwd: join(root, "tests"), env: { ...process.env, E2E_EXTENSION_DIR: copy } });
} finally {
  rmSync(copy, { recursive: true, force: true });
}
const from = join(root, "tests/e2e/screenshots/store");
for (const file of readdirSync(from)) cpSync(join(from, file), join(root, "store", file));
console.log(`store/: ${readdirSync(from).join(", ")}`);
