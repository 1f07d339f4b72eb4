import { useState, type KeyboardEvent } from "react"

import { db } from "../db/db"
import { createList, reorderList, type ListSummary } from "../db/lists"
import { useT } from "../i18n"
import { errorText } from "./list-errors"

type Props = {
  lists: ListSummary[]
  selectedId: string
  onSelect: (id: string) => void
  onError: (message: string | null) => void
}

/** Every list, in the agent's order: ↑/↓ to pick, Alt+↑/↓ to reorder, and a field to create one. */
export function ListSidebar({ lists, selectedId, onSelect, onError }: Props) {
  const { t } = useT()
  const [name, setName] = useState("")
  const create = async () => {
    try {
      const list = await createList(db, name)
      setName("")
      onError(null)
      onSelect(list.id)
    } catch (e) {
      onError(errorText(t, e))
    }
  }
  const onKey = async (e: KeyboardEvent, index: number) => {
    const delta = e.key === "ArrowDown" ? 1 : e.key === "ArrowUp" ? -1 : 0
    if (!delta) return
    e.preventDefault()
    const list = lists[index]
    if (!list) return
    if (e.altKey) {
      await reorderList(db, list.id, index + delta)
      requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-list-id="${list.id}"]`)?.focus())
      return
    }
    const next = lists[Math.max(0, Math.min(lists.length - 1, index + delta))]
    if (next) {
      onSelect(next.id)
      document.querySelector<HTMLElement>(`[data-list-id="${next.id}"]`)?.focus()
    }
  }
  return (
    <nav className="list-sidebar" aria-label={t("lists.sidebar")}>
      <ul role="listbox" aria-label={t("lists.yours")} data-testid="lists-sidebar">
        {lists.map((l, i) => (
          <li key={l.id} role="none">
            <button
              role="option"
              aria-selected={l.id === selectedId}
              className={`list-entry ${l.id === selectedId ? "selected" : ""}`}
              data-list-id={l.id}
              data-testid="list-entry"
              tabIndex={l.id === selectedId ? 0 : -1}
              title={t("lists.entryHint")}
              onClick={() => onSelect(l.id)}
              onKeyDown={(e) => void onKey(e, i)}>
              <span className="list-entry-name">{l.name}</span>
              <span className="list-entry-meta">
                {l.active && <span className="tag active" title={t("lists.activeHint")}>{t("lists.active")}</span>}
                {l.mode === "aircall" && <span className="tag aircall">Aircall</span>}
                <span className="count">{l.pending}/{l.total}</span>
              </span>
            </button>
          </li>
        ))}
      </ul>
      <form
        className="list-create"
        onSubmit={(e) => {
          e.preventDefault()
          void create()
        }}>
        <input
          value={name}
          onChange={(e) => setName(e.target.value)}
          placeholder={t("lists.newName")}
          aria-label={t("lists.newName")}
          maxLength={60}
          data-testid="list-new-name"
        />
        <button type="submit" className="primary small" disabled={!name.trim()} data-testid="list-create">
          {t("lists.create")}
        </button>
      </form>
    </nav>
  )
}
