import { describe, expect, it } from "vitest";
import { CallingHours, DialerCheckBody, DncAddBody, DncListQuery } from "./compliance";
import { PutSettingsBody } from "./admin";

describe("compliance contracts", () => {
  it("calling hours: HH:MM, start before end, 24:00 only as an end, each day 1–7 once", () => {
    expect(CallingHours.safeParse({ start: "08:00", end: "21:00", days: [1, 2, 3, 4, 5] }).success).toBe(true);
    expect(CallingHours.safeParse({ start: "00:00", end: "24:00", days: [7] }).success).toBe(true);
    for (const bad of [
      { start: "24:00", end: "24:00", days: [1] },
      { start: "21:00", end: "21:00", days: [1] },
      { start: "08:00", end: "07:59", days: [1] },
      { start: "08:60", end: "21:00", days: [1] },
      { start: "8:00", end: "21:00", days: [1] },
      { start: "08:00", end: "21:00", days: [] },
      { start: "08:00", end: "21:00", days: [1, 1] },
      { start: "08:00", end: "21:00", days: [0] },
      { start: "08:00", end: "21:00", days: [1], extra: true },
    ])
      expect(CallingHours.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
  });

  it("settings accept the new fields alone and refuse unknown ones", () => {
    expect(PutSettingsBody.safeParse({ settings: { localPresence: true } }).success).toBe(true);
    expect(PutSettingsBody.safeParse({ settings: { callingHours: { start: "09:00", end: "17:00", days: [1] } } }).success).toBe(true);
    expect(PutSettingsBody.safeParse({ settings: { localPresense: true } }).success).toBe(false);
  });

  it("do-not-call bodies: E.164 only, at most 10,000 numbers to add and 1,000 to check", () => {
    expect(DncAddBody.safeParse({ phones: ["+12125550143"], reason: "asked" }).success).toBe(true);
    expect(DncAddBody.safeParse({ phones: ["2125550143"] }).success).toBe(false);
    expect(DncAddBody.safeParse({ phones: Array(10_001).fill("+12125550143") }).success).toBe(false);
    expect(DialerCheckBody.safeParse({ phones: Array(1000).fill("+12125550143") }).success).toBe(true);
    expect(DialerCheckBody.safeParse({ phones: Array(1001).fill("+12125550143") }).success).toBe(false);
    expect(DncListQuery.parse({})).toEqual({ limit: 100 });
    expect(DncListQuery.safeParse({ q: "1' OR 1=1" }).success).toBe(false);
  });
});
