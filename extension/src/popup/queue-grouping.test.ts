import { describe, expect, it } from "vitest"

import type { QueueRow } from "../db/types"
import { sameAsAbove } from "./QueueList"

const rows = [{ name: "Maria Johnson" }, { name: "maria johnson " }, { name: "Ben Ortiz" }, {}, {}] as unknown as QueueRow[]

describe("one contact under several numbers", () => {
  it("a row whose name repeats the one above is the same contact; unknown names never group", () => {
    expect([0, 1, 2, 3, 4].map((i) => sameAsAbove(rows, i))).toEqual([false, true, false, false, false])
  })
})
