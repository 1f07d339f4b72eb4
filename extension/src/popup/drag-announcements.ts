import type { Announcements, ScreenReaderInstructions } from "@dnd-kit/core"

import type { QueueRow } from "../db/types"
import { prettyPhone } from "../ui/format"

/**
 * What screen readers hear while a queue row is dragged: the contact's name and its place in the
 * queue ("Picked up Ann Lee, number 2 of 5"), never dnd-kit's default internal row ids.
 */
export function dragAnnouncements(rows: readonly QueueRow[]): Announcements {
  const index = new Map(rows.map((r, i) => [r.id, i]))
  const nameOf = (id: string | number) => {
    const row = rows[index.get(String(id)) ?? -1]
    return row ? (row.name ?? prettyPhone(row.phone)) : "the row"
  }
  const place = (id: string | number) => `number ${(index.get(String(id)) ?? 0) + 1} of ${rows.length}`
  return {
    onDragStart: ({ active }) => `Picked up ${nameOf(active.id)}, ${place(active.id)}.`,
    onDragOver: ({ active, over }) => (over ? `${nameOf(active.id)} moved to ${place(over.id)}.` : `${nameOf(active.id)} is no longer over the queue.`),
    onDragEnd: ({ active, over }) => (over ? `${nameOf(active.id)} dropped at ${place(over.id)}.` : `${nameOf(active.id)} dropped.`),
    onDragCancel: ({ active }) => `Moving ${nameOf(active.id)} was cancelled; it stays where it was.`,
  }
}

export const DRAG_INSTRUCTIONS: ScreenReaderInstructions = {
  draggable: "To move this contact, press Alt+Up or Alt+Down on its row. Enter opens its CRM record, Delete removes it.",
}

/** Read with every row (aria-describedby): the keys that replace the row's buttons. */
export const ROW_KEYS = "Up and Down go to the other rows. Alt+Up or Alt+Down moves this one, Enter opens its record, Delete removes it."
