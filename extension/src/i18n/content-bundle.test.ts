/**
 * Content scripts load on every CRM page: they bundle only the content scripts' words
 * (content-catalogue.ts), never the whole catalogue with the extension pages' words.
 */
import { existsSync, readFileSync } from "node:fs"
import { dirname, join, normalize, relative } from "node:path"
import { describe, expect, it } from "vitest"

const SRC = join(__dirname, "..")
const ENTRIES = ["contents/detector.ts", "contents/dialer-bar.tsx"]

function resolve(from: string, spec: string): string | null {
  let base: string
  if (spec.startsWith("~")) base = join(SRC, spec.slice(1).replace(/^\//, ""))
  else if (spec.startsWith(".")) base = normalize(join(dirname(from), spec))
  else return null
  for (const ext of ["", ".ts", ".tsx", "/index.ts", "/index.tsx"]) if (existsSync(base + ext) && !base.endsWith("/") && (ext || /\.tsx?$/.test(base))) return base + ext
  return null
}

/** Every module of ours an entry loads at run time (type-only imports left out). */
function graph(entry: string): Set<string> {
  const seen = new Set<string>()
  const stack = [join(SRC, entry)]
  while (stack.length) {
    const file = stack.pop()!
    if (seen.has(file)) continue
    seen.add(file)
    const text = readFileSync(file, "utf8")
    for (const m of text.matchAll(/(?:import|export)\s[^;]*?from\s+"([^"]+)"|import\s+"([^"]+)"/g)) {
      if (/^(?:import|export)\s+type\s/.test(m[0])) continue
      const next = resolve(file, (m[1] ?? m[2])!)
      if (next) stack.push(next)
    }
  }
  return new Set([...seen].map((f) => relative(SRC, f)))
}

describe("content scripts' words", () => {
  for (const entry of ENTRIES) {
    it(`${entry} loads the content catalogue only`, () => {
      const modules = graph(entry)
      expect(modules.has(entry)).toBe(true)
      expect([...modules].filter((m) => m === "i18n/catalogue.ts" || m === "i18n/index.ts")).toEqual([])
      for (const page of ["popup", "options", "lists", "contacts", "history", "privacy", "import"]) expect(modules.has(`i18n/messages/${page}.ts`), page).toBe(false)
    })
  }
})
