import type { CountryCode } from "libphonenumber-js/min"

import type { Mapping } from "./mapping"
import type { TableRow } from "./parse"
import { phoneFromCell, type CellProblem } from "./phone-cell"

/** One contact to import: the file's rows with the same number merged into one. */
export type ImportContact = { phone: string; name?: string; company?: string; notes?: string; lines: number[] }
/** A row that cannot be imported, with the reason the agent sees (worded by problemText). */
export type InvalidRow = { line: number; value: string; problem: CellProblem }
export type ImportPreview = { contacts: ImportContact[]; invalid: InvalidRow[]; merged: number; total: number }

/** Rows handled between two yields to the page (normalising 50,000 numbers never freezes it). */
export const CHUNK = 2_000

const yieldToPage = () => new Promise<void>((resolve) => setTimeout(resolve, 0))

function joined(cells: string[], columns: number[], sep = " "): string | undefined {
  const text = columns.map((i) => (cells[i] ?? "").trim()).filter(Boolean).join(sep)
  return text || undefined
}

/**
 * Turn mapped rows into contacts: numbers normalised with the default country, invalid rows kept
 * with their reason (never dropped silently), rows of the same number merged (first name and
 * company found win; notes are gathered). Works in chunks and reports progress.
 */
export async function buildImport(
  rows: TableRow[],
  headers: string[],
  mapping: Mapping,
  country: CountryCode,
  onProgress?: (done: number, total: number) => void,
): Promise<ImportPreview> {
  const byPhone = new Map<string, ImportContact>()
  const invalid: InvalidRow[] = []
  let merged = 0
  for (let start = 0; start < rows.length; start += CHUNK) {
    for (const row of rows.slice(start, start + CHUNK)) {
      const value = row.cells[mapping.phone] ?? ""
      const cell = phoneFromCell(value, country)
      if (!cell.ok) {
        invalid.push({ line: row.line, value, problem: cell.problem })
        continue
      }
      const name = joined(row.cells, mapping.name)
      const company = mapping.company === null ? undefined : joined(row.cells, [mapping.company])
      const notes = mapping.notes
        .map((i) => ((row.cells[i] ?? "").trim() ? `${headers[i] ?? `Column ${i + 1}`}: ${row.cells[i]!.trim()}` : ""))
        .filter(Boolean)
        .join("; ")
      const prev = byPhone.get(cell.phone)
      if (!prev) {
        byPhone.set(cell.phone, { phone: cell.phone, name, company, notes: notes || undefined, lines: [row.line] })
        continue
      }
      merged++
      prev.lines.push(row.line)
      prev.name ??= name
      prev.company ??= company
      if (notes && !prev.notes?.includes(notes)) prev.notes = prev.notes ? `${prev.notes}; ${notes}` : notes
    }
    onProgress?.(Math.min(rows.length, start + CHUNK), rows.length)
    if (start + CHUNK < rows.length) await yieldToPage()
  }
  return { contacts: [...byPhone.values()], invalid, merged, total: rows.length }
}
