import type { Announcements, ScreenReaderInstructions } from "@dnd-kit/core"
import type { Locale } from "@dialer/shared/i18n"

import type { QueueRow } from "../db/types"
import { translatorFor } from "../i18n/catalogue"
import { activeLocale } from "../i18n/locale"
import { prettyPhone } from "../ui/format"

/**
 * What screen readers hear while a queue row is dragged: the contact's name and its place in the
 * queue ("Picked up Ann Lee, number 2 of 5"), never dnd-kit's default internal row ids.
 */
export function dragAnnouncements(rows: readonly QueueRow[], locale: Locale = activeLocale()): Announcements {
  const t = translatorFor(locale)
  const index = new Map(rows.map((r, i) => [r.id, i]))
  const nameOf = (id: string | number) => {
    const row = rows[index.get(String(id)) ?? -1]
    return row ? (row.name ?? prettyPhone(row.phone)) : t("popup.drag.theRow")
  }
  const place = (id: string | number) => t("popup.drag.place", { position: (index.get(String(id)) ?? 0) + 1, total: rows.length })
  return {
    onDragStart: ({ active }) => t("popup.drag.start", { who: nameOf(active.id), place: place(active.id) }),
    onDragOver: ({ active, over }) =>
      over ? t("popup.drag.over", { who: nameOf(active.id), place: place(over.id) }) : t("popup.drag.away", { who: nameOf(active.id) }),
    onDragEnd: ({ active, over }) =>
      over ? t("popup.drag.end", { who: nameOf(active.id), place: place(over.id) }) : t("popup.drag.dropped", { who: nameOf(active.id) }),
    onDragCancel: ({ active }) => t("popup.drag.cancel", { who: nameOf(active.id) }),
  }
}

/** dnd-kit's instructions for a dragged row, in the agent's language. */
export function dragInstructions(locale: Locale = activeLocale()): ScreenReaderInstructions {
  return { draggable: translatorFor(locale)("popup.drag.instructions") }
}

/** Read with every row (aria-describedby): the keys that replace the row's buttons. */
export function rowKeys(locale: Locale = activeLocale()): string {
  return translatorFor(locale)("popup.row.keys")
}
