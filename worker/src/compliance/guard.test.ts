import { DEFAULT_CALLING_HOURS } from "@dialer/shared";
import { describe, expect, it } from "vitest";
import { guardDecision, toGuardResult } from "./guard";

const DAYTIME_NY = Date.parse("2026-12-03T17:00:00Z"); // 12:00 in New York, 09:00 in Los Angeles
const NIGHT_NY = Date.parse("2026-12-04T03:00:00Z"); // 22:00 in New York
const base = { callingHours: DEFAULT_CALLING_HOURS, localPresence: null, listed: null, nowMs: DAYTIME_NY };
const entry = { phone: "+12125550143", reason: "asked on the phone", addedAt: "2026-11-02T10:00:00.000Z", addedBy: "agent:ada" };

describe("the guard", () => {
  it("lets a number through inside the window", () => {
    expect(guardDecision({ ...base, phone: "+12125550143" })).toEqual({ ok: true });
  });

  it("the do-not-call list comes first, even inside the window", () => {
    const d = guardDecision({ ...base, phone: "+12125550143", listed: entry });
    expect(d).toMatchObject({ ok: false, reasonCode: "do_not_call" });
    expect(!d.ok && d.reason).toBe("+12125550143 is on the company's do-not-call list (added 2026-11-02 by agent:ada: asked on the phone).");
    expect(!d.ok && d.retryAt).toBeUndefined();
  });

  it("outside the window: outside_calling_hours with retryAt", () => {
    const d = guardDecision({ ...base, phone: "+12125550143", nowMs: NIGHT_NY });
    expect(d).toMatchObject({ ok: false, reasonCode: "outside_calling_hours", retryAt: Date.parse("2026-12-04T13:00:00Z") });
    expect(toGuardResult("+12125550143", d)).toMatchObject({ ok: false, retryAt: "2026-12-04T13:00:00.000Z", reasonCode: "outside_calling_hours" });
  });

  it("an invalid number is refused as outside calling hours with no retryAt", () => {
    const d = guardDecision({ ...base, phone: "+15550000001" });
    expect(d).toMatchObject({ ok: false, reasonCode: "outside_calling_hours" });
    expect(!d.ok && "retryAt" in d).toBe(false);
  });

  it("with local presence: the best matching number, or the agent's own when none is cached", () => {
    const numbers = [{ id: 3, e164: "+13105550143", country: "US" }];
    expect(guardDecision({ ...base, phone: "+13105559999", localPresence: { numbers, ownNumberId: 1 } })).toEqual({ ok: true, numberId: 3 });
    expect(guardDecision({ ...base, phone: "+13105559999", localPresence: { numbers: null, ownNumberId: 1 } })).toEqual({ ok: true, numberId: 1 });
  });
});
