import { describe, expect, it } from "vitest"

import { emptySelection, selectByClick, selectByKey, selectedInOrder } from "./selection"

const ids = ["a", "b", "c", "d", "e"]

describe("list row selection", () => {
  it("arrows move the focus; Shift+arrows select a range from the anchor; Space toggles", () => {
    let sel = emptySelection()
    sel = selectByKey(sel, ids, { key: "ArrowDown" })!
    expect(sel.focus).toBe(1)
    sel = selectByKey(sel, ids, { key: "ArrowDown", shift: true })!
    sel = selectByKey(sel, ids, { key: "ArrowDown", shift: true })!
    expect(selectedInOrder(sel, ids)).toEqual(["b", "c", "d"])
    sel = selectByKey(sel, ids, { key: "ArrowUp", shift: true })!
    expect(selectedInOrder(sel, ids)).toEqual(["b", "c"])
    sel = selectByKey(sel, ids, { key: "End" })!
    sel = selectByKey(sel, ids, { key: " " })!
    expect(selectedInOrder(sel, ids)).toEqual(["b", "c", "e"])
    sel = selectByKey(sel, ids, { key: " " })!
    expect(selectedInOrder(sel, ids)).toEqual(["b", "c"])
    expect(selectByKey(sel, ids, { key: "ArrowDown" })!.focus).toBe(4) // stays in bounds
    expect(selectByKey(sel, ids, { key: "PageUp" }, 10)!.focus).toBe(0)
  })

  it("Ctrl/⌘+A selects all, Escape clears, other keys are not handled", () => {
    const all = selectByKey(emptySelection(), ids, { key: "a", mod: true })!
    expect(all.ids.size).toBe(5)
    expect(selectByKey(all, ids, { key: "Escape" })!.ids.size).toBe(0)
    expect(selectByKey(all, ids, { key: "a" })).toBeNull()
    expect(selectByKey(all, [], { key: "ArrowDown" })).toBeNull()
  })

  it("clicks: plain picks one, Ctrl toggles, Shift takes the range", () => {
    let sel = selectByClick(emptySelection(), ids, 1)
    sel = selectByClick(sel, ids, 3, { mod: true })
    expect(selectedInOrder(sel, ids)).toEqual(["b", "d"])
    sel = selectByClick(sel, ids, 0, { shift: true })
    expect(selectedInOrder(sel, ids)).toEqual(["a", "b", "c", "d"])
    expect(selectByClick(sel, ids, 2).ids).toEqual(new Set(["c"]))
  })
})
