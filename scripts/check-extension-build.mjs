#!/usr/bin/env node
/**
 * Checks the production extension build (extension/build/chrome-mv3-prod): its manifest asks only
 * for permissions the source uses and no fixed host access (localhost and 127.0.0.1 are for the
 * e2e build only), no file in it holds a secret or a local default credential, and the content
 * scripts (which run in web pages) carry neither libphonenumber's "max" metadata nor zod.
 * Then the Chrome Web Store's rules (which Microsoft Edge Add-ons shares): Manifest V3, no remote
 * code, name/description lengths, a 128 px icon, no `key` or `update_url` (the store sets both),
 * a valid managed storage schema, and every permission justified on the privacy page. Every
 * `__MSG_x__` of the manifest has its message in each language of `_locales` (English, French).
 * Exits non-zero with the reasons. Run after `pnpm build` (`--build <dir>` checks another build).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const buildArg = process.argv.indexOf("--build");
const build = buildArg > 0 ? resolve(process.argv[buildArg + 1]) : join(root, "extension/build/chrome-mv3-prod");
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
  if (/delimitersToGuess|papaparse/i.test(text)) problems.push(`content script ${file} bundles papaparse: CSV import and export belong to the Lists, Contacts and History pages`);
}

// No secret names with values, no local default credentials.
const SECRET = [/local-(admin|jwt|webhook|api)-[a-z-]*token|local-jwt-secret/, /sim-api-token|sim-webhook-token/, /(AIRCALL_API_TOKEN|AIRCALL_WEBHOOK_TOKEN|JWT_SECRET|ADMIN_TOKEN)\s*[:=]/];
for (const file of files(build)) {
  if (!/\.(js|json|html|css)$/.test(file)) continue;
  const text = readFileSync(file, "utf8");
  for (const pattern of SECRET) if (pattern.test(text)) problems.push(`${file.slice(build.length + 1)} matches ${pattern}`);
}

// ---- Translations (_locales): every __MSG_x__ of the manifest exists in every language ----
const localesDir = join(build, "_locales");
const locales = {};
try {
  for (const lang of readdirSync(localesDir)) {
    try {
      const messages = JSON.parse(readFileSync(join(localesDir, lang, "messages.json"), "utf8"));
      // Chrome matches message names without regard to case.
      locales[lang] = Object.fromEntries(Object.entries(messages).map(([k, v]) => [k.toLowerCase(), v?.message]));
    } catch (err) {
      problems.push(`_locales/${lang}/messages.json is missing or not JSON (${err.message})`);
    }
  }
} catch {
  // no _locales folder: the manifest must then hold no __MSG_x__
}
const msgNames = [...new Set([...JSON.stringify(manifest).matchAll(/__MSG_(\w+)__/g)].map((m) => m[1]))];
const langs = Object.keys(locales);
if (langs.length && !manifest.default_locale) problems.push("_locales is there but the manifest has no default_locale (Chrome refuses to load it)");
if (manifest.default_locale && !locales[manifest.default_locale]) problems.push(`default_locale "${manifest.default_locale}" has no _locales/${manifest.default_locale}/messages.json`);
if (msgNames.length && !langs.length) problems.push(`the manifest uses ${msgNames.map((n) => `__MSG_${n}__`).join(", ")} but the build has no _locales`);
for (const lang of langs)
  for (const name of msgNames)
    if (typeof locales[lang][name.toLowerCase()] !== "string" || !locales[lang][name.toLowerCase()]) problems.push(`__MSG_${name}__ has no message in _locales/${lang}/messages.json`);
/** A manifest text as each language shows it: "__MSG_extensionName__" → every translation of it. */
const shown = (text) => {
  const m = /^__MSG_(\w+)__$/.exec(text ?? "");
  if (!m) return [[null, text]];
  return langs.map((lang) => [lang, locales[lang][m[1].toLowerCase()] ?? ""]);
};

// ---- Chrome Web Store (and Edge Add-ons) rules ----
if (manifest.manifest_version !== 3) problems.push(`manifest_version is ${manifest.manifest_version}: the store takes Manifest V3 only`);
for (const [lang, name] of shown(manifest.name))
  if (!name || name.length > 75) problems.push(`name${lang ? ` (${lang})` : ""} must be 1-75 characters (store rule), is ${name?.length ?? 0}`);
