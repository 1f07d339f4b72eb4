import { describe, expect, it } from "vitest"
import {
  formatDate,
  formatNumber,
  formatPercent,
  formatRelative,
  formatTime,
  makeTranslator,
  resolveLocale,
  type Catalogue,
} from "./i18n"

const en = {
  "run.start": "Start",
  "queue.count": { one: "{count} number", other: "{count} numbers" },
  "call.with": "Calling {name}",
  "only.en": "English only",
}
const fr: Catalogue<typeof en> = {
  "run.start": "Démarrer",
  "queue.count": { one: "{count} numéro", other: "{count} numéros" },
  "call.with": "Appel de {name}",
  "only.en": undefined as never,
}
delete (fr as Record<string, unknown>)["only.en"]

describe("resolveLocale", () => {
  it("keeps the agent's choice over the browser's", () => {
    expect(resolveLocale("fr", ["en-US"])).toBe("fr")
    expect(resolveLocale("en", ["fr-FR"])).toBe("en")
  })
  it("follows the browser's first supported language on auto", () => {
    expect(resolveLocale("auto", ["de-DE", "fr-CA", "en"])).toBe("fr")
    expect(resolveLocale("auto", ["en-GB", "fr"])).toBe("en")
    expect(resolveLocale(undefined, ["FR_be"])).toBe("fr")
  })
  it("falls back to English for anything else", () => {
    expect(resolveLocale("de", ["de", "es"])).toBe("en")
    expect(resolveLocale("auto", [])).toBe("en")
  })
})

describe("makeTranslator", () => {
  it("translates, fills placeholders and picks plural forms per language", () => {
    const t = makeTranslator({ en, fr }, "fr")
    expect(t("run.start")).toBe("Démarrer")
    expect(t("call.with", { name: "Ana" })).toBe("Appel de Ana")
    expect(t("queue.count", { count: 1 })).toBe("1 numéro")
    // French counts 0 as singular; English as plural.
    expect(t("queue.count", { count: 0 })).toBe("0 numéro")
    expect(makeTranslator({ en, fr }, "en")("queue.count", { count: 0 })).toBe("0 numbers")
  })
  it("writes numbers in the locale's own way inside messages", () => {
    expect(makeTranslator({ en, fr }, "en")("queue.count", { count: 10000 })).toBe("10,000 numbers")
    expect(makeTranslator({ en, fr }, "fr")("queue.count", { count: 10000 })).toMatch(/^10\s000 numéros$/)
  })
  it("falls back to English, then to the key", () => {
    const t = makeTranslator({ en, fr }, "fr")
    expect(t("only.en")).toBe("English only")
    expect((t as (k: string) => string)("no.such.key")).toBe("no.such.key")
  })
  it("leaves unknown placeholders visible rather than blank", () => {
    expect(makeTranslator({ en }, "en")("call.with")).toBe("Calling {name}")
  })
})

describe("Intl formatting", () => {
  const at = "2026-12-03T15:04:00Z"
  it("formats times, dates, numbers and percents per locale", () => {
    expect(formatTime("fr", at, "UTC")).toBe("15:04")
    expect(formatTime("en", at, "UTC")).toMatch(/03:04\sPM/)
    expect(formatDate("fr", at, "UTC")).toMatch(/3 déc\.? 2026/)
    expect(formatDate("en", at, "UTC")).toBe("Dec 3, 2026")
    expect(formatNumber("en", 1234.5)).toBe("1,234.5")
    expect(formatNumber("fr", 1234.5)).toMatch(/^1\s234,5$/)
    expect(formatPercent("fr", 0.42)).toMatch(/^42\s%$/)
  })
  it("formats relative times", () => {
    expect(formatRelative("en", -120)).toBe("2 minutes ago")
    expect(formatRelative("fr", 3600)).toBe("dans 1 heure")
  })
})
