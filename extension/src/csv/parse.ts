import Papa from "papaparse"

/** A data row and the record it was in the file (the header is record 1; blank lines count). */
export type TableRow = { line: number; cells: string[] }
/** A parsed spreadsheet: the header row and the non-blank data rows. */
export type Table = { headers: string[]; rows: TableRow[]; delimiter: string }

const DELIMITERS = [",", ";", "\t", "|"]

const blank = (cells: string[]) => cells.every((c) => c.trim() === "")

/**
 * Parse CSV or TSV text with papaparse: the delimiter is detected (comma, semicolon, tab, pipe),
 * quoted fields may hold delimiters and line breaks, a UTF-8 BOM and blank lines are ignored.
 * The first non-blank row is the header; an empty header cell is named by `columnName` (1-based),
 * in the agent's language on the page ("Column 3", "Colonne 3").
 */
export function parseTable(text: string, columnName: (n: number) => string = (n) => `Column ${n}`): Table {
  const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  const result = Papa.parse<string[]>(clean, { delimitersToGuess: DELIMITERS, skipEmptyLines: false })
  const records = result.data.map((cells, i) => ({ line: i + 1, cells }))
  const filled = records.filter((r) => !blank(r.cells))
  const [first, ...rows] = filled
  const headers = (first?.cells ?? []).map((h, i) => h.trim() || columnName(i + 1))
  return { headers, rows, delimiter: result.meta.delimiter }
}
