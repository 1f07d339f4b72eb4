import { describe, expect, it } from "vitest";
import { callingHoursDecision, describeDays, localTime, windowDecision, type CallingHours } from "./calling-hours";
import { numberZones } from "./number-zones";

const DEFAULT: CallingHours = { start: "08:00", end: "21:00", days: [1, 2, 3, 4, 5, 6, 7] };
const at = (iso: string) => Date.parse(iso);
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const zonesOf = (phone: string) => {
  const z = numberZones(phone);
  if (!z.ok) throw new Error(z.reason);
  return z.zones;
};

describe("the number's possible time zones (Google's map, longest prefix)", () => {
  it.each([
    // United States: both coasts, and Idaho's split area code 208 (Mountain north-south line)
    ["+12125550143", ["America/New_York"]],
    ["+13105550143", ["America/Los_Angeles"]],
    ["+12082301234", ["America/Denver"]],
    ["+12082151234", ["America/Los_Angeles"]],
    // Canada
    ["+14165550123", ["America/Toronto"]],
    ["+16045550123", ["America/Vancouver"]],
    // Mexico: Mexico City and Tijuana
    ["+525512345678", ["America/Mexico_City"]],
    ["+526641234567", ["America/Tijuana"]],
    // Brazil: São Paulo, Acre, Amazonas
    ["+551123456789", ["America/Sao_Paulo"]],
    ["+556832123456", ["America/Rio_Branco"]],
    ["+559232123456", ["America/Manaus"]],
    // Australia: Sydney, Brisbane (no DST), Western/South Australia range (two zones)
    ["+61212345678", ["Australia/Sydney"]],
    ["+61731234567", ["Australia/Brisbane"]],
    ["+61892123456", ["Australia/Adelaide", "Australia/Perth"]],
    // Russia: Moscow, Novosibirsk, Vladivostok
    ["+74951234567", ["Europe/Moscow"]],
    ["+73832123456", ["Asia/Novosibirsk"]],
    ["+74232123456", ["Asia/Vladivostok"]],
    // Indonesia: Jakarta, Makassar, Jayapura
    ["+62215551234", ["Asia/Jakarta"]],
    ["+624111234567", ["Asia/Makassar"]],
    ["+62967123456", ["Asia/Jayapura"]],
  ])("%s → %j", (phone, zones) => {
    expect(zonesOf(phone)).toEqual(zones);
  });

  it("a number known only by its country gets every zone of the country (toll-free +1 800: all of the NANP)", () => {
    const zones = zonesOf("+18005550100");
    expect(zones).toContain("America/New_York");
    expect(zones).toContain("Pacific/Honolulu");
    expect(zones).toContain("Pacific/Guam");
    expect(zones.length).toBeGreaterThan(30);
  });

  it("a mixed range of Idaho's 208 gives both of its zones", () => {
    expect(zonesOf("+12085551234")).toEqual(["America/Boise", "America/Los_Angeles"]);
  });

  it("refuses numbers that are not E.164 or not valid anywhere, with a reason", () => {
    const notE164 = numberZones("2125550143");
    expect(notE164.ok).toBe(false);
    expect(!notE164.ok && notE164.reason).toMatch(/not an E\.164/);
    const invalid = numberZones("+15550000001");
    expect(invalid.ok).toBe(false);
    expect(!invalid.ok && invalid.reason).toMatch(/not a valid phone number/);
  });

  it("refuses a valid number whose time zone the map does not know (international freephone +800)", () => {
    const r = numberZones("+80012345678");
    expect(r).toEqual({ ok: false, reason: "the time zone of +80012345678 is unknown" });
  });
});

