import type { CampaignNumber } from "@dialer/shared"
import { useLiveQuery } from "dexie-react-hooks"
import { useCallback, useEffect, useMemo, useState } from "react"

import { download, fileName } from "../csv/export"
import { listCsv } from "../csv/exports"
import { db } from "../db/db"
import { copyItems, moveItems, removeItems } from "../db/list-items"
import { deleteList, renameList, setActiveList } from "../db/lists"
import { nudgeItem } from "../db/queue-edit"
import { useT } from "../i18n"
import { readDialerState } from "../db/runtime"
import { isRunActive } from "../ui/run-status"
import { AircallPanel } from "./AircallPanel"
import { ImportDialog } from "./ImportDialog"
import { ListRowsTable } from "./ListRowsTable"
import { errorText } from "./list-errors"
import { withShownNames } from "./list-name"
import { ListSidebar } from "./ListSidebar"
import { notifyListsChanged, openContactsPage } from "./open-pages"
import { emptySelection, selectedInOrder, type Selection } from "./selection"
import { useListRows, useListSummaries } from "./use-lists"

/** The Lists page: every list, its numbers, import/export, and Aircall's Power Dialer. */
export function ListsPage() {
  const { t } = useT()
  const lists = withShownNames(t, useListSummaries())
  const state = useLiveQuery(() => readDialerState(db), [], null)
  const running = isRunActive(state)
  const [chosen, setChosen] = useState<string | null>(() => new URLSearchParams(location.search).get("list"))
  const current = lists?.find((l) => l.id === chosen) ?? lists?.find((l) => l.active) ?? lists?.[0]
  const view = useListRows(current?.id ?? null)
  const rows = useMemo(() => view ?? [], [view])
  const [selection, setSelection] = useState<Selection>(emptySelection)
  const [notice, setNotice] = useState<{ text: string; error: boolean } | null>(null)
  const [importing, setImporting] = useState(false)
  const [renaming, setRenaming] = useState<string | null>(null)
  const [confirmDelete, setConfirmDelete] = useState(false)
  const [campaign, setCampaign] = useState<CampaignNumber[] | null>(null)
  const ids = useMemo(() => rows.map((r) => r.id), [rows])
  const selected = selectedInOrder(selection, ids)

  useEffect(() => {
    setSelection(emptySelection())
    setConfirmDelete(false)
    setRenaming(null)
  }, [current?.id])

  const called = useMemo(() => (campaign ? new Map(campaign.map((n) => [n.phone, n.called])) : undefined), [campaign])
  const onCampaign = useCallback((numbers: CampaignNumber[] | null) => setCampaign(numbers), [])

  if (!lists || !current) return null
  const dialingHere = current.active && running

  /** Run an edit; the background re-marks page numbers and tells the worker when the run's list changed. */
  const act = async (work: () => Promise<string | void>) => {
    try {
      const text = await work()
      setNotice(text ? { text, error: false } : null)
      await notifyListsChanged()
    } catch (e) {
      setNotice({ text: errorText(t, e), error: true })
    }
  }
  const others = lists.filter((l) => l.id !== current.id)
  const transfer = (how: "move" | "copy", toId: string) =>
    act(async () => {
      const target = lists.find((l) => l.id === toId)
      if (how === "copy") {
        const { added } = await copyItems(db, selected, toId)
        return t("lists.copied", { count: added, list: target?.name ?? "" })
      }
      const { moved } = await moveItems(db, selected, toId)
      setSelection(emptySelection())
      return t("lists.moved", { count: moved, list: target?.name ?? "" })
    })
  const remove = () =>
    act(async () => {
      const removed = await removeItems(db, selected)
      setSelection(emptySelection())
      return t("lists.removed", { count: removed })
    })

  return (
    <main className="lists-page" data-testid="lists-page">
      <header className="lists-header">
        <h1>{t("lists.title")}</h1>
        <nav className="lists-links">
          <button className="small ghost" onClick={openContactsPage}>
            {t("lists.nav.contacts")}
          </button>
          <a className="small" href="history.html">
            {t("lists.nav.history")}
          </a>
        </nav>
      </header>
      {notice && (
        <p className={`notice ${notice.error ? "error" : ""}`} role={notice.error ? "alert" : "status"} data-testid="lists-notice">
          {notice.text}
        </p>
      )}
      <div className="lists-layout">
        <ListSidebar lists={lists} selectedId={current.id} onSelect={setChosen} onError={(m) => setNotice(m ? { text: m, error: true } : null)} />
        <section className="list-detail" aria-label={current.name}>
          <div className="list-title">
            {renaming !== null ? (
              <form
                onSubmit={(e) => {
                  e.preventDefault()
                  void act(async () => {
                    await renameList(db, current.id, renaming)
                    setRenaming(null)
                  })
                }}>
                <input value={renaming} onChange={(e) => setRenaming(e.target.value)} aria-label={t("lists.name")} maxLength={60} autoFocus data-testid="list-rename-input" onKeyDown={(e) => e.key === "Escape" && setRenaming(null)} />
                <button type="submit" className="small primary">
                  {t("lists.save")}
                </button>
              </form>
            ) : (
              <h2 data-testid="list-title">{current.name}</h2>
            )}
            <span className="muted">
              {t("lists.total", { count: current.total })} · {t("lists.pending", { count: current.pending })}
            </span>
            {current.active ? (
              <span className="tag active">{t("lists.activeTag")}</span>
            ) : (
              <button className="small" disabled={running || current.mode === "aircall"} title={running ? t("lists.stopFirst") : undefined} onClick={() => void act(() => setActiveList(db, current.id))} data-testid="list-make-active">
                {t("lists.makeActive")}
              </button>
            )}
            <span className="spacer" />
            <button className="small" onClick={() => setRenaming(current.name)} data-testid="list-rename">
              {t("lists.rename")}
            </button>
            <button className="small" onClick={() => setImporting(true)} data-testid="list-import">
              {t("lists.import")}
            </button>
            <button className="small" disabled={current.total === 0} onClick={() => void listCsv(db, current.id).then((csv) => download(fileName(current.name), csv))} data-testid="list-export">
              {t("lists.export")}
            </button>
            <button
              className={`small ${confirmDelete ? "danger" : ""}`}
              disabled={lists.length === 1 || dialingHere}
              onClick={() => (confirmDelete ? void act(() => deleteList(db, current.id)) : setConfirmDelete(true))}
              data-testid="list-delete">
              {confirmDelete ? t("lists.confirmDelete", { name: current.name, count: current.total }) : t("lists.delete")}
            </button>
          </div>
          <AircallPanel list={current} dialingHere={dialingHere} onCampaign={onCampaign} />
          <div className="list-toolbar" aria-label={t("lists.selectedNumbers")}>
            <span className="muted" data-testid="list-selected">
              {selected.length ? t("lists.selected", { count: selected.length }) : t("lists.selectHint")}
            </span>
            <select value="" disabled={!selected.length || others.length === 0} onChange={(e) => void transfer("move", e.target.value)} aria-label={t("lists.moveTo")} data-testid="list-move-to">
              <option value="">{t("lists.moveToOption")}</option>
              {others.map((l) => (
                <option key={l.id} value={l.id}>
                  {l.name}
                </option>
              ))}
            </select>
            <select value="" disabled={!selected.length || others.length === 0} onChange={(e) => void transfer("copy", e.target.value)} aria-label={t("lists.copyTo")} data-testid="list-copy-to">
              <option value="">{t("lists.copyToOption")}</option>
              {others.map((l) => (
                <option key={l.id} value={l.id}>
                  {l.name}
                </option>
              ))}
            </select>
            <button className="small danger" disabled={!selected.length} onClick={() => void remove()} data-testid="list-remove">
              {t("lists.remove")}
            </button>
          </div>
          {!view ? (
            <p className="muted list-empty" role="status" data-testid="list-loading">
              {t("lists.loading")}
            </p>
          ) : (
          <ListRowsTable
            rows={rows}
            selection={selection}
            onSelection={setSelection}
            called={called}
            onRemove={() => void remove()}
            onNudge={(id, delta) => void act(() => nudgeItem(db, id, delta))}
          />
          )}
        </section>
      </div>
      {importing && (
        <ImportDialog
          targetListId={current.id}
          targetName={current.name}
          onClose={() => setImporting(false)}
          onDone={(text, listId) => {
            setImporting(false)
            setChosen(listId)
            setNotice({ text, error: false })
            void notifyListsChanged()
          }}
        />
      )}
    </main>
  )
}
