import { describe, expect, it } from "vitest";
import { MAX_PER_MINUTE, RefusalThrottle } from "./refusals";

describe("RefusalThrottle", () => {
  it("records a client once per minute", () => {
    const t = new RefusalThrottle();
    expect(t.check("ip:a", 0).verdict).toBe("record");
    expect(t.check("ip:a", 59_000).verdict).toBe("skip");
    expect(t.check("ip:b", 59_000).verdict).toBe("record");
    expect(t.check("ip:a", 60_000).verdict).toBe("record");
  });

  it("caps entries per minute across clients and summarises what it dropped", () => {
    const t = new RefusalThrottle();
    const verdicts = Array.from({ length: MAX_PER_MINUTE + 20 }, (_, i) => t.check(`ip:${i}`, 1000 + i).verdict);
    expect(verdicts.filter((v) => v === "record")).toHaveLength(MAX_PER_MINUTE);
    expect(t.check("ip:next", 62_000)).toEqual({ verdict: "summary", suppressed: 20 });
    expect(t.check("ip:other", 62_001).verdict).toBe("record");
  });
});
