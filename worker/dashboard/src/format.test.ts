import { describe, expect, it } from "vitest";
import { shownAvailability } from "./format";

describe("the Aircall column", () => {
  it("says 'on a call' while the dialer has a call ringing or up, whatever the last poll said", () => {
    expect(shownAvailability("available", "in_call")).toBe("in_call");
    expect(shownAvailability("available", "ringing")).toBe("in_call");
    expect(shownAvailability(undefined, "in_call")).toBe("in_call");
    expect(shownAvailability("available", "idle")).toBe("available");
    expect(shownAvailability("do_not_disturb", "in_call")).toBe("do_not_disturb");
  });
});