describe("calling hours in every possible zone", () => {
  it("both sides of a zone line: 08:30 in New York is open, 05:30 in Los Angeles is not (retry at 08:00 there)", () => {
    const now = at("2026-12-03T13:30:00Z");
    expect(callingHoursDecision("+12125550143", DEFAULT, now)).toEqual({ ok: true, zones: ["America/New_York"] });
    const la = callingHoursDecision("+13105550143", DEFAULT, now);
    expect(la.ok).toBe(false);
    if (la.ok) return;
    expect(iso(la.retryAt)).toBe("2026-12-03T16:00:00.000Z");
    expect(la.reason).toContain("it is Thu 05:30 in America/Los_Angeles");
    expect(la.reason).toContain("Dial after 08:00 their time");
  });

  it.each([
    // [phone, an instant open there, an instant closed there, retryAt for the closed one]
    ["+14165550123", "2026-12-03T14:00:00Z", "2026-12-03T12:00:00Z", "2026-12-03T13:00:00.000Z"], // Toronto EST
    ["+16045550123", "2026-12-03T17:00:00Z", "2026-12-03T15:00:00Z", "2026-12-03T16:00:00.000Z"], // Vancouver PST
    ["+525512345678", "2026-12-03T15:00:00Z", "2026-12-03T13:00:00Z", "2026-12-03T14:00:00.000Z"], // Mexico City UTC−6 (no DST)
    ["+526641234567", "2026-12-03T17:00:00Z", "2026-12-03T15:00:00Z", "2026-12-03T16:00:00.000Z"], // Tijuana PST
    ["+551123456789", "2026-12-03T12:00:00Z", "2026-12-03T10:00:00Z", "2026-12-03T11:00:00.000Z"], // São Paulo UTC−3
    ["+556832123456", "2026-12-03T14:00:00Z", "2026-12-03T12:00:00Z", "2026-12-03T13:00:00.000Z"], // Rio Branco UTC−5
    ["+61212345678", "2026-12-03T00:00:00Z", "2026-12-03T20:00:00Z", "2026-12-03T21:00:00.000Z"], // Sydney AEDT UTC+11
    ["+61731234567", "2026-12-03T00:00:00Z", "2026-12-03T21:00:00Z", "2026-12-03T22:00:00.000Z"], // Brisbane UTC+10, no DST
    ["+74951234567", "2026-12-03T06:00:00Z", "2026-12-03T04:00:00Z", "2026-12-03T05:00:00.000Z"], // Moscow UTC+3
    ["+74232123456", "2026-12-03T00:00:00Z", "2026-12-03T21:30:00Z", "2026-12-03T22:00:00.000Z"], // Vladivostok UTC+10
    ["+62215551234", "2026-12-03T02:00:00Z", "2026-12-03T00:30:00Z", "2026-12-03T01:00:00.000Z"], // Jakarta UTC+7
    ["+62967123456", "2026-12-03T00:00:00Z", "2026-12-02T22:30:00Z", "2026-12-02T23:00:00.000Z"], // Jayapura UTC+9
  ])("%s: open at %s, closed at %s until %s", (phone, openAt, closedAt, retry) => {
    expect(callingHoursDecision(phone, DEFAULT, at(openAt)).ok).toBe(true);
    const closed = callingHoursDecision(phone, DEFAULT, at(closedAt));
    expect(closed.ok).toBe(false);
    expect(!closed.ok && iso(closed.retryAt)).toBe(retry);
  });

  it("an ambiguous number takes the safe side: open only when open in Boise AND Los Angeles", () => {
    // 08:30 in Boise (MST) is 07:30 in Los Angeles: closed until 08:00 in Los Angeles
    const morning = callingHoursDecision("+12085551234", DEFAULT, at("2026-12-03T15:30:00Z"));
    expect(morning.ok).toBe(false);
    expect(!morning.ok && iso(morning.retryAt)).toBe("2026-12-03T16:00:00.000Z");
    expect(!morning.ok && morning.reason).toContain("America/Los_Angeles (one of its 2 possible time zones)");
    // 20:30 in Los Angeles is 21:30 in Boise: closed until 08:00 Los Angeles the next day
    const evening = callingHoursDecision("+12085551234", DEFAULT, at("2026-12-04T04:30:00Z"));
    expect(evening.ok).toBe(false);
    expect(!evening.ok && evening.reason).toContain("America/Boise");
    expect(!evening.ok && iso(evening.retryAt)).toBe("2026-12-04T16:00:00.000Z");
    // 12:00 Los Angeles, 13:00 Boise: open in both
    expect(callingHoursDecision("+12085551234", DEFAULT, at("2026-12-03T20:00:00Z")).ok).toBe(true);
  });

  it("a whole-NANP number (toll-free) needs the window open from Guam to Adak", () => {
    expect(callingHoursDecision("+18005550100", DEFAULT, at("2026-12-03T23:00:00Z")).ok).toBe(true);
    const closed = callingHoursDecision("+18005550100", DEFAULT, at("2026-12-03T16:00:00Z"));
    expect(closed.ok).toBe(false);
    const retryAt = !closed.ok ? closed.retryAt : null;
    expect(retryAt).not.toBeNull();
    for (const zone of zonesOf("+18005550100")) {
      const l = localTime(zone, retryAt!);
      expect(l.minutes, zone).toBeGreaterThanOrEqual(8 * 60);
      expect(l.minutes, zone).toBeLessThan(21 * 60);
    }
    // one minute earlier some zone was still closed: it is the first moment
    expect(windowDecision(zonesOf("+18005550100"), DEFAULT, retryAt! - 60_000).ok).toBe(false);
  });

  it("1,000 queued toll-free numbers (every NANP zone) are decided at once, not one by one", () => {
    const started = performance.now();
    const decisions = Array.from({ length: 1000 }, (_, i) => callingHoursDecision(`+1800555${String(i).padStart(4, "0")}`, DEFAULT, at("2026-12-03T16:00:30Z")));
    expect(performance.now() - started).toBeLessThan(1500); // one full computation is ~30 ms; unshared, this would be ~30 s
    expect(new Set(decisions.map((d) => (!d.ok ? d.retryAt : 0))).size).toBe(1);
    expect(decisions.every((d) => !d.ok)).toBe(true);
  });

  it("invalid and unknown numbers are refused with a reason and no retry time", () => {
    const invalid = callingHoursDecision("+15550000001", DEFAULT, at("2026-12-03T18:00:00Z"));
    expect(invalid).toMatchObject({ ok: false, retryAt: null });
    expect(!invalid.ok && invalid.reason).toMatch(/not a valid phone number.*calling hours cannot be checked/);
    expect(callingHoursDecision("+80012345678", DEFAULT, at("2026-12-03T18:00:00Z"))).toMatchObject({ ok: false, retryAt: null });
  });

  it("a window that never opens in all zones at once has no retry time", () => {
    const r = windowDecision(["America/New_York", "Asia/Tokyo"], { start: "09:00", end: "10:00", days: [1, 2, 3, 4, 5, 6, 7] }, at("2026-12-03T12:00:00Z"));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.retryAt).toBeNull();
    expect(!r.ok && r.reason).toMatch(/never opens in all of its possible time zones/);
  });

  it("the end is exclusive and 24:00 means midnight", () => {
    const ny = ["America/New_York"];
    expect(windowDecision(ny, DEFAULT, at("2026-12-04T01:59:59Z")).ok).toBe(true); // 20:59:59
    expect(windowDecision(ny, DEFAULT, at("2026-12-04T02:00:00Z")).ok).toBe(false); // 21:00
    const always = { start: "00:00", end: "24:00", days: [1, 2, 3, 4, 5, 6, 7] };
    expect(windowDecision(ny, always, at("2026-12-04T04:59:00Z")).ok).toBe(true); // 23:59
    expect(windowDecision(ny, always, at("2026-12-04T05:00:00Z")).ok).toBe(true); // 00:00
  });
});

