import { describe, expect, it } from "vitest";

import { runInChunks, scheduleIdle } from "./idle-chunks";

describe("scheduleIdle", () => {
  it("runs chunks in the order they were scheduled, each in its own task, with a time slice", async () => {
    const order: string[] = [];
    const slices: number[] = [];
    await new Promise<void>((done) => {
      scheduleIdle((deadline) => {
        order.push("a");
        slices.push(deadline.timeRemaining());
      });
      scheduleIdle(() => order.push("b"));
      scheduleIdle(() => {
        order.push("c");
        done();
      });
      order.push("sync");
    });
    expect(order).toEqual(["sync", "a", "b", "c"]);
    expect(slices[0]).toBeGreaterThan(0);
  });

  it("keeps two passes apart when they interleave", async () => {
    const seen: string[] = [];
    let left = 3;
    let right = 3;
    await Promise.all([
      runInChunks(() => (seen.push("L"), --left > 0), { nodeBudget: 1 }),
      runInChunks(() => (seen.push("R"), --right > 0), { nodeBudget: 1 })
    ]);
    expect(seen.join("")).toBe("LRLRLR");
  });
});