for (const [lang, description] of shown(manifest.description))
  if (!description || description.length > 132) problems.push(`description${lang ? ` (${lang})` : ""} must be 1-132 characters (store rule), is ${description?.length ?? 0}`);
if (manifest.short_name && manifest.short_name.length > 12) problems.push("short_name must be at most 12 characters");
if (!/^\d{1,5}(\.\d{1,5}){0,3}$/.test(manifest.version ?? "") || manifest.version.split(".").some((n) => Number(n) > 65535)) problems.push(`version "${manifest.version}" must be 1-4 dot-separated integers up to 65535`);
if (!manifest.icons?.["128"]) problems.push("no 128 px icon (the store shows it)");
for (const icon of Object.values(manifest.icons ?? {})) if (!files(build).includes(join(build, icon))) problems.push(`icon ${icon} is missing from the build`);
if ("key" in manifest) problems.push("the manifest has a `key`: the stores refuse it (pnpm package puts the key in the separate keyed build only)");
if ("update_url" in manifest) problems.push("the manifest has an `update_url`: store items are updated by the store");
if (manifest.externally_connectable) problems.push("externally_connectable: no web page or other extension should talk to the dialer");
for (const war of manifest.web_accessible_resources ?? []) if ((war.matches ?? []).some((m) => m === "<all_urls>" || m === "*://*/*" || m === "https://*/*")) problems.push(`web_accessible_resources ${war.resources} are exposed to every site`);
const csp = JSON.stringify(manifest.content_security_policy ?? "");
if (/https?:|unsafe-eval|\*/.test(csp)) problems.push(`content_security_policy ${csp} allows remote or eval'd code`);
// No remote code: every script the extension runs is in the package.
for (const file of files(build)) {
  const text = /\.(js|html)$/.test(file) ? readFileSync(file, "utf8") : "";
  const name = file.slice(build.length + 1);
  if (/<script[^>]+src=["']?(https?:)?\/\//i.test(text)) problems.push(`${name} loads a script from another site (remote code)`);
  if (/importScripts\(\s*["'`](https?:)?\/\//.test(text)) problems.push(`${name} imports a remote script (remote code)`);
  if (/\bimport\(\s*["'`]https?:\/\//.test(text)) problems.push(`${name} imports a remote module (remote code)`);
  if (/<link[^>]+rel=["']?stylesheet[^>]+href=["']?(https?:)?\/\//i.test(text)) problems.push(`${name} loads a remote stylesheet`);
}
// Managed storage (IT policy): the schema Chrome validates policies against.
const schemaFile = manifest.storage?.managed_schema;
if (!schemaFile) problems.push("no storage.managed_schema: IT cannot pre-set the worker URL by policy");
else {
  try {
    const schema = JSON.parse(readFileSync(join(build, schemaFile), "utf8"));
    if (schema.type !== "object" || !schema.properties?.workerUrl) problems.push(`${schemaFile} must be an object schema with a workerUrl property`);
    for (const [key, prop] of Object.entries(schema.properties ?? {})) if (!["string", "boolean", "integer", "number", "array", "object"].includes(prop.type)) problems.push(`${schemaFile}: ${key} needs a type Chrome knows`);
  } catch (err) {
    problems.push(`storage.managed_schema ${schemaFile}: ${err.message}`);
  }
}
// Every permission is explained to users on the privacy page (and in the store's justification fields).
const justified = readFileSync(join(src, "privacy/permissions.ts"), "utf8");
for (const permission of [...(manifest.permissions ?? []), ...(manifest.optional_host_permissions ?? []), ...(manifest.optional_permissions ?? [])]) {
  if (!justified.includes(`name: ${JSON.stringify(permission)}`)) problems.push(`permission "${permission}" is not justified in extension/src/privacy/permissions.ts`);
}

if (problems.length) {
  console.error(`production extension build: ${problems.length} problem(s)\n- ${problems.join("\n- ")}`);
  process.exit(1);
}
console.log(
  `production extension build: permissions ${JSON.stringify(manifest.permissions)} all used; no fixed hosts; ` +
    `content scripts free of max metadata (${maxOnly.length} markers) and zod; no secrets in ${files(build).length} files; ` +
    `store rules: MV3, no remote code, no key, managed schema ${schemaFile}, every permission justified` +
    (langs.length ? `; ${msgNames.length} manifest message(s) in ${langs.sort().join(", ")}` : ""),
);
