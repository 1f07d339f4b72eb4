/** Row selection with a focus row and an anchor for Shift ranges (pure, so it is unit-tested). */
export type Selection = { focus: number; anchor: number; ids: Set<string> }

export const emptySelection = (): Selection => ({ focus: 0, anchor: 0, ids: new Set() })

export type SelectKey = { key: string; shift?: boolean; mod?: boolean }

/**
 * The next selection after a key: ↑/↓ (Home/End, PageUp/PageDown) move the focus, with Shift they
 * extend from the anchor; Space toggles the focused row; Ctrl/⌘+A selects all, Escape clears.
 * Returns null for keys it does not handle.
 */
export function selectByKey(sel: Selection, ids: string[], { key, shift = false, mod = false }: SelectKey, page = 10): Selection | null {
  const last = ids.length - 1
  if (last < 0) return null
  const move = (to: number): Selection => {
    const focus = Math.max(0, Math.min(last, to))
    if (!shift) return { focus, anchor: focus, ids: sel.ids }
    const [from, until] = [Math.min(sel.anchor, focus), Math.max(sel.anchor, focus)]
    return { focus, anchor: sel.anchor, ids: new Set(ids.slice(from, until + 1)) }
  }
  switch (key) {
    case "ArrowDown":
      return move(sel.focus + 1)
    case "ArrowUp":
      return move(sel.focus - 1)
    case "Home":
      return move(0)
    case "End":
      return move(last)
    case "PageDown":
      return move(sel.focus + page)
    case "PageUp":
      return move(sel.focus - page)
    case " ": {
      const id = ids[sel.focus]
      if (!id) return null
      const next = new Set(sel.ids)
      if (next.has(id)) next.delete(id)
      else next.add(id)
      return { ...sel, anchor: sel.focus, ids: next }
    }
    case "a":
    case "A":
      return mod ? { ...sel, ids: new Set(ids) } : null
    case "Escape":
      return { ...sel, ids: new Set() }
    default:
      return null
  }
}

/** A click: plain selects one row, Ctrl/⌘ toggles it, Shift selects the range from the anchor. */
export function selectByClick(sel: Selection, ids: string[], index: number, { shift = false, mod = false } = {}): Selection {
  const id = ids[index]
  if (!id) return sel
  if (shift) {
    const [from, until] = [Math.min(sel.anchor, index), Math.max(sel.anchor, index)]
    return { focus: index, anchor: sel.anchor, ids: new Set(ids.slice(from, until + 1)) }
  }
  if (mod) {
    const next = new Set(sel.ids)
    if (next.has(id)) next.delete(id)
    else next.add(id)
    return { focus: index, anchor: index, ids: next }
  }
  return { focus: index, anchor: index, ids: new Set([id]) }
}

/** Selected ids still present, in list order. */
export function selectedInOrder(sel: Selection, ids: string[]): string[] {
  return ids.filter((id) => sel.ids.has(id))
}
