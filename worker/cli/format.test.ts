import { afterEach, describe, expect, it } from "vitest";
import { isoOption } from "./args";
import { startOfLocalDay, when } from "./format";

const saved = process.env.TZ;
afterEach(() => {
  process.env.TZ = saved;
});

describe("the CLI's times are the admin's", () => {
  it("prints times in the admin's time zone, named", () => {
    process.env.TZ = "America/New_York";
    expect(when("2026-12-03T02:30:00.000Z")).toBe("2026-12-02 21:30 EST"); // still the 2nd in New York
    process.env.TZ = "UTC";
    expect(when("2026-12-03T02:30:00.000Z")).toBe("2026-12-03 02:30 UTC");
    expect(when(null)).toBeNull();
  });

  it("a plain --from date and the default day start at the admin's midnight", () => {
    process.env.TZ = "Asia/Tokyo";
    expect(isoOption("from", "2026-12-03")).toBe("2026-12-02T15:00:00.000Z");
    expect(startOfLocalDay(new Date("2026-12-03T01:00:00.000Z")).toISOString()).toBe("2026-12-02T15:00:00.000Z");
    expect(isoOption("from", "2026-12-03T10:00:00Z")).toBe("2026-12-03T10:00:00.000Z");
  });
});