describe("daylight-saving changes at a window edge", () => {
  const ny = ["America/New_York"];

  it("08:00 on the spring-forward day is 12:00 UTC (EDT), the day before 13:00 UTC (EST)", () => {
    expect(windowDecision(ny, DEFAULT, at("2027-03-14T12:30:00Z")).ok).toBe(true); // 08:30 EDT
    const before = windowDecision(ny, DEFAULT, at("2027-03-13T12:30:00Z")); // 07:30 EST
    expect(!before.ok && iso(before.retryAt)).toBe("2027-03-13T13:00:00.000Z");
    // asked the night before the change, the next opening is 08:00 EDT
    const night = windowDecision(ny, DEFAULT, at("2027-03-14T03:00:00Z")); // 22:00 EST Saturday
    expect(!night.ok && iso(night.retryAt)).toBe("2027-03-14T12:00:00.000Z");
  });

  it("a start time skipped by the clock change (02:30) opens the window at the change (03:00 EDT)", () => {
    const r = windowDecision(ny, { start: "02:30", end: "21:00", days: [1, 2, 3, 4, 5, 6, 7] }, at("2027-03-14T06:00:00Z")); // 01:00 EST
    expect(r.ok).toBe(false);
    expect(!r.ok && iso(r.retryAt)).toBe("2027-03-14T07:00:00.000Z");
  });

  it("fall back: 08:00 is 13:00 UTC on the change day, and a start inside the repeated hour opens at its first occurrence", () => {
    const r = windowDecision(ny, DEFAULT, at("2026-11-01T12:30:00Z")); // 07:30 EST (was 08:30 EDT the day before)
    expect(!r.ok && iso(r.retryAt)).toBe("2026-11-01T13:00:00.000Z");
    expect(windowDecision(ny, DEFAULT, at("2026-10-31T12:30:00Z")).ok).toBe(true);
    const repeated = windowDecision(ny, { start: "01:30", end: "21:00", days: [1, 2, 3, 4, 5, 6, 7] }, at("2026-11-01T05:00:00Z")); // 01:00 EDT
    expect(!repeated.ok && iso(repeated.retryAt)).toBe("2026-11-01T05:30:00.000Z");
  });

  it("southern hemisphere: Sydney springs forward on 2026-10-04, its 21:00 end moves to 10:00 UTC", () => {
    const sydney = ["Australia/Sydney"];
    expect(windowDecision(sydney, DEFAULT, at("2026-10-03T10:30:00Z")).ok).toBe(true); // 20:30 AEST
    expect(windowDecision(sydney, DEFAULT, at("2026-10-04T10:30:00Z")).ok).toBe(false); // 21:30 AEDT
  });
});

