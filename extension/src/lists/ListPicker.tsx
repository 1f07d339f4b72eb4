import { useLiveQuery } from "dexie-react-hooks"
import { useState } from "react"

import { db } from "../db/db"
import { createList, listSummaries, setActiveList } from "../db/lists"
import { useT } from "../i18n"
import { errorText } from "./list-errors"
import { withShownNames } from "./list-name"
import { notifyListsChanged, openContactsPage, openListsPage } from "./open-pages"

import "./list-picker.css"

/**
 * The popup's compact list picker: which list "+ Queue", "Add all" and the run use, and how that
 * list is dialed (our run, or Aircall's Power Dialer). Locked while a run is going.
 */
export function ListPicker({ running }: { running: boolean }) {
  const { t } = useT()
  const lists = withShownNames(t, useLiveQuery(() => listSummaries(db), [], undefined))
  const [error, setError] = useState<string | null>(null)
  const [newName, setNewName] = useState<string | null>(null)
  if (!lists) return null
  const active = lists.find((l) => l.active)
  const choose = async (id: string) => {
    try {
      await setActiveList(db, id)
      setError(null)
      await notifyListsChanged()
    } catch (e) {
      setError(errorText(t, e))
    }
  }
  /** A new list; it becomes the active one unless a run is going. */
  const create = async () => {
    try {
      const list = await createList(db, newName ?? "")
      setNewName(null)
      setError(null)
      if (!running) await choose(list.id)
    } catch (e) {
      setError(errorText(t, e))
    }
  }
  return (
    <section className="list-picker" data-testid="list-picker">
      <div className="list-picker-row">
        <label className="list-picker-label" htmlFor="active-list">
          {t("lists.picker.label")}
        </label>
        <select
          id="active-list"
          value={active?.id ?? ""}
          disabled={running}
          title={running ? t("lists.picker.locked") : t("lists.picker.hint")}
          onChange={(e) => void choose(e.target.value)}
          data-testid="list-picker-select">
          {lists.map((l) => (
            <option key={l.id} value={l.id} disabled={l.mode === "aircall" && !l.active}>
              {t(l.mode === "aircall" ? "lists.picker.optionAircall" : "lists.picker.option", { name: l.name, pending: l.pending })}
            </option>
          ))}
        </select>
        <button className="small ghost" onClick={() => setNewName(newName === null ? "" : null)} title={t("lists.picker.new")} aria-label={t("lists.picker.new")} data-testid="list-picker-new">
          +
        </button>
        <button className="small ghost" onClick={openListsPage} data-testid="open-lists">
          {t("lists.title")}
        </button>
        <button className="small ghost" onClick={openContactsPage} data-testid="open-contacts">
          {t("lists.nav.contacts")}
        </button>
      </div>
      {newName !== null && (
        <form
          className="list-picker-create"
          onSubmit={(e) => {
            e.preventDefault()
            void create()
          }}>
          <input value={newName} onChange={(e) => setNewName(e.target.value)} placeholder={t("lists.newName")} aria-label={t("lists.newName")} maxLength={60} autoFocus data-testid="list-picker-name" onKeyDown={(e) => e.key === "Escape" && setNewName(null)} />
          <button type="submit" className="small primary" disabled={!newName.trim()} data-testid="list-picker-create">
            {t("lists.create")}
          </button>
        </form>
      )}
      <p className={`list-mode ${active?.mode === "aircall" ? "aircall" : ""}`} data-testid="list-mode">
        {active?.mode === "aircall"
          ? t("lists.picker.modeAircall")
          : t("lists.picker.modeRun")}
      </p>
      {error && (
        <p className="list-picker-error" role="alert" data-testid="list-picker-error">
          {error}
        </p>
      )}
    </section>
  )
}
