// @vitest-environment node
import { readFileSync } from "node:fs"
import { join } from "node:path"

import { describe, expect, it } from "vitest"

import { translatorFor } from "../i18n"
import { LIST_ERROR_RULES, listErrorText } from "./list-errors"

const src = join(__dirname, "..")
const FILES = ["db/lists.ts", "db/list-items.ts", "lists/campaign-sync.ts", "lists/campaign-handlers.ts"]

/** Every refusal the list store writes, as the agent would see it (`${…}` filled with a sample). */
function refusals(): string[] {
  const found: string[] = []
  for (const file of FILES) {
    const text = readFileSync(join(src, file), "utf8")
    for (const m of text.matchAll(/new ListError\((["`])((?:\\.|(?!\1).)*)\1\)|error: (")((?:\\.|(?!").)*)"/g)) {
      const body = m[2] ?? m[4] ?? ""
      found.push(body.replace(/\$\{[^}]+\}/g, (expr) => (/MAX_LIST_NAME/.test(expr) ? "60" : "Webinar")))
    }
  }
  return found
}

describe("list refusals in the agent's language", () => {
  it("finds the refusals in the list store's sources", () => {
    expect(refusals().length).toBeGreaterThanOrEqual(LIST_ERROR_RULES.length)
  })

  it("words every refusal in French, and leaves the English as it was", () => {
    const fr = translatorFor("fr")
    const en = translatorFor("en")
    for (const message of refusals()) {
      expect(LIST_ERROR_RULES.some((r) => r.match.test(message)), `no French wording for: ${message}`).toBe(true)
      expect(listErrorText(en, message).replace("That list", "This list")).toBe(message.replace("That list", "This list"))
      expect(listErrorText(fr, message), message).not.toBe(message)
    }
  })

  it("fills the list's name and the limit", () => {
    const fr = translatorFor("fr")
    expect(listErrorText(fr, 'A list named "Webinar" already exists')).toBe("Une liste nommée « Webinar » existe déjà")
    expect(listErrorText(fr, "A list name has at most 60 characters")).toBe("Un nom de liste compte au plus 60 caractères")
    expect(listErrorText(fr, "Something else went wrong")).toBe("Something else went wrong")
  })
})
