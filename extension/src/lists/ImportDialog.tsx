import type { CountryCode } from "libphonenumber-js/min"
import { useEffect, useState } from "react"

import { buildImport, type ImportPreview } from "../csv/import-rows"
import { importIntoList } from "../csv/import-to-list"
import { guessMapping, type Mapping } from "../csv/mapping"
import { parseTable, type Table } from "../csv/parse"
import { problemText } from "../csv/problem-text"
import { db } from "../db/db"
import { createList } from "../db/lists"
import { getSettings } from "../db/settings"
import { useT } from "../i18n"
import { displayPhone } from "../ui/phone"
import { errorText } from "./list-errors"

type Props = { targetListId: string; targetName: string; onClose: () => void; onDone: (message: string, listId: string) => void }

const NONE = -1

/**
 * CSV/TSV import: pick a file, check which column is the number, the name and the company (the rest
 * are kept as notes), look at the preview and the rows that cannot be imported, then import into
 * this list or a new one.
 */
export function ImportDialog({ targetListId, targetName, onClose, onDone }: Props) {
  const { t } = useT()
  const [file, setFile] = useState<{ name: string; table: Table } | null>(null)
  const [mapping, setMapping] = useState<Mapping | null>(null)
  const [country, setCountry] = useState<CountryCode>("US")
  const [preview, setPreview] = useState<ImportPreview | null>(null)
  const [progress, setProgress] = useState<{ step: "checking" | "importing"; done: number; total: number } | null>(null)
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
    void buildImport(file.table.rows, file.table.headers, mapping, country, (done, total) => live && setProgress({ step: "checking", done, total })).then((p) => {
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
    const table = parseTable(await picked.text(), (n) => t("import.column", { n }))
    if (table.headers.length === 0 || table.rows.length === 0) {
      setError(t("import.noRows", { file: picked.name }))
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
      const result = await importIntoList(db, listId, preview.contacts, (done, total) => setProgress({ step: "importing", done, total }))
      setProgress(null)
      const parts = [t("import.done.added", { count: result.added })]
      if (result.alreadyInList) parts.push(t("import.done.already", { count: result.alreadyInList }))
      if (preview.merged) parts.push(t("import.done.merged", { count: preview.merged }))
      if (preview.invalid.length) parts.push(t("import.done.invalid", { count: preview.invalid.length }))
      onDone(parts.join(" · "), listId)
    } catch (e) {
      setProgress(null)
      setError(errorText(t, e))
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
        {optional && <option value={NONE}>{t("import.map.none")}</option>}
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
          <h2 id="import-title">{t("import.title")}</h2>
          <button className="icon-button" onClick={onClose} aria-label={t("import.close")}>
            ✕
          </button>
        </header>
        {/* The browser's own file button speaks the browser's language: ours speaks the agent's. */}
        <div className="import-file">
          <label className="file-button">
            {t("import.choose")}
            <input
              type="file"
              className="sr-only"
              accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values"
              onChange={(e) => void pick(e.target.files?.[0])}
              data-testid="import-file"
              autoFocus
            />
          </label>
          <span className="muted" data-testid="import-file-name">{file?.name ?? t("import.noFile")}</span>
        </div>
        {file && mapping && (
          <>
            <p className="muted">
              {t("import.about", {
                file: file.name,
                rows: file.table.rows.length,
                separator: file.table.delimiter === "\t" ? t("import.tabs") : `"${file.table.delimiter}"`,
                country,
              })}
            </p>
            <div className="import-mapping" data-testid="import-mapping">
              {columnSelect(t("import.map.phone"), mapping.phone, (v) => setColumn("phone", v), false, "map-phone")}
              {columnSelect(t("import.map.name"), mapping.name[0] ?? NONE, (v) => setColumn("first", v), true, "map-name")}
              {columnSelect(t("import.map.name2"), mapping.name[1] ?? NONE, (v) => setColumn("second", v), true, "map-name-2")}
              {columnSelect(t("import.map.company"), mapping.company ?? NONE, (v) => setColumn("company", v), true, "map-company")}
            </div>
            <fieldset className="import-notes">
              <legend>{t("import.notes")}</legend>
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
            {t(progress.step === "checking" ? "import.checking" : "import.importing", { done: progress.done, total: progress.total })}
          </p>
        )}
        {preview && (
          <>
            <p data-testid="import-summary">
              <strong>{t("import.toImport", { count: preview.contacts.length })}</strong>
              {preview.merged > 0 && <> · {t("import.merged", { count: preview.merged })}</>}
              {preview.invalid.length > 0 && (
                <>
                  {" "}
                  · <span className="danger-text">{t("import.invalid", { count: preview.invalid.length })}</span>
                </>
              )}
            </p>
            <table className="import-preview" data-testid="import-preview">
              <thead>
                <tr>
                  <th>{t("import.col.name")}</th>
                  <th>{t("import.col.number")}</th>
                  <th>{t("import.col.company")}</th>
                  <th>{t("import.col.notes")}</th>
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
                <summary>{t("import.invalidTitle")}</summary>
                <ul>
                  {preview.invalid.slice(0, 500).map((r) => (
                    <li key={r.line}>
                      {t("import.line", { line: String(r.line), reason: problemText(r.problem, t) })}
                    </li>
                  ))}
                  {preview.invalid.length > 500 && <li>{t("import.more", { count: preview.invalid.length - 500 })}</li>}
                </ul>
              </details>
            )}
            <div className="import-target">
              <label>
                <input type="radio" name="into" checked={into === "new"} onChange={() => setInto("new")} data-testid="import-into-new" /> {t("import.intoNew")}
              </label>
              <input value={newName} onChange={(e) => setNewName(e.target.value)} disabled={into !== "new"} aria-label={t("import.newName")} maxLength={60} data-testid="import-new-name" />
              <label>
                <input type="radio" name="into" checked={into === "this"} onChange={() => setInto("this")} data-testid="import-into-this" /> {t("import.intoThis", { name: targetName })}
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
          <button onClick={onClose}>{t("import.cancel")}</button>
          <button className="primary" disabled={!preview || preview.contacts.length === 0 || !!progress} onClick={() => void run()} data-testid="import-run">
            {preview ? t("import.run", { count: preview.contacts.length }) : t("import.runIdle")}
          </button>
        </footer>
      </section>
    </div>
  )
}
