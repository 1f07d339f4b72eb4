import "fake-indexeddb/auto"

import { act } from "react"
import { beforeEach, describe, expect, it } from "vitest"

import { db } from "../db/db"
import type { HistoryRow } from "../db/types"
import { settle, stubChrome } from "../options/test-chrome"
import { HistoryPage } from "./HistoryPage"
import { mountEach } from "../ui/test-mount"

const row = (itemId: string, name: string | null, outcome: HistoryRow["outcome"], talkSeconds: number | null, at: string): HistoryRow => ({
  key: itemId, itemId, at, name, phone: "+33612345678", outcome, talkSeconds, callId: null,
  startedAt: null, answeredAt: null, endedAt: null, durationSeconds: talkSeconds === null ? null : talkSeconds + 10,
})

const { mount: render } = mountEach()
beforeEach(async () => {
  await db.history.clear()
  await db.history.bulkPut([
    row("a", "Ada Lovelace", "answered", 95, "2026-12-03T09:05:00.000Z"),
    row("b", null, "no_answer", null, "2026-12-03T09:10:00.000Z"),
  ])
})
async function mount(language: string) {
  stubChrome({ settings: { language } })
  const host = render(<HistoryPage />)
  await settle(act)
  const rows = [...host.querySelectorAll('[data-testid="history-row"]')].map((r) => [...r.querySelectorAll("td")].slice(0, 6).map((td) => td.textContent))
  return { host, rows, text: host.textContent ?? "", totals: host.querySelector('[data-testid="history-totals"]')!.textContent }
}

describe("the history page", () => {
  it("in French: words, plurals, talk time and dates", async () => {
    const page = await mount("fr")
    expect(page.host.querySelector("h1")!.textContent).toBe("Historique des appels")
    expect(page.totals).toBe("2 appels · 1 avec réponse · 1 min 35 s de conversation")
    expect([...page.host.querySelectorAll("th")].map((th) => th.textContent)).toEqual(["Date", "Contact", "Numéro", "Résultat", "Conversation", "Durée", "Clôture"])
    const [noAnswer, answered] = page.rows
    expect(noAnswer![1]).toBe("Inconnu")
    expect(noAnswer![3]).toBe("Sans réponse")
    expect(answered![3]).toBe("Répondu")
    expect(answered![4]).toBe("1 min 35 s")
    expect(answered![5]).toBe("1 min 45 s")
    expect(answered![0]).toMatch(/^3 déc\. 2026/)
    expect([...page.host.querySelectorAll("option")].map((o) => o.textContent)).toEqual(["Tous les résultats", "Répondu", "Sans réponse", "Échec", "Ignoré"])
    expect(page.host.querySelector("input")!.getAttribute("placeholder")).toBe("Rechercher un nom ou un numéro")
    expect(page.text).toContain("Exporter en CSV")
  })

  it("in English, as before", async () => {
    const page = await mount("en")
    expect(page.host.querySelector("h1")!.textContent).toBe("Call history")
    expect(page.totals).toBe("2 calls · 1 answered · 1m 35s talk time")
    expect(page.rows[1]![0]).toMatch(/^Dec 3, 2026/)
    expect(page.rows[0]![3]).toBe("No answer")
  })
})
