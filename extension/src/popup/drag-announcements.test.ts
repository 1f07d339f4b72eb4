import { describe, expect, it } from "vitest"

import type { QueueRow } from "../db/types"
import { dragAnnouncements } from "./drag-announcements"

const rows = [
  { id: "q1", phone: "+14155550100", name: "Ann Lee", status: "pending" },
  { id: "q2", phone: "+14155550101", status: "pending" },
  { id: "q3", phone: "+14155550102", name: "Cy Diaz", status: "pending" },
] as unknown as QueueRow[]
const drag = (id: string) => ({ id }) as never

describe("drag announcements", () => {
  it("name the contact and its place, never the internal row id", () => {
    const say = dragAnnouncements(rows)
    expect(say.onDragStart({ active: drag("q3") })).toBe("Picked up Cy Diaz, number 3 of 3.")
    expect(say.onDragOver({ active: drag("q3"), over: drag("q1") })).toBe("Cy Diaz moved to number 1 of 3.")
    expect(say.onDragEnd({ active: drag("q2"), over: drag("q3") })).toBe("+1 415 555 0101 dropped at number 3 of 3.")
    expect(say.onDragCancel({ active: drag("q1"), over: null })).toContain("Ann Lee")
    for (const text of [say.onDragStart({ active: drag("q1") }), say.onDragEnd({ active: drag("q1"), over: drag("q2") })]) expect(text).not.toMatch(/q\d/)
  })
})

describe("drag announcements in French", () => {
  it("say the name and place in French", () => {
    const say = dragAnnouncements(rows, "fr")
    expect(say.onDragStart({ active: drag("q3") })).toBe("Cy Diaz saisi, position 3 sur 3.")
    expect(say.onDragEnd({ active: drag("q2"), over: drag("q3") })).toBe("+1 415 555 0101 déposé en position 3 sur 3.")
  })
})
