import "fake-indexeddb/auto"

import { readFileSync } from "node:fs"
import { join } from "node:path"

import { describe, expect, it } from "vitest"

import { createList } from "../db/lists"
import { listRows } from "../db/queue"
import { freshDb } from "../db/test-db"
import { buildImport } from "./import-rows"
import { importIntoList } from "./import-to-list"
import { guessMapping } from "./mapping"
import { parseTable } from "./parse"
import { phoneFromCell } from "./phone-cell"
import { problemText } from "./problem-text"
import { translatorFor } from "../i18n"

const fixture = (name: string) => readFileSync(join(__dirname, "fixtures", name), "utf8")

describe("CSV/TSV import", () => {
  it("a CRM export: BOM, quoted commas, quotes and line breaks, CRLF, blank lines, first + last name", async () => {
    const table = parseTable(fixture("hubspot-export.csv"))
    expect(table.delimiter).toBe(",")
    expect(table.headers).toEqual(["First Name", "Last Name", "Company", "Phone Number", "Lifecycle Stage", "Notes"])
    expect(table.rows).toHaveLength(5)
    const mapping = guessMapping(table.headers)
    expect(mapping).toEqual({ phone: 3, name: [0, 1], company: 2, notes: [4, 5] })
    const preview = await buildImport(table.rows, table.headers, mapping, "US")
    expect(preview.contacts).toEqual([
      {
        phone: "+14155550101", name: "Ada Lovelace", company: "Analytical Engines, Ltd", lines: [2, 6],
        notes: 'Lifecycle Stage: lead; Notes: Met at "Webinar" in March; Lifecycle Stage: lead; Notes: Second row for Ada',
      },
      { phone: "+14155550102", name: "Grace Hopper", company: "Navy", notes: "Lifecycle Stage: customer; Notes: Two\r\nlines", lines: [3] },
    ])
    expect(preview.merged).toBe(1)
    // never dropped silently: each bad row is listed with its line and the reason
    expect(preview.invalid.map((r) => ({ line: r.line, value: r.value, reason: problemText(r.problem) }))).toEqual([
      { line: 5, value: "not a number", reason: '"not a number" is not a phone number' },
      { line: 7, value: "", reason: "no phone number" },
    ])
  })

  it("an Excel export in French: semicolons, national numbers, scientific notation, ='…' cells, 00 prefix", async () => {
    const table = parseTable(fixture("excel-fr.csv"))
    expect(table.delimiter).toBe(";")
    expect(table.headers).toEqual(["Nom", "Société", "Téléphone", "Ville"])
    const mapping = guessMapping(table.headers)
    expect(mapping).toMatchObject({ phone: 2, name: [0], company: 1 })
    const preview = await buildImport(table.rows, table.headers, mapping, "FR")
    expect(preview.contacts.map((c) => [c.phone, c.name])).toEqual([
      ["+33612345678", "Dupont; Marie"],
      ["+33612345679", "Bernard"],
      ["+33612345680", "Petit"],
    ])
    expect(preview.merged).toBe(1) // Durand's +33612345678 is Marie Dupont's number
    expect(preview.invalid.map((r) => [r.line, problemText(r.problem)])).toEqual([
      [4, expect.stringContaining("how Excel shows a long number")],
      [9, expect.stringContaining("not a valid number in FR")],
    ])
    expect(preview.total).toBe(6) // the row of spaces is blank
  })

  it("TSV with UK numbers read with the default country", async () => {
    const table = parseTable(fixture("leads.tsv"))
    expect(table.delimiter).toBe("\t")
    const preview = await buildImport(table.rows, table.headers, guessMapping(table.headers), "GB")
    expect(preview.contacts.map((c) => c.phone)).toEqual(["+442079460958", "+442079460959"])
    expect(preview.invalid).toEqual([])
  })

  it("phone cells: national with default country, +, 00, an international number without +, garbage", () => {
    expect(phoneFromCell("(415) 555-0101", "US")).toEqual({ ok: true, phone: "+14155550101" })
    expect(phoneFromCell("'+33 6 12 34 56 78", "US")).toEqual({ ok: true, phone: "+33612345678" })
    expect(phoneFromCell("33612345678", "US")).toEqual({ ok: true, phone: "+33612345678" })
    const reason = (cell: ReturnType<typeof phoneFromCell>) => (cell.ok ? null : problemText(cell.problem))
    expect(reason(phoneFromCell("4.15555E+10", "US"))).toContain("Excel")
    expect(phoneFromCell("call me", "US")).toMatchObject({ ok: false })
    expect(reason(phoneFromCell("555", "US"))).toBe('"555" is not a valid number in US')
    expect(reason(phoneFromCell("+1 555", "US"))).toBe('"+1 555" is not a valid number')
  })

  it("50,000 rows are read, normalised and written into a new list in a few seconds, yielding to the page", async () => {
    const lines = ["name,company,phone"]
    for (let i = 0; i < 50_000; i++) lines.push(`"Lead ${i}, Jr",Co ${i % 97},+1 415 ${String(2000000 + i).slice(0, 3)} ${String(i).padStart(4, "0").slice(-4)}`)
    lines.push("Bad,Co,12")
    const started = performance.now()
    const table = parseTable(lines.join("\n"))
    let progressCalls = 0
    let yields = 0
    const tick = setInterval(() => yields++, 0)
    const preview = await buildImport(table.rows, table.headers, guessMapping(table.headers), "US", () => progressCalls++)
    clearInterval(tick)
    expect(preview.total).toBe(50_001)
    expect(preview.invalid).toHaveLength(1)
    expect(preview.contacts.length + preview.merged).toBe(50_000)
    expect(progressCalls).toBe(Math.ceil(50_001 / 2_000))
    expect(yields).toBeGreaterThan(0) // the page got turns while numbers were normalised
    const db = freshDb()
    const list = await createList(db, "Big import")
    const result = await importIntoList(db, list.id, preview.contacts)
    expect(result.added).toBe(preview.contacts.length)
    expect(await db.queue.where("listId").equals(list.id).count()).toBe(preview.contacts.length)
    const seconds = (performance.now() - started) / 1000
    expect(seconds).toBeLessThan(20) // a few seconds in a browser; fake-indexeddb under test is slower
  }, 60_000)

  it("importing into a list keeps extra columns as contact notes and leaves numbers already waiting alone", async () => {
    const db = freshDb()
    const list = await createList(db, "Webinar leads")
    const table = parseTable(fixture("hubspot-export.csv"))
    const preview = await buildImport(table.rows, table.headers, guessMapping(table.headers), "US")
    expect(await importIntoList(db, list.id, preview.contacts)).toEqual({ added: 2, alreadyInList: 0 })
    expect(await importIntoList(db, list.id, preview.contacts)).toEqual({ added: 0, alreadyInList: 2 })
    expect((await listRows(db, list.id)).map((r) => [r.phone, r.name, r.status])).toEqual([
      ["+14155550101", "Ada Lovelace", "pending"],
      ["+14155550102", "Grace Hopper", "pending"],
    ])
    expect(await db.contacts.get("+14155550102")).toMatchObject({ company: "Navy", crm: "csv", notes: "Lifecycle Stage: customer; Notes: Two\r\nlines" })
  })

  it("says why a row was refused in French too", async () => {
    const table = parseTable(fixture("excel-fr.csv"))
    const preview = await buildImport(table.rows, table.headers, guessMapping(table.headers), "FR")
    const fr = translatorFor("fr")
    expect(preview.invalid.map((r) => problemText(r.problem, fr))).toEqual([
      expect.stringContaining("est la façon dont Excel affiche un nombre long"),
      expect.stringMatching(/^« .+ » n'est pas un numéro valide \(pays : FR\)$/),
    ])
    expect(problemText({ code: "empty" }, fr)).toBe("aucun numéro de téléphone")
  })
})
