import type { Outcome } from "@dialer/shared"
import { formatDateTime } from "@dialer/shared/i18n"
import { useVirtualizer } from "@tanstack/react-virtual"
import { useLiveQuery } from "dexie-react-hooks"
import { useDeferredValue, useMemo, useRef, useState } from "react"

import { download, fileName, toCsv } from "../csv/export"
import { backupJson } from "../csv/exports"
import { db } from "../db/db"
import { contactViews, searchContacts, type ContactView } from "../db/contacts"
import { allLists } from "../db/lists"
import { addNumbers } from "../db/queue"
import { useT } from "../i18n"
import { withShownNames } from "../lists/list-name"
import { notifyListsChanged, openListsPage } from "../lists/open-pages"
import { displayPhone } from "../ui/phone"
import { ContactDetail } from "./ContactDetail"
import { useDispositionLabel } from "./use-disposition-labels"

export const CONTACT_ROW_HEIGHT = 44

const CONTACT_HEADERS = ["phone", "name", "company", "crm", "source_url", "created_at", "last_call_at", "last_outcome", "last_disposition", "notes"]

/** Every captured contact: search, edit, add to a list, delete, its calls; export for backup. */
export function ContactsPage() {
  const { t, locale } = useT()
  const contacts = useLiveQuery(() => contactViews(db), [], undefined)
  const lists = withShownNames(t, useLiveQuery(() => allLists(db), [], undefined))
  const dispositionLabel = useDispositionLabel()
  const [text, setText] = useState("")
  const query = useDeferredValue(text)
  const [openPhone, setOpenPhone] = useState<string | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const scrollRef = useRef<HTMLDivElement>(null)
  const shown = useMemo(() => searchContacts(contacts ?? [], query), [contacts, query])
  const virtualizer = useVirtualizer({
    count: shown.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => CONTACT_ROW_HEIGHT,
    overscan: 10,
    getItemKey: (i) => shown[i]?.phone ?? i,
  })
  if (!contacts || !lists) return null
  const listName = new Map(lists.map((l) => [l.id, l.name]))
  const open = contacts.find((c) => c.phone === openPhone)

  const addTo = async (phones: string[], listId: string) => {
    const chosen = contacts.filter((c) => phones.includes(c.phone))
    const { added } = await addNumbers(db, chosen.map((c) => ({ phone: c.phone, name: c.name, company: c.company, sourceUrl: c.sourceUrl, crm: c.crm })), { listId })
    const list = listName.get(listId) ?? ""
    setNotice(added < chosen.length ? t("contacts.addedWaiting", { count: added, list, waiting: chosen.length - added }) : t("contacts.added", { count: added, list }))
    await notifyListsChanged()
  }
  const exportCsv = () =>
    download(
      fileName("contacts"),
      toCsv(
        CONTACT_HEADERS,
        shown.map((c: ContactView) => [c.phone, c.name ?? "", c.company ?? "", c.crm ?? "", c.sourceUrl ?? "", c.createdAt, c.lastCallAt ?? "", c.lastOutcome ?? "", c.lastDisposition ?? "", c.notes ?? ""]),
      ),
    )
  const exportBackup = async () => download(fileName("power-dialer-backup").replace(/\.csv$/, ".json"), await backupJson(db), "application/json")

  return (
    <main className="contacts-page" data-testid="contacts-page">
      <header className="lists-header">
        <h1>{t("contacts.title")}</h1>
        <span className="muted" data-testid="contacts-count">
          {shown.length === contacts.length ? t("contacts.count", { count: contacts.length }) : t("contacts.countOf", { shown: shown.length, total: contacts.length })}
        </span>
        <nav className="lists-links">
          <button className="small ghost" onClick={openListsPage}>
            {t("contacts.nav.lists")}
          </button>
          <a className="small" href="history.html">
            {t("contacts.nav.history")}
          </a>
          <button className="small" onClick={exportCsv} disabled={shown.length === 0} data-testid="contacts-export">
            {t("contacts.export")}
          </button>
          <button className="small" onClick={() => void exportBackup()} data-testid="contacts-backup" title={t("contacts.backupHint")}>
            {t("contacts.backup")}
          </button>
        </nav>
      </header>
      {notice && (
        <p className="notice" role="status" data-testid="contacts-notice">
          {notice}
        </p>
      )}
      <div className="contacts-tools">
        <input type="search" value={text} onChange={(e) => setText(e.target.value)} placeholder={t("contacts.searchPlaceholder")} aria-label={t("contacts.search")} data-testid="contacts-search" autoFocus />
        <select
          value=""
          disabled={shown.length === 0}
          onChange={(e) => e.target.value && void addTo(shown.map((c) => c.phone), e.target.value)}
          aria-label={t("contacts.addAll")}
          data-testid="contacts-add-all-to">
          <option value="">{t("contacts.addAllOption", { count: shown.length })}</option>
          {lists.map((l) => (
            <option key={l.id} value={l.id}>
              {l.name}
            </option>
          ))}
        </select>
      </div>
      <div className="contacts-layout">
        <div className="contacts-table">
          <div className="contacts-head" aria-hidden="true">
            <span>{t("contacts.col.name")}</span>
            <span>{t("contacts.col.company")}</span>
            <span>{t("contacts.col.number")}</span>
            <span>{t("contacts.col.lastCall")}</span>
            <span>{t("contacts.col.disposition")}</span>
          </div>
          {shown.length === 0 ? (
            <p className="muted list-empty" data-testid="contacts-empty">
              {contacts.length === 0 ? t("contacts.empty") : t("contacts.noMatch")}
            </p>
          ) : (
            <div className="contacts-scroll" ref={scrollRef} role="list" data-testid="contacts-list">
              <div style={{ height: virtualizer.getTotalSize(), position: "relative" }}>
                {virtualizer.getVirtualItems().map((item) => {
                  const c = shown[item.index]
                  if (!c) return null
                  return (
                    <button
                      key={c.phone}
                      role="listitem"
                      className={`contact-row ${c.phone === openPhone ? "selected" : ""}`}
                      style={{ transform: `translateY(${item.start}px)`, height: CONTACT_ROW_HEIGHT }}
                      onClick={() => setOpenPhone(c.phone)}
                      onKeyDown={(e) => {
                        const next = e.key === "ArrowDown" ? item.index + 1 : e.key === "ArrowUp" ? item.index - 1 : -1
                        const target = shown[next]
                        if (!target) return
                        e.preventDefault()
                        virtualizer.scrollToIndex(next, { align: "auto" })
                        requestAnimationFrame(() => scrollRef.current?.querySelector<HTMLElement>(`[data-phone="${target.phone}"]`)?.focus())
                      }}
                      data-phone={c.phone}
                      data-testid="contact-row">
                      <span>{c.name ?? <span className="muted">{t("contacts.noName")}</span>}</span>
                      <span>{c.company ?? ""}</span>
                      <span className="list-row-phone">{displayPhone(c.phone)}</span>
                      <span>{c.lastCallAt ? formatDateTime(locale, c.lastCallAt) : "–"}</span>
                      <span>{(c.lastDisposition && dispositionLabel(c.lastDisposition)) || (c.lastOutcome ? <span className="muted">{t(`history.outcome.${c.lastOutcome as Outcome}`)}</span> : "")}</span>
                    </button>
                  )
                })}
              </div>
            </div>
          )}
        </div>
        {open && <ContactDetail key={open.phone} contact={open} lists={lists} listName={listName} onAdd={(listId) => void addTo([open.phone], listId)} onDeleted={() => setOpenPhone(null)} />}
      </div>
    </main>
  )
}
