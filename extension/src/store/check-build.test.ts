import { spawnSync } from "node:child_process"
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join, resolve } from "node:path"

import { afterEach, describe, expect, it } from "vitest"

/**
 * scripts/check-extension-build.mjs against small builds: what a store-ready manifest looks like,
 * and each Chrome Web Store rule it enforces (they hold for Microsoft Edge Add-ons too).
 */
const script = resolve(__dirname, "../../../scripts/check-extension-build.mjs")
const dirs: string[] = []
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })))

const GOOD = {
  manifest_version: 3,
  name: "Aircall Power Dialer",
  version: "0.1.0",
  description: "Queue phone numbers from any CRM page and dial them through Aircall, one after another.",
  icons: { "128": "icon128.png" },
  permissions: ["storage", "alarms", "scripting"],
  host_permissions: [],
  optional_host_permissions: ["https://*/*", "http://*/*"],
  storage: { managed_schema: "managed-schema.json" },
  options_ui: { page: "options.html", open_in_tab: true },
}
const SCHEMA = { type: "object", properties: { workerUrl: { type: "string" }, allowedSites: { type: "array", items: { type: "string" } } } }

function check(manifest: Record<string, unknown>, extra: Record<string, string> = {}) {
  const dir = mkdtempSync(join(tmpdir(), "ext-build-"))
  dirs.push(dir)
  const files: Record<string, string> = { "manifest.json": JSON.stringify(manifest), "icon128.png": "png", "managed-schema.json": JSON.stringify(SCHEMA), "options.html": '<script src="options.1.js" type="module"></script>', ...extra }
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, ".."), { recursive: true })
    writeFileSync(join(dir, name), text)
  }
  const r = spawnSync("node", [script, "--build", dir], { encoding: "utf8" })
  return { code: r.status, out: r.stdout + r.stderr }
}

describe("production build check: Chrome Web Store rules", () => {
  it("passes a store-ready build", () => {
    const r = check(GOOD)
    expect(r.out).toContain("store rules: MV3, no remote code, no key, managed schema managed-schema.json, every permission justified")
    expect(r.code).toBe(0)
  })

  it("refuses remote code in pages and scripts", () => {
    const r = check(GOOD, {
      "popup.html": '<script src="https://cdn.example.com/lib.js"></script>',
      "static/background/index.js": 'importScripts("https://cdn.example.com/sw.js")',
      "a.js": 'await import("https://cdn.example.com/mod.js")',
    })
    expect(r.code).toBe(1)
    expect(r.out).toContain("popup.html loads a script from another site (remote code)")
    expect(r.out).toContain("static/background/index.js imports a remote script (remote code)")
    expect(r.out).toContain("a.js imports a remote module (remote code)")
  })

  it("refuses a key, an update_url, a loose CSP, an unjustified permission and a long description", () => {
    const r = check({
      ...GOOD,
      key: "MIIB",
      update_url: "https://example.com/updates.xml",
      content_security_policy: { extension_pages: "script-src 'self' 'unsafe-eval'" },
      permissions: [...GOOD.permissions, "tabs"],
      description: "x".repeat(133),
    })
    expect(r.code).toBe(1)
    expect(r.out).toContain("the manifest has a `key`: the stores refuse it")
    expect(r.out).toContain("the manifest has an `update_url`")
    expect(r.out).toContain("allows remote or eval'd code")
    expect(r.out).toContain('permission "tabs" is not justified in extension/src/privacy/permissions.ts')
    expect(r.out).toContain("description must be 1-132 characters (store rule), is 133")
  })

  it("needs the managed storage schema for IT and a 128 px icon", () => {
    const { storage: _s, icons: _i, ...bare } = GOOD
    const r = check(bare)
    expect(r.code).toBe(1)
    expect(r.out).toContain("no storage.managed_schema")
    expect(r.out).toContain("no 128 px icon")
    const broken = check(GOOD, { "managed-schema.json": '{"type":"object","properties":{}}' })
    expect(broken.out).toContain("managed-schema.json must be an object schema with a workerUrl property")
  })
})

describe("production build check: translated manifest (_locales)", () => {
  const LOCALIZED = { ...GOOD, name: "__MSG_extensionName__", description: "__MSG_extensionDescription__", default_locale: "en" }
  const messages = (name: string, description: string) => JSON.stringify({ extensionName: { message: name }, extensionDescription: { message: description } })

  it("passes when every __MSG_x__ has its message in every language", () => {
    const r = check(LOCALIZED, {
      "_locales/en/messages.json": messages("Aircall Power Dialer", "Queue phone numbers and dial them through Aircall."),
      "_locales/fr/messages.json": messages("Aircall Power Dialer", "Mettez en file les numéros et appelez-les via Aircall."),
    })
    expect(r.out).toContain("2 manifest message(s) in en, fr")
    expect(r.code).toBe(0)
  })

  it("refuses a message missing in one language, a missing default_locale and a French description too long", () => {
    const { default_locale: _d, ...noDefault } = LOCALIZED
    const r = check(noDefault, {
      "_locales/en/messages.json": messages("Aircall Power Dialer", "Queue phone numbers and dial them through Aircall."),
      "_locales/fr/messages.json": JSON.stringify({ extensionDescription: { message: "x".repeat(133) } }),
    })
    expect(r.code).toBe(1)
    expect(r.out).toContain("__MSG_extensionName__ has no message in _locales/fr/messages.json")
    expect(r.out).toContain("_locales is there but the manifest has no default_locale")
    expect(r.out).toContain("description (fr) must be 1-132 characters (store rule), is 133")
  })

  it("refuses __MSG_x__ in a build without _locales", () => {
    const r = check(LOCALIZED)
    expect(r.code).toBe(1)
    expect(r.out).toContain("the manifest uses __MSG_extensionName__, __MSG_extensionDescription__ but the build has no _locales")
    expect(r.out).toContain('default_locale "en" has no _locales/en/messages.json')
  })
})
