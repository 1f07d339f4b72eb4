#!/usr/bin/env node
/**
 * `pnpm package`: the upload-ready extension.
 *   1. builds the production extension (plasmo build),
 *   2. checks it against the Chrome Web Store's rules (scripts/check-extension-build.mjs),
 *   3. zips it with Plasmo's `package` command → extension/build/aircall-power-dialer-<version>.zip:
 *      the file to upload to the Chrome Web Store or Microsoft Edge Add-ons (no `key`: each store
 *      gives the extension its own id),
 *   4. when a public key exists (`pnpm keys`, or CRX_PUBLIC_KEY), also the same build with that key
 *      in its manifest → extension/build/chrome-mv3-keyed/ and aircall-power-dialer-<version>-keyed.zip,
 *      for "Load unpacked" or a self-hosted install: its id is fixed by the key on every computer.
 * `--no-build` packages the build already there.
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { extensionId, readPublicKey } from "./extension-keys.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const ext = join(root, "extension");
const build = join(ext, "build");
const rel = (p) => relative(process.cwd(), p) || p;

function run(cmd, args, cwd = root) {
  const r = spawnSync(cmd, args, { cwd, stdio: "inherit" });
  if (r.status !== 0) {
    console.error(`\npnpm package: "${cmd} ${args.join(" ")}" failed (exit ${r.status}).`);
    process.exit(r.status || 1);
  }
}

/** Plasmo's `package` zips build/chrome-mv3-<tag> into build/chrome-mv3-<tag>.zip (source maps left out). */
function plasmoPackage(tag, name) {
  run("pnpm", ["exec", "plasmo", "package", ...(tag === "prod" ? [] : [`--tag=${tag}`])], ext);
  const zip = join(build, name);
  rmSync(zip, { force: true });
  renameSync(join(build, `chrome-mv3-${tag}.zip`), zip);
  return zip;
}

const publicKey = readPublicKey(); // fails early on a malformed key
if (!process.argv.includes("--no-build")) run("pnpm", ["exec", "plasmo", "build"], ext);
run("node", [join(root, "scripts/check-extension-build.mjs")]);

const { version } = JSON.parse(readFileSync(join(build, "chrome-mv3-prod/manifest.json"), "utf8"));
const storeZip = plasmoPackage("prod", `aircall-power-dialer-${version}.zip`);
const lines = [
  "",
  `Store package: ${rel(storeZip)}`,
  "  Upload it to the Chrome Web Store (public, unlisted or private to your Google Workspace) or to",
  "  Microsoft Edge Add-ons: the same zip installs in both. The store gives the extension its id;",
  "  pin the worker to it: ALLOWED_ORIGINS=chrome-extension://<id>.",
];

const keyed = join(build, "chrome-mv3-keyed");
rmSync(keyed, { recursive: true, force: true });
if (publicKey) {
  cpSync(join(build, "chrome-mv3-prod"), keyed, { recursive: true });
  const manifestPath = join(keyed, "manifest.json");
  writeFileSync(manifestPath, JSON.stringify({ ...JSON.parse(readFileSync(manifestPath, "utf8")), key: publicKey }, null, 2));
  const keyedZip = plasmoPackage("keyed", `aircall-power-dialer-${version}-keyed.zip`);
  const id = extensionId(publicKey);
  lines.push(
    "",
    `Keyed build: ${rel(keyed)} and ${rel(keyedZip)} (id ${id} on every computer)`,
    "  For Load unpacked or a self-hosted install, not for the stores (they refuse a manifest `key`).",
    `  ALLOWED_ORIGINS=chrome-extension://${id}`,
  );
} else {
  lines.push("", "No public key (pnpm keys): no keyed build. The store's id is stable on its own.");
}
if (!existsSync(storeZip)) throw new Error(`${storeZip} was not written`);
console.log(lines.join("\n"));
