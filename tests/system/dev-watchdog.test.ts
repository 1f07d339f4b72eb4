import { describe, expect, it } from "vitest"

import { watchWorker } from "./dev-watchdog"

describe("pnpm dev's worker watch", () => {
  it("says the worker stopped, restarts it, and says when it is back", async () => {
    const lines: string[] = []
    const answers = [true, false, false, false, true]
    let restarts = 0
    const w = watchWorker({ probe: async () => answers.shift() ?? true, restart: async () => void restarts++, say: (l) => lines.push(l), intervalMs: 3_600_000 })
    for (let i = 0; i < 5; i++) await w.tick()
    w.stop()
    expect(restarts).toBe(1)
    expect(lines[0]).toMatch(/^worker is not answering/)
    expect(lines[1]).toMatch(/^worker stopped .*restarting it/)
    expect(lines[2]).toMatch(/^worker restarted and ready again/)
    expect(lines).toHaveLength(3) // the next good answer is quiet: nothing was wrong any more
  })

  it("one slow answer says nothing, two are reported, a failed restart is said in words", async () => {
    const lines: string[] = []
    const answers = [false, true, false, false, true, false, false, false]
    const w = watchWorker({
      probe: async () => answers.shift() ?? false,
      restart: async () => {
        throw new Error("port 8787 is in use\nmore")
      },
      say: (l) => lines.push(l),
      intervalMs: 3_600_000,
    })
    await w.tick()
    await w.tick()
    expect(lines).toEqual([])
    for (let i = 0; i < 3; i++) await w.tick()
    expect(lines).toEqual([expect.stringMatching(/not answering/), expect.stringMatching(/answers again/)])
    for (let i = 0; i < 3; i++) await w.tick()
    w.stop()
    expect(lines.at(-1)).toMatch(/could not be restarted: port 8787 is in use — trying again/)
  })
})
