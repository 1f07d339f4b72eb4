#!/usr/bin/env node
/**
 * Checks the production extension build (extension/build/chrome-mv3-prod): its manifest asks only
 * for permissions the source uses and no fixed host access (localhost and 127.0.0.1 are for the
 * e2e build only), no file in it holds a secret or a local default credential, and the content
 * scripts (which run in web pages) carry neither libphonenumber's "max" metadata nor zod.
 * Exits non-zero with the reasons. Run after `pnpm build`.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
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
// No fixed host access: the worker's origin and extra CRM sites are asked for at run time.
for (const host of manifest.host_permissions ?? []) problems.push(`host permission ${host} should be optional (localhost and 127.0.0.1 belong to the e2e build only)`);
for (const script of manifest.content_scripts ?? []) {
  for (const match of script.matches ?? []) if (!match.startsWith("https://")) problems.push(`content script ${script.js} runs on ${match}: production builds match https CRMs only`);
}

// Content scripts stay small and hold no number-type classification: strings only the "max"
// metadata has (premium-rate and other type patterns) must not appear in them.
const requireExt = createRequire(join(root, "extension/package.json"));
const maxOnly = (() => {
  const minText = JSON.stringify(requireExt("libphonenumber-js/metadata.min.json"));
  const strings = new Set();
  const walk = (value) => {
    if (typeof value === "string") strings.add(value);
    else if (value && typeof value === "object") Object.values(value).forEach(walk);
  };
  walk(requireExt("libphonenumber-js/metadata.max.json"));
  return [...strings].map((s) => JSON.stringify(s).slice(1, -1)).filter((s) => s.length >= 12 && !minText.includes(s));
})();
for (const file of new Set((manifest.content_scripts ?? []).flatMap((s) => s.js ?? []))) {
  const text = readFileSync(join(build, file), "utf8");
  const found = maxOnly.filter((s) => text.includes(s)).length;
  if (found > 0) problems.push(`content script ${file} holds libphonenumber's max metadata (${found} of its patterns): classify numbers in the background or popup`);
  if (/ZodError|\$ZodType/.test(text)) problems.push(`content script ${file} bundles zod: validate in the background`);
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
console.log(
  `production extension build: permissions ${JSON.stringify(manifest.permissions)} all used; no fixed hosts; ` +
    `content scripts free of max metadata (${maxOnly.length} markers) and zod; no secrets in ${files(build).length} files`,
);
