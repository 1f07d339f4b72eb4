#!/usr/bin/env node
/**
 * `pnpm keys`: makes the extension's key pair once, so its id is the same on every computer.
 *
 *   pnpm keys                       create extension/keys/private-key.pem (never committed) and
 *                                   extension/keys/public-key.txt; prints the extension id
 *   pnpm keys --public <base64>     use a public key you already have instead (the Chrome Web
 *                                   Store's, from the item's Package page): no private key made
 *   pnpm keys --show                print the id of the public key in place
 *
 * The public key goes into the manifest's `key` of the self-hosted build `pnpm package` makes (the
 * Web Store refuses uploads that carry a `key`: it assigns the id itself). The id is what
 * ALLOWED_ORIGINS pins: chrome-extension://<id>.
 */
import { createHash, createPublicKey, generateKeyPairSync } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
/** EXTENSION_KEYS_DIR moves the pair elsewhere (the browser suite makes a throwaway one). */
export const KEYS_DIR = process.env.EXTENSION_KEYS_DIR ? resolve(process.env.EXTENSION_KEYS_DIR) : join(root, "extension/keys");
export const PRIVATE_KEY = join(KEYS_DIR, "private-key.pem");
export const PUBLIC_KEY = join(KEYS_DIR, "public-key.txt");

/** Chrome's id of an extension: the SHA-256 of its public key (DER), first 32 hex digits, 0-f → a-p. */
export function extensionId(publicKeyBase64) {
  const hex = createHash("sha256").update(Buffer.from(publicKeyBase64, "base64")).digest("hex").slice(0, 32);
  return [...hex].map((c) => String.fromCharCode("a".charCodeAt(0) + parseInt(c, 16))).join("");
}

/** A base64 SubjectPublicKeyInfo (what the manifest's `key` holds), or an error naming the problem. */
export function checkPublicKey(text) {
  const base64 = text.replace(/-----[^-]+-----/g, "").replace(/\s+/g, "");
  if (!/^[A-Za-z0-9+/]+=*$/.test(base64)) throw new Error("the public key must be base64 (the manifest's `key` value)");
  try {
    createPublicKey({ key: Buffer.from(base64, "base64"), format: "der", type: "spki" });
  } catch {
    throw new Error("that is not an RSA public key in the manifest's `key` format (base64 SubjectPublicKeyInfo)");
  }
  return base64;
}

/** The public key `pnpm package` puts in the self-hosted build: CRX_PUBLIC_KEY, else extension/keys/public-key.txt. */
export function readPublicKey(env = process.env) {
  if (env.CRX_PUBLIC_KEY) return checkPublicKey(env.CRX_PUBLIC_KEY);
  return existsSync(PUBLIC_KEY) ? checkPublicKey(readFileSync(PUBLIC_KEY, "utf8")) : null;
}

function main(argv) {
  const rel = (p) => relative(process.cwd(), p) || p;
  if (argv.includes("--show")) {
    const key = readPublicKey();
    if (!key) return fail("No public key yet: run pnpm keys.");
    return console.log(`Extension id: ${extensionId(key)}\nALLOWED_ORIGINS=chrome-extension://${extensionId(key)}`);
  }
  mkdirSync(KEYS_DIR, { recursive: true });
  const given = argv.indexOf("--public");
  if (given >= 0) {
    let key;
    try {
      key = checkPublicKey(argv[given + 1] ?? "");
    } catch (err) {
      return fail(err.message);
    }
    writeFileSync(PUBLIC_KEY, key + "\n");
    return console.log(`Wrote ${rel(PUBLIC_KEY)}.\nExtension id: ${extensionId(key)}\nALLOWED_ORIGINS=chrome-extension://${extensionId(key)}`);
  }
  if (existsSync(PRIVATE_KEY) || existsSync(PUBLIC_KEY)) {
    return fail(`${rel(existsSync(PRIVATE_KEY) ? PRIVATE_KEY : PUBLIC_KEY)} exists already: the pair is made once (a new one would change the extension id). pnpm keys --show prints the id.`);
  }
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const key = publicKey.export({ type: "spki", format: "der" }).toString("base64");
  writeFileSync(PRIVATE_KEY, privateKey.export({ type: "pkcs8", format: "pem" }), { mode: 0o600 });
  writeFileSync(PUBLIC_KEY, key + "\n");
  console.log(
    [
      `Wrote ${rel(PRIVATE_KEY)} (keep it secret and backed up; git ignores it) and ${rel(PUBLIC_KEY)}.`,
      `Extension id: ${extensionId(key)}`,
      `Pin the worker to it: ALLOWED_ORIGINS=chrome-extension://${extensionId(key)}`,
      "Next: pnpm package",
    ].join("\n"),
  );
}

function fail(message) {
  console.error(message);
  process.exitCode = 1;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main(process.argv.slice(2));
