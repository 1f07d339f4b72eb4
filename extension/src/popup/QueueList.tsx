import {
  closestCenter,
  DndContext,
  type DragEndEvent,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
} from "@dnd-kit/core"
import { SortableContext, sortableKeyboardCoordinates, verticalListSortingStrategy } from "@dnd-kit/sortable"
import { useVirtualizer } from "@tanstack/react-virtual"
import { useCallback, useEffect, useMemo, useRef } from "react"

import { db } from "../db/db"
import { confirmItem, includeItem, moveItem, nudgeItem, removeItem } from "../db/queue-edit"
import type { QueueRow as Row } from "../db/types"
import { QueueRow, ROW_HEIGHT } from "./QueueRow"
import { dragAnnouncements, dragInstructions, rowKeys } from "./drag-announcements"
import { useLocale } from "../i18n"

/** The row above is the same person (same name): one contact, shown once, with each number. */
export function sameAsAbove(rows: readonly Row[], index: number): boolean {
  const name = rows[index]?.name?.trim().toLowerCase()
  return !!name && rows[index - 1]?.name?.trim().toLowerCase() === name
}

/** Up to six rows show at once; the list grows with the queue until then. */
const MAX_LIST_HEIGHT = ROW_HEIGHT * 6
import { notifyQueueEdited } from "./requests"

/**
 * The queue, virtualised so 10,000 rows stay responsive. Reorder by dragging the handle
 * (pointer or keyboard: Space, arrows, Space) or with Alt+↑/↓ on a focused row.
 */
export function QueueList({ rows, running }: { rows: Row[]; running: boolean }) {
  const locale = useLocale()
  const scrollRef = useRef<HTMLDivElement>(null)
  const refocus = useRef<string | null>(null)
  const ids = useMemo(() => rows.map((r) => r.id), [rows])
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    getItemKey: (index) => rows[index]?.id ?? index,
  })
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  )

  // After a keyboard move the row re-renders elsewhere: scroll to it and give it focus back.
  useEffect(() => {
    const id = refocus.current
    if (!id) return
    const index = ids.indexOf(id)
    if (index < 0) return
    refocus.current = null
    virtualizer.scrollToIndex(index, { align: "auto" })
    requestAnimationFrame(() => scrollRef.current?.querySelector<HTMLElement>(`[data-row-id="${id}"]`)?.focus())
  }, [ids, virtualizer])

  const accessibility = useMemo(
    () => ({ announcements: dragAnnouncements(rows, locale), screenReaderInstructions: dragInstructions(locale) }),
    [rows, locale],
  )
  const edited = useCallback(() => void notifyQueueEdited(), [])
  const onDragEnd = async ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return
    await moveItem(db, String(active.id), ids.indexOf(String(over.id)))
    edited()
  }
  const onNudge = async (id: string, delta: -1 | 1) => {
    refocus.current = id
    await nudgeItem(db, id, delta)
    edited()
  }
  const onRemove = async (id: string) => {
    await removeItem(db, id)
    edited()
  }
  const onInclude = async (id: string) => {
    await includeItem(db, id)
    edited()
  }
  const onConfirm = async (id: string) => {
    await confirmItem(db, id)
    edited()
  }

  return (
    <DndContext sensors={sensors} collisionDetection={closestCenter} accessibility={accessibility} onDragEnd={(e) => void onDragEnd(e)}>
      <p id="queue-row-keys" className="sr-only">
        {rowKeys(locale)}
      </p>
      <SortableContext items={ids} strategy={verticalListSortingStrategy}>
        <div
          className="queue-scroll"
          ref={scrollRef}
          data-testid="queue-list"
          role="list"
          style={{ height: Math.min(virtualizer.getTotalSize(), MAX_LIST_HEIGHT) }}>
          <div className="queue-inner" style={{ height: virtualizer.getTotalSize() }}>
            {virtualizer.getVirtualItems().map((item) => {
              const row = rows[item.index]
              if (!row) return null
              return (
                <QueueRow
                  key={row.id}
                  row={row}
                  index={item.index}
                  top={item.start}
                  locked={running && row.status === "dialing"}
                  running={running}
                  sameContact={sameAsAbove(rows, item.index)}
                  onNudge={onNudge}
                  onRemove={onRemove}
                  onInclude={(id) => void onInclude(id)}
                  onConfirm={(id) => void onConfirm(id)}
                />
              )
            })}
          </div>
        </div>
      </SortableContext>
    </DndContext>
  )
}
