// @vitest-environment node
/**
 * No user-visible English left in code (issue 16): every folder of extension/src that shows UI is
 * scanned (scripts/lib/hardcoded-strings.mjs) and must have none. Texts that are the same in every
 * language go in ALLOW with their reason; everything else goes through a catalogue (messages/<area>.ts).
 */
import { readdirSync, statSync } from "node:fs"
import { join } from "node:path"
import { fileURLToPath } from "node:url"

import { describe, expect, it } from "vitest"

import { DEFAULT_ALLOW, formatFindings, scanFolders } from "../../../scripts/lib/hardcoded-strings.mjs"

const root = fileURLToPath(new URL("../../", import.meta.url))

/** Folders (relative to extension/) whose every string is translated. Add yours when it is done. */
const FOLDERS = ["src/background", "src/contents", "src/ui", "src/i18n", "src/popup", "src/bar", "src/lib", "src/wrapup", "src/compliance", "src/page"]
FOLDERS.push("src/options", "src/history", "src/contacts", "src/lists", "src/privacy", "src/tabs", "src/csv")

/** Folders with no UI of their own (page readers, storage, detection, store checks). */
const NO_UI = ["src/adapters", "src/db", "src/detect", "src/store"]

/** Extension-specific texts kept as they are, each with its reason. */
const ALLOW = [...DEFAULT_ALLOW]
ALLOW.push({ text: "crm.example.com", reason: "an example web address (options: the site field's placeholder)" })

describe("no hard-coded strings", () => {
  it("finds no user-visible text outside the catalogues", () => {
    const findings = scanFolders(FOLDERS, { root, allow: ALLOW, exclude: (path) => path.startsWith("src/i18n/messages/") })
    expect(formatFindings(findings), "translate these with t() (see src/i18n/index.ts)").toBe("")
  })

  it("scans every folder of src (a new folder with UI cannot be forgotten)", () => {
    // Folders without UI of their own are scanned too: a label put there later is caught.
    const all = readdirSync(join(root, "src")).filter((name) => statSync(join(root, "src", name)).isDirectory())
    const scanned = new Set([...FOLDERS, ...NO_UI].map((f) => f.replace(/^src\//, "")))
    expect(all.filter((name) => !scanned.has(name))).toEqual([])
    expect(formatFindings(scanFolders(NO_UI, { root, allow: ALLOW }))).toBe("")
  })
})
