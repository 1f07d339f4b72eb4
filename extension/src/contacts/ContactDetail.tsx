import { formatDateTime } from "@dialer/shared/i18n"
import { useLiveQuery } from "dexie-react-hooks"
import { useState } from "react"

import { db } from "../db/db"
import { deleteContact, numberHistory, updateContact, type ContactView } from "../db/contacts"
import type { ListRow } from "../db/types"
import { useT } from "../i18n"
import { notifyListsChanged } from "../lists/open-pages"
import { useDispositionLabel } from "./use-disposition-labels"
import { httpUrl } from "../lib/safe-url"
import { talkTime } from "../ui/format"
import { displayPhone } from "../ui/phone"

type Props = { contact: ContactView; lists: ListRow[]; listName: Map<string, string>; onAdd: (listId: string) => void; onDeleted: () => void }

/** One contact: edit name and company, its lists, add it to another, delete it, and its calls. */
export function ContactDetail({ contact, lists, listName, onAdd, onDeleted }: Props) {
  const { t, locale } = useT()
  const dispositionLabel = useDispositionLabel()
  const [name, setName] = useState(contact.name ?? "")
  const [company, setCompany] = useState(contact.company ?? "")
  const [confirming, setConfirming] = useState(false)
  const calls = useLiveQuery(() => numberHistory(db, contact.phone), [contact.phone], [])
  const dirty = name !== (contact.name ?? "") || company !== (contact.company ?? "")
  const link = httpUrl(contact.sourceUrl)

  return (
    <aside className="contact-detail" aria-label={t("contacts.detail.label", { name: contact.name ?? contact.phone })} data-testid="contact-detail">
      <h2>{displayPhone(contact.phone)}</h2>
      <form
        className="contact-form"
        onSubmit={(e) => {
          e.preventDefault()
          void updateContact(db, contact.phone, { name, company })
        }}>
        <label>
          {t("contacts.detail.name")}
          <input value={name} onChange={(e) => setName(e.target.value)} maxLength={200} data-testid="contact-name" />
        </label>
        <label>
          {t("contacts.detail.company")}
          <input value={company} onChange={(e) => setCompany(e.target.value)} maxLength={200} data-testid="contact-company" />
        </label>
        <button type="submit" className="small primary" disabled={!dirty} data-testid="contact-save">
          {t("contacts.detail.save")}
        </button>
      </form>
      <dl className="contact-facts">
        <dt>{t("contacts.detail.crm")}</dt>
        <dd>{contact.crm ?? "–"}</dd>
        <dt>{t("contacts.detail.record")}</dt>
        <dd>
          {link ? (
            <a href={link} target="_blank" rel="noreferrer noopener">
              {t("contacts.detail.openCrm")}
            </a>
          ) : (
            "–"
          )}
        </dd>
        <dt>{t("contacts.detail.lists")}</dt>
        <dd data-testid="contact-lists">{contact.lists.length ? contact.lists.map((id) => listName.get(id) ?? "?").join(", ") : t("contacts.detail.noList")}</dd>
        {contact.notes && (
          <>
            <dt>{t("contacts.detail.notes")}</dt>
            <dd className="contact-notes">{contact.notes}</dd>
          </>
        )}
      </dl>
      <div className="contact-actions">
        <select value="" onChange={(e) => e.target.value && onAdd(e.target.value)} aria-label={t("contacts.detail.addTo")} data-testid="contact-add-to">
          <option value="">{t("contacts.detail.addToOption")}</option>
          {lists.map((l) => (
            <option key={l.id} value={l.id}>
              {l.name}
            </option>
          ))}
        </select>
        <button
          className={`small ${confirming ? "danger" : ""}`}
          onClick={async () => {
            if (!confirming) return setConfirming(true)
            await deleteContact(db, contact.phone)
            await notifyListsChanged()
            onDeleted()
          }}
          data-testid="contact-delete">
          {confirming ? t("contacts.detail.confirmDelete") : t("contacts.detail.delete")}
        </button>
      </div>
      <h3>{t("contacts.detail.calls")}</h3>
      {calls.length === 0 ? (
        <p className="muted">{t("contacts.detail.noCalls")}</p>
      ) : (
        <ul className="contact-calls" data-testid="contact-calls">
          {calls.map((h) => (
            <li key={h.key}>
              <span>{formatDateTime(locale, h.at)}</span>
              <span className={`chip outcome-${h.outcome}`}>{t(`history.outcome.${h.outcome}`)}</span>
              {h.disposition && <span className="chip">{dispositionLabel(h.disposition)}</span>}
              {h.talkSeconds ? <span className="muted">{talkTime(h.talkSeconds, locale)}</span> : null}
              {h.note && <span className="muted contact-call-note">{h.note}</span>}
            </li>
          ))}
        </ul>
      )}
    </aside>
  )
}
