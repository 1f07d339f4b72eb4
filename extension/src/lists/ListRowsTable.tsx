import { useVirtualizer } from "@tanstack/react-virtual"
import { useEffect, useMemo, useRef, type KeyboardEvent, type MouseEvent } from "react"

import type { QueueRow } from "../db/types"
import { useT } from "../i18n"
import { displayPhone } from "../ui/phone"
import { selectByClick, selectByKey, type Selection } from "./selection"
import { useCompanies } from "./use-lists"

export const LIST_ROW_HEIGHT = 36

type Props = {
  rows: QueueRow[]
  selection: Selection
  onSelection: (sel: Selection) => void
  /** Phones Aircall's Power Dialer has called (lists in Aircall mode). */
  called?: Map<string, boolean>
  onRemove: () => void
  onNudge: (id: string, delta: -1 | 1) => void
}

/**
 * A list's numbers, virtualised (10,000 rows scroll smoothly). Keyboard: ↑/↓ move, Shift extends,
 * Space toggles, Ctrl/⌘+A selects all, Delete removes the selection, Alt+↑/↓ moves the focused row.
 */
export function ListRowsTable({ rows, selection, onSelection, called, onRemove, onNudge }: Props) {
  const { t } = useT()
  const scrollRef = useRef<HTMLDivElement>(null)
  const ids = useMemo(() => rows.map((r) => r.id), [rows])
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => LIST_ROW_HEIGHT,
    overscan: 12,
    getItemKey: (index) => rows[index]?.id ?? index,
  })
  const visible = virtualizer.getVirtualItems()
  const companies = useCompanies(visible.map((item) => rows[item.index]?.phone ?? ""))
  useEffect(() => {
    if (selection.focus < rows.length) virtualizer.scrollToIndex(selection.focus, { align: "auto" })
  }, [selection.focus, rows.length, virtualizer])

  const onKeyDown = (e: KeyboardEvent) => {
    const focused = rows[selection.focus]
    if ((e.key === "Delete" || e.key === "Backspace") && selection.ids.size > 0) {
      e.preventDefault()
      return onRemove()
    }
    if (e.altKey && focused && (e.key === "ArrowUp" || e.key === "ArrowDown")) {
      e.preventDefault()
      const delta = e.key === "ArrowUp" ? -1 : 1
      onSelection({ ...selection, focus: Math.max(0, Math.min(rows.length - 1, selection.focus + delta)) })
      return onNudge(focused.id, delta)
    }
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 360) / LIST_ROW_HEIGHT) - 1)
    const next = selectByKey(selection, ids, { key: e.key, shift: e.shiftKey, mod: e.ctrlKey || e.metaKey }, page)
    if (!next) return
    e.preventDefault()
    onSelection(next)
  }
  const onClick = (e: MouseEvent, index: number) => {
    onSelection(selectByClick(selection, ids, index, { shift: e.shiftKey, mod: e.ctrlKey || e.metaKey }))
    scrollRef.current?.focus()
  }

  if (rows.length === 0) {
    return (
      <p className="muted list-empty" data-testid="list-empty">
        {t("lists.empty")}
      </p>
    )
  }
  const focusedId = rows[selection.focus]?.id
  return (
    <div className="list-table">
      <div className="list-table-head" aria-hidden="true">
        <span />
        <span>{t("lists.col.name")}</span>
        <span>{t("lists.col.number")}</span>
        <span>{t("lists.col.company")}</span>
        <span>{t("lists.col.status")}</span>
      </div>
      <div
        className="list-scroll"
        ref={scrollRef}
        tabIndex={0}
        role="listbox"
        aria-multiselectable="true"
        aria-label={t("lists.rows")}
        aria-activedescendant={focusedId ? `row-${focusedId}` : undefined}
        onKeyDown={onKeyDown}
        data-testid="list-rows">
        <div style={{ height: virtualizer.getTotalSize(), position: "relative" }}>
          {visible.map((item) => {
            const row = rows[item.index]
            if (!row) return null
            const selected = selection.ids.has(row.id)
            const wasCalled = called?.get(row.phone)
            return (
              <div
                key={row.id}
                id={`row-${row.id}`}
                role="option"
                aria-selected={selected}
                className={`list-row ${selected ? "selected" : ""} ${item.index === selection.focus ? "focused" : ""}`}
                style={{ transform: `translateY(${item.start}px)`, height: LIST_ROW_HEIGHT }}
                onClick={(e) => onClick(e, item.index)}
                data-testid="list-row">
                <span className="list-row-index">{item.index + 1}</span>
                <span className="list-row-name">{row.name ?? <span className="muted">{t("lists.noName")}</span>}</span>
                <span className="list-row-phone">{displayPhone(row.phone)}</span>
                <span className="list-row-company">{companies.get(row.phone) ?? ""}</span>
                <span className="list-row-status">
                  <span className={`chip status-${row.status}`}>{t(`lists.status.${row.status}`)}</span>
                  {wasCalled !== undefined && (
                    <span className={`chip ${wasCalled ? "called" : "not-called"}`} data-testid="aircall-called">
                      {wasCalled ? t("lists.calledInAircall") : t("lists.inAircall")}
                    </span>
                  )}
                </span>
              </div>
            )
          })}
        </div>
      </div>
    </div>
  )
}
