import Papa from "papaparse"

const E164_CELL = /^\+[1-9]\d{6,14}$/
const FORMULA_START = /^[=+\-@\t\r]/

/**
 * A cell that a spreadsheet would run as a formula (starting with =, +, -, @, tab or CR) gets a
 * leading apostrophe, unless the whole cell is an E.164 number ("+33612345678" stays as is).
 */
export function safeCell(value: unknown): string {
  const text = value === null || value === undefined ? "" : String(value)
  if (E164_CELL.test(text)) return text
  return FORMULA_START.test(text) ? `'${text}` : text
}

/** CSV text (comma, CRLF, quoted when needed) with every cell neutralised; a BOM so Excel reads UTF-8. */
export function toCsv(headers: string[], rows: unknown[][]): string {
  return "\ufeff" + Papa.unparse({ fields: headers.map(safeCell), data: rows.map((r) => r.map(safeCell)) }, { newline: "\r\n" })
}

/** Offer `text` as a download named `filename` (extension pages only). */
export function download(filename: string, text: string, type = "text/csv;charset=utf-8"): void {
  const url = URL.createObjectURL(new Blob([text], { type }))
  const a = document.createElement("a")
  a.href = url
  a.download = filename
  document.body.append(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/** "webinar-leads-2026-03-01.csv" */
export function fileName(label: string, now = new Date()): string {
  const slug = label.toLowerCase().normalize("NFKD").replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "export"
  return `${slug}-${now.toISOString().slice(0, 10)}.csv`
}
