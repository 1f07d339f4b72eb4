import { readFileSync } from "node:fs"
import { join } from "node:path"

import { describe, expect, it } from "vitest"

/**
 * Plasmo reads each content script's `config` as a literal, so the detector and the dialer bar
 * each spell out the CRM hosts. They must stay the same list: the bar has to show wherever
 * numbers are detected.
 */
function matchesOf(file: string): string[] {
  const source = readFileSync(join(__dirname, file), "utf8")
  const block = /matches:\s*\[([\s\S]*?)\]/.exec(source)?.[1] ?? ""
  return [...block.matchAll(/"([^"]+)"/g)].map((m) => m[1]!)
}

describe("content script hosts", () => {
  it("the detector and the dialer bar run on the same sites", () => {
    const detector = matchesOf("detector.ts")
    expect(detector.length).toBeGreaterThan(8)
    expect(matchesOf("dialer-bar.tsx")).toEqual(detector)
  })
})
