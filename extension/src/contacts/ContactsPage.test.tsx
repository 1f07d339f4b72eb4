import "fake-indexeddb/auto"

import { act } from "react"
import { beforeEach, describe, expect, it } from "vitest"

import { db } from "../db/db"
import type { ContactView } from "../db/contacts"
import type { HistoryRow } from "../db/types"
import { settle, stubChrome } from "../options/test-chrome"
import { ContactDetail } from "./ContactDetail"
import { ContactsPage } from "./ContactsPage"
import { mountEach } from "../ui/test-mount"

const call: HistoryRow = {
  key: "h1", itemId: "i1", at: "2026-12-03T09:05:00.000Z", name: "Ada Lovelace", phone: "+33612345678", outcome: "answered", talkSeconds: 95,
  callId: "c1", startedAt: null, answeredAt: null, endedAt: null, durationSeconds: 100, disposition: "voicemail",
}
// a built-in disposition (worded in the agent's language) and the company's own (as the admin wrote it)
const choices = [
  { id: "voicemail", label: "Left voicemail", kind: "voicemail" },
  { id: "demo", label: "Demo booked", kind: "connected" },
]

const { mount: render } = mountEach()
beforeEach(async () => {
  await Promise.all([db.contacts.clear(), db.history.clear()])
  await db.contacts.bulkPut([
    { phone: "+33612345678", name: "Ada Lovelace", company: "Analytical Engines", createdAt: "2026-12-01T09:00:00.000Z" },
    { phone: "+33612345679", createdAt: "2026-12-02T09:00:00.000Z" },
  ])
  await db.history.bulkPut([call, { ...call, key: "h2", itemId: "i2", callId: "c2", at: "2026-12-02T09:05:00.000Z", disposition: "demo" }])
})
function mount(element: React.ReactElement) {
  const host = render(element)
  return Object.assign((id: string) => host.querySelector(`[data-testid="${id}"]`) as HTMLElement, { host })
}

describe("the contacts page in French", () => {
  it("words the page and the first list in French", async () => {
    stubChrome({ settings: { language: "fr" } }, (m) => (m.type === "wrapup.choices" ? { choices } : { ok: true }))
    const q = mount(<ContactsPage />)
    await settle(act)
    expect(q("contacts-count").textContent).toBe("2 contacts")
    expect([...q.host.querySelectorAll(".contacts-head span")].map((s) => s.textContent)).toEqual(["Nom", "Entreprise", "Numéro", "Dernier appel", "Résultat"])
    expect(q("contacts-search").getAttribute("placeholder")).toBe("Rechercher un nom, une entreprise ou un numéro")
    expect([...q("contacts-add-all-to").querySelectorAll("option")].map((o) => o.textContent)).toEqual(["Ajouter les 2 contacts affichés à…", "Ma file d'attente"])

  })

  it("a contact's detail: its calls in French, a built-in disposition translated, the company's own as written", async () => {
    stubChrome({ settings: { language: "fr" } }, (m) => (m.type === "wrapup.choices" ? { choices } : { ok: true }))
    const contact: ContactView = {
      phone: "+33612345678", name: "Ada Lovelace", createdAt: "2026-12-01T09:00:00.000Z",
      lastCallAt: call.at, lastOutcome: "answered", lastDisposition: "voicemail", lists: [],
    }
    const q = mount(<ContactDetail contact={contact} lists={[]} listName={new Map()} onAdd={() => {}} onDeleted={() => {}} />)
    await settle(act)
    const detail = q("contact-detail")
    expect(detail.getAttribute("aria-label")).toBe("Contact Ada Lovelace")
    expect(q("contact-calls").textContent).toContain("Message laissé")
    expect(q("contact-calls").textContent).toContain("Demo booked")
    expect(q("contact-calls").textContent).not.toContain("voicemail")
    expect(q("contact-calls").textContent).toContain("Répondu")
    expect(q("contact-calls").textContent).toContain("1 min 35 s")
    expect(q("contact-calls").textContent).toMatch(/3 déc\. 2026/)
    expect(q("contact-lists").textContent).toBe("Aucune")
    expect(q("contact-delete").textContent).toBe("Supprimer")
  })
})
