import { describe, expect, it } from "vitest";
import { phone, shownAvailability } from "./format";

describe("the Aircall column", () => {
  it("says 'on a call' while the dialer has a call ringing or up, whatever the last poll said", () => {
    expect(shownAvailability("available", "in_call")).toBe("in_call");
    expect(shownAvailability("available", "ringing")).toBe("in_call");
    expect(shownAvailability(undefined, "in_call")).toBe("in_call");
    expect(shownAvailability("available", "idle")).toBe("available");
    expect(shownAvailability("do_not_disturb", "in_call")).toBe("do_not_disturb");
  });
});

describe("phone numbers", () => {
  it("read as the extension's popup writes them", () => {
    expect(phone("+14155550102")).toBe("+1 415 555 0102");
    expect(phone("+442079460958")).toBe("+44 20 7946 0958");
    expect(phone("not a number")).toBe("not a number");
  });
});
