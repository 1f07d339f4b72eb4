import { useVirtualizer } from "@tanstack/react-virtual"
import { useLiveQuery } from "dexie-react-hooks"
import { useDeferredValue, useMemo, useRef, useState } from "react"

import { download, fileName, toCsv } from "../csv/export"
import { backupJson } from "../csv/exports"
import { db } from "../db/db"
import { contactViews, searchContacts, type ContactView } from "../db/contacts"
import { allLists } from "../db/lists"
import { addNumbers } from "../db/queue"
import { notifyListsChanged, openListsPage } from "../lists/open-pages"
import { displayPhone } from "../ui/phone"
import { ContactDetail } from "./ContactDetail"

export const CONTACT_ROW_HEIGHT = 44

const when = (iso: string | null) =>
  iso ? new Date(iso).toLocaleString(undefined, { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" }) : "–"

const CONTACT_HEADERS = ["phone", "name", "company", "crm", "source_url", "created_at", "last_call_at", "last_outcome", "last_disposition", "notes"]

/** Every captured contact: search, edit, add to a list, delete, its calls; export for backup. */
export function ContactsPage() {
  const contacts = useLiveQuery(() => contactViews(db), [], undefined)
  const lists = useLiveQuery(() => allLists(db), [], undefined)
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
    setNotice(`${added} added to “${listName.get(listId)}”${added < chosen.length ? ` (${chosen.length - added} already waiting there)` : ""}`)
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
        <h1>Contacts</h1>
        <span className="muted" data-testid="contacts-count">
          {shown.length === contacts.length ? `${contacts.length.toLocaleString()} contacts` : `${shown.length.toLocaleString()} of ${contacts.length.toLocaleString()}`}
        </span>
        <nav className="lists-links">
          <button className="small ghost" onClick={openListsPage}>
            Lists
          </button>
          <a className="small" href="history.html">
            History
          </a>
          <button className="small" onClick={exportCsv} disabled={shown.length === 0} data-testid="contacts-export">
            Export CSV
          </button>
          <button className="small" onClick={() => void exportBackup()} data-testid="contacts-backup" title="Contacts and lists as one JSON file">
            Back up all
          </button>
        </nav>
      </header>
      {notice && (
        <p className="notice" role="status" data-testid="contacts-notice">
          {notice}
        </p>
      )}
      <div className="contacts-tools">
        <input type="search" value={text} onChange={(e) => setText(e.target.value)} placeholder="Search name, company or number" aria-label="Search contacts" data-testid="contacts-search" autoFocus />
        <select
          value=""
          disabled={shown.length === 0}
          onChange={(e) => e.target.value && void addTo(shown.map((c) => c.phone), e.target.value)}
          aria-label="Add every contact shown to a list"
          data-testid="contacts-add-all-to">
          <option value="">Add all {shown.length.toLocaleString()} shown to…</option>
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
            <span>Name</span>
            <span>Company</span>
            <span>Number</span>
            <span>Last call</span>
            <span>Disposition</span>
          </div>
          {shown.length === 0 ? (
            <p className="muted list-empty" data-testid="contacts-empty">
              {contacts.length === 0 ? "No contacts yet: numbers you queue from CRM pages or import from a CSV appear here." : "No contact matches."}
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
                      <span>{c.name ?? <span className="muted">No name</span>}</span>
                      <span>{c.company ?? ""}</span>
                      <span className="list-row-phone">{displayPhone(c.phone)}</span>
                      <span>{when(c.lastCallAt)}</span>
                      <span>{c.lastDisposition ?? (c.lastOutcome ? <span className="muted">{c.lastOutcome.replace("_", " ")}</span> : "")}</span>
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
