import { describe, expect, it } from "vitest"

import { skipLabel } from "./SkippedReason"

describe("why a number was skipped, in the history page", () => {
  it("names the rule and when to dial", () => {
    expect(skipLabel("+14155550132 is on the company's do-not-call list (added 2026-12-03 by admin-token: asked by email).")).toBe("On the do-not-call list")
    expect(skipLabel("Outside calling hours: it is Thu 22:10 in America/New_York (calling hours 08:00–21:00, every day). Dial after 08:00 their time (Fri).")).toBe("Outside calling hours — dial after 08:00 their time")
    expect(skipLabel("Outside calling hours: it is Thu 22:10 in X (…). The window never opens in all of its possible time zones at once.")).toBe("Outside calling hours")
    expect(skipLabel("Not dialed: +15550000001 is not a valid phone number for any country, so its local time is unknown, so calling hours cannot be checked.")).toBe("Not dialed: its time zone is unknown")
    expect(skipLabel("Skipped by the agent")).toBe("Skipped by the agent")
  })
})
