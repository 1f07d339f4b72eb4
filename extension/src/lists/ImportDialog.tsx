import type { CountryCode } from "libphonenumber-js/min"
import { useEffect, useState } from "react"

import { buildImport, type ImportPreview } from "../csv/import-rows"
import { importIntoList } from "../csv/import-to-list"
import { guessMapping, type Mapping } from "../csv/mapping"
import { parseTable, type Table } from "../csv/parse"
import { db } from "../db/db"
import { createList } from "../db/lists"
import { getSettings } from "../db/settings"
import { displayPhone } from "../ui/phone"

type Props = { targetListId: string; targetName: string; onClose: () => void; onDone: (message: string, listId: string) => void }

const NONE = -1

/**
 * CSV/TSV import: pick a file, check which column is the number, the name and the company (the rest
 * are kept as notes), look at the preview and the rows that cannot be imported, then import into
 * this list or a new one.
 */
export function ImportDialog({ targetListId, targetName, onClose, onDone }: Props) {
  const [file, setFile] = useState<{ name: string; table: Table } | null>(null)
  const [mapping, setMapping] = useState<Mapping | null>(null)
  const [country, setCountry] = useState<CountryCode>("US")
  const [preview, setPreview] = useState<ImportPreview | null>(null)
  const [progress, setProgress] = useState<string | null>(null)
  const [into, setInto] = useState<"this" | "new">("new")
  const [newName, setNewName] = useState("")
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    void getSettings(db).then((s) => setCountry(s.defaultCountry as CountryCode))
  }, [])

  useEffect(() => {
    if (!file || !mapping) return
    let live = true
    setPreview(null)
    void buildImport(file.table.rows, file.table.headers, mapping, country, (done, total) => live && setProgress(`Checking numbers… ${done.toLocaleString()} of ${total.toLocaleString()}`)).then((p) => {
      if (!live) return
      setPreview(p)
      setProgress(null)
    })
    return () => {
      live = false
    }
  }, [file, mapping, country])

  const pick = async (picked: File | undefined) => {
    if (!picked) return
    setError(null)
    const table = parseTable(await picked.text())
    if (table.headers.length === 0 || table.rows.length === 0) {
      setError(`${picked.name} has no rows under a header line`)
      return
    }
    setFile({ name: picked.name, table })
    setMapping(guessMapping(table.headers))
    setNewName(picked.name.replace(/\.(csv|tsv|txt)$/i, "").slice(0, 60))
  }

  const run = async () => {
    if (!preview) return
    try {
      setError(null)
      const listId = into === "new" ? (await createList(db, newName)).id : targetListId
      const result = await importIntoList(db, listId, preview.contacts, (done, total) => setProgress(`Importing… ${done.toLocaleString()} of ${total.toLocaleString()}`))
      setProgress(null)
      const parts = [`${result.added.toLocaleString()} numbers imported`]
      if (result.alreadyInList) parts.push(`${result.alreadyInList.toLocaleString()} already waiting in the list`)
      if (preview.merged) parts.push(`${preview.merged.toLocaleString()} duplicate rows merged`)
      if (preview.invalid.length) parts.push(`${preview.invalid.length.toLocaleString()} rows not imported (see the reasons before importing again)`)
      onDone(parts.join(" · "), listId)
    } catch (e) {
      setProgress(null)
      setError(e instanceof Error ? e.message : String(e))
    }
  }

  const headers = file?.table.headers ?? []
  const setColumn = (field: "phone" | "company" | "first" | "second", value: number) => {
    if (!mapping) return
    const name = [...mapping.name]
    if (field === "phone") return setMapping({ ...mapping, phone: value, notes: mapping.notes.filter((i) => i !== value) })
    if (field === "company") return setMapping({ ...mapping, company: value === NONE ? null : value, notes: mapping.notes.filter((i) => i !== value) })
    name[field === "first" ? 0 : 1] = value
    const cleaned = name.filter((i) => i !== undefined && i !== NONE)
    setMapping({ ...mapping, name: cleaned, notes: mapping.notes.filter((i) => !cleaned.includes(i)) })
  }
  const toggleNote = (i: number) => {
    if (!mapping) return
    setMapping({ ...mapping, notes: mapping.notes.includes(i) ? mapping.notes.filter((n) => n !== i) : [...mapping.notes, i].sort((a, b) => a - b) })
  }
  const columnSelect = (label: string, value: number, onChange: (v: number) => void, optional: boolean, testId: string) => (
    <label className="import-field">
      <span>{label}</span>
      <select value={value} onChange={(e) => onChange(Number(e.target.value))} data-testid={testId}>
        {optional && <option value={NONE}>— none —</option>}
        {headers.map((h, i) => (
          <option key={i} value={i}>
            {h}
          </option>
        ))}
      </select>
    </label>
  )

  return (
    <div className="dialog-backdrop" role="presentation" onKeyDown={(e) => e.key === "Escape" && onClose()}>
      <section className="dialog import-dialog" role="dialog" aria-modal="true" aria-labelledby="import-title" data-testid="import-dialog">
        <header className="dialog-head">
          <h2 id="import-title">Import a CSV or TSV file</h2>
          <button className="icon-button" onClick={onClose} aria-label="Close">
            ✕
          </button>
        </header>
        <input type="file" accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values" onChange={(e) => void pick(e.target.files?.[0])} data-testid="import-file" autoFocus />
        {file && mapping && (
          <>
            <p className="muted">
              {file.name}: {file.table.rows.length.toLocaleString()} rows, separated by {file.table.delimiter === "\t" ? "tabs" : `"${file.table.delimiter}"`}. Numbers without + are read as {country} numbers (Options › default country).
            </p>
            <div className="import-mapping" data-testid="import-mapping">
              {columnSelect("Phone number", mapping.phone, (v) => setColumn("phone", v), false, "map-phone")}
              {columnSelect("Name", mapping.name[0] ?? NONE, (v) => setColumn("first", v), true, "map-name")}
              {columnSelect("Name (continued)", mapping.name[1] ?? NONE, (v) => setColumn("second", v), true, "map-name-2")}
              {columnSelect("Company", mapping.company ?? NONE, (v) => setColumn("company", v), true, "map-company")}
            </div>
            <fieldset className="import-notes">
              <legend>Keep as notes</legend>
              {headers.map((h, i) =>
                i === mapping.phone || mapping.name.includes(i) || i === mapping.company ? null : (
                  <label key={i}>
                    <input type="checkbox" checked={mapping.notes.includes(i)} onChange={() => toggleNote(i)} /> {h}
                  </label>
                ),
              )}
            </fieldset>
          </>
        )}
        {progress && (
          <p className="muted" role="status" data-testid="import-progress">
            {progress}
          </p>
        )}
        {preview && (
          <>
            <p data-testid="import-summary">
              <strong>{preview.contacts.length.toLocaleString()}</strong> numbers to import
              {preview.merged > 0 && <> · {preview.merged.toLocaleString()} duplicate rows merged</>}
              {preview.invalid.length > 0 && (
                <>
                  {" "}
                  · <span className="danger-text">{preview.invalid.length.toLocaleString()} rows cannot be imported</span>
                </>
              )}
            </p>
            <table className="import-preview" data-testid="import-preview">
              <thead>
                <tr>
                  <th>Name</th>
                  <th>Number</th>
                  <th>Company</th>
                  <th>Notes</th>
                </tr>
              </thead>
              <tbody>
                {preview.contacts.slice(0, 8).map((c) => (
                  <tr key={c.phone}>
                    <td>{c.name ?? "–"}</td>
                    <td>{displayPhone(c.phone)}</td>
                    <td>{c.company ?? "–"}</td>
                    <td className="notes">{c.notes ?? ""}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {preview.invalid.length > 0 && (
              <details className="import-invalid" open={preview.invalid.length <= 20} data-testid="import-invalid">
                <summary>Rows not imported, with the reason</summary>
                <ul>
                  {preview.invalid.slice(0, 500).map((r) => (
                    <li key={r.line}>
                      Line {r.line}: {r.reason}
                    </li>
                  ))}
                  {preview.invalid.length > 500 && <li>… and {(preview.invalid.length - 500).toLocaleString()} more</li>}
                </ul>
              </details>
            )}
            <div className="import-target">
              <label>
                <input type="radio" name="into" checked={into === "new"} onChange={() => setInto("new")} data-testid="import-into-new" /> Into a new list
              </label>
              <input value={newName} onChange={(e) => setNewName(e.target.value)} disabled={into !== "new"} aria-label="New list name" maxLength={60} data-testid="import-new-name" />
              <label>
                <input type="radio" name="into" checked={into === "this"} onChange={() => setInto("this")} data-testid="import-into-this" /> Into “{targetName}”
              </label>
            </div>
          </>
        )}
        {error && (
          <p className="danger-text" role="alert" data-testid="import-error">
            {error}
          </p>
        )}
        <footer className="dialog-foot">
          <button onClick={onClose}>Cancel</button>
          <button className="primary" disabled={!preview || preview.contacts.length === 0 || !!progress} onClick={() => void run()} data-testid="import-run">
            Import {preview ? preview.contacts.length.toLocaleString() : ""} numbers
          </button>
        </footer>
      </section>
    </div>
  )
}
