import "fake-indexeddb/auto"

import { describe, expect, it } from "vitest"

import { createList } from "../db/lists"
import { addNumbers } from "../db/queue"
import { freshDb } from "../db/test-db"
import type { HistoryRow } from "../db/types"
import { fileName, safeCell, toCsv } from "./export"
import { historyRowsCsv, listCsv } from "./exports"
import { parseTable } from "./parse"

describe("CSV export", () => {
  it("neutralises formula cells unless the whole cell is an E.164 number", () => {
    expect(safeCell("=HYPERLINK(\"http://evil\")")).toBe("'=HYPERLINK(\"http://evil\")")
    expect(safeCell("+1+2")).toBe("'+1+2")
    expect(safeCell("-5")).toBe("'-5")
    expect(safeCell("@SUM(A1)")).toBe("'@SUM(A1)")
    expect(safeCell("\tcmd")).toBe("'\tcmd")
    expect(safeCell("\rcmd")).toBe("'\rcmd")
    expect(safeCell("+33612345678")).toBe("+33612345678")
    expect(safeCell("+33 6 12 34 56 78")).toBe("'+33 6 12 34 56 78")
    expect(safeCell("Ada")).toBe("Ada")
    expect(safeCell(null)).toBe("")
    expect(safeCell(42)).toBe("42")
  })

  it("quotes delimiters and line breaks, starts with a BOM, and reads back the same", () => {
    const text = toCsv(["name", "note"], [["Doe, Jane", "line1\nline2 \"quoted\""]])
    expect(text.startsWith("\ufeff")).toBe(true)
    expect(parseTable(text).rows[0]!.cells).toEqual(["Doe, Jane", "line1\nline2 \"quoted\""])
  })

  it("a list exports in order with company and notes; hostile names are neutralised", async () => {
    const db = freshDb()
    const list = await createList(db, "Leads")
    await addNumbers(db, [{ phone: "+14155550101", name: "=cmd|' /C calc'!A0", company: "Acme" }, { phone: "+14155550102", name: "Bob" }], { listId: list.id })
    const rows = parseTable(await listCsv(db, list.id))
    expect(rows.headers.slice(0, 4)).toEqual(["phone", "name", "company", "status"])
    expect(rows.rows.map((r) => r.cells.slice(0, 4))).toEqual([
      ["+14155550101", "'=cmd|' /C calc'!A0", "Acme", "pending"],
      ["+14155550102", "Bob", "", "pending"],
    ])
  })

  it("history rows export with the wrap-up's disposition when present", () => {
    const row = {
      key: "i|t", itemId: "i", at: "2026-01-01T10:00:00.000Z", phone: "+14155550101", name: "Ada", callId: "9", outcome: "answered",
      startedAt: "2026-01-01T10:00:00.000Z", answeredAt: null, endedAt: null, durationSeconds: 30, talkSeconds: 20, disposition: "interested", note: "-call back",
    } as HistoryRow
    const table = parseTable(historyRowsCsv([row]))
    const cell = (name: string) => table.rows[0]!.cells[table.headers.indexOf(name)]
    expect(cell("phone")).toBe("+14155550101")
    expect(cell("disposition")).toBe("interested")
    expect(cell("note")).toBe("'-call back")
    expect(cell("talk_seconds")).toBe("20")
  })

  it("file names are slugs with the date", () => {
    expect(fileName("Webinar leads: Q1!", new Date("2026-03-01T12:00:00Z"))).toBe("webinar-leads-q1-2026-03-01.csv")
  })
})
