#!/usr/bin/env node
/**
 * Checks the production extension build (extension/build/chrome-mv3-prod): its manifest asks only
 * for permissions the source uses, and no file in it holds a secret or a local default credential.
 * Exits non-zero with the reasons. Run after `pnpm build`.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const build = join(root, "extension/build/chrome-mv3-prod");
const src = join(root, "extension/src");
const problems = [];

const files = (dir) => readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)]));
const source = files(src).filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f)).map((f) => readFileSync(f, "utf8")).join("\n");

// Each API permission must be used by the source (chrome.<api>.…).
const manifest = JSON.parse(readFileSync(join(build, "manifest.json"), "utf8"));
const USES = { storage: /chrome\.storage\./, alarms: /chrome\.alarms\./, scripting: /chrome\.scripting\./, tabs: /chrome\.tabs\.(query|get)\b/ };
for (const permission of manifest.permissions ?? []) {
  const use = USES[permission];
  if (!use) problems.push(`permission "${permission}" is not expected: add it to this check only if the code needs it`);
  else if (!use.test(source)) problems.push(`permission "${permission}" is requested but never used`);
}
// Fixed host access is limited to the local worker; any other origin is asked for at run time.
for (const host of manifest.host_permissions ?? []) {
  if (!/^http:\/\/(127\.0\.0\.1|localhost)\/\*$/.test(host)) problems.push(`host permission ${host} should be optional`);
}

// No secret names with values, no local default credentials.
const SECRET = [/local-(admin|jwt|webhook|api)-[a-z-]*token|local-jwt-secret/, /sim-api-token|sim-webhook-token/, /(AIRCALL_API_TOKEN|AIRCALL_WEBHOOK_TOKEN|JWT_SECRET|ADMIN_TOKEN)\s*[:=]/];
for (const file of files(build)) {
  if (!/\.(js|json|html|css)$/.test(file)) continue;
  const text = readFileSync(file, "utf8");
  for (const pattern of SECRET) if (pattern.test(text)) problems.push(`${file.slice(build.length + 1)} matches ${pattern}`);
}

if (problems.length) {
  console.error(`production extension build: ${problems.length} problem(s)\n- ${problems.join("\n- ")}`);
  process.exit(1);
}
console.log(`production extension build: permissions ${JSON.stringify(manifest.permissions)} all used; no secrets in ${files(build).length} files`);