describe("days of the week (the callee's local day)", () => {
  const weekdays: CallingHours = { start: "08:00", end: "21:00", days: [1, 2, 3, 4, 5] };

  it("Saturday in New York is closed until Monday 08:00", () => {
    const r = callingHoursDecision("+12125550143", weekdays, at("2026-12-05T14:00:00Z"));
    expect(r.ok).toBe(false);
    expect(!r.ok && iso(r.retryAt)).toBe("2026-12-07T13:00:00.000Z");
    expect(!r.ok && r.reason).toContain("it is Sat 09:00");
    expect(!r.ok && r.reason).toContain("Mon–Fri");
  });

  it("Monday 09:00 in Sydney is open although it is still Sunday in UTC", () => {
    expect(callingHoursDecision("+61212345678", weekdays, at("2026-12-06T22:00:00Z")).ok).toBe(true);
  });

  it("Friday 20:59 in Los Angeles is open though Saturday in UTC; Saturday 08:00 there is not", () => {
    expect(callingHoursDecision("+13105550143", weekdays, at("2026-12-05T04:59:00Z")).ok).toBe(true);
    expect(callingHoursDecision("+13105550143", weekdays, at("2026-12-05T16:00:00Z")).ok).toBe(false);
  });

  it("describes the days", () => {
    expect(describeDays([1, 2, 3, 4, 5, 6, 7])).toBe("every day");
    expect(describeDays([1, 2, 3, 4, 5])).toBe("Mon–Fri");
    expect(describeDays([1, 3, 5])).toBe("Mon, Wed, Fri");
    expect(describeDays([6])).toBe("Sat");
  });
});
