import { describe, expect, it } from "vitest";
import { availabilityLabel, count, dateTime, hourLabel, percent, phone, shownAvailability, statusLabel, talkTime, timeOfDay, weekdayShort } from "./format";
import { translatorFor } from "./i18n/catalogue";

/** Intl writes French numbers and units with a narrow no-break space (U+202F) or a no-break space (U+00A0). */
const plain = (s: string) => s.replace(/[\u202f\u00a0]/g, " ");

describe("the Aircall column", () => {
  it("says 'on a call' while the dialer has a call ringing or up, whatever the last poll said", () => {
    expect(shownAvailability("available", "in_call")).toBe("in_call");
    expect(shownAvailability("available", "ringing")).toBe("in_call");
    expect(shownAvailability(undefined, "in_call")).toBe("in_call");
    expect(shownAvailability("available", "idle")).toBe("available");
    expect(shownAvailability("do_not_disturb", "in_call")).toBe("do_not_disturb");
  });
  it("names Aircall's availabilities in the admin's language, and a new one as it came", () => {
    expect(availabilityLabel(translatorFor("en"), "after_call_work")).toBe("After-call work");
    expect(availabilityLabel(translatorFor("fr"), "after_call_work")).toBe("Travail après appel");
    expect(availabilityLabel(translatorFor("fr"), "on_break")).toBe("on_break");
  });
});

describe("phone numbers", () => {
  it("read as the extension's popup writes them", () => {
    expect(phone("+14155550102")).toBe("+1 415 555 0102");
    expect(phone("+442079460958")).toBe("+44 20 7946 0958");
    expect(phone("not a number")).toBe("not a number");
  });
});

describe("figures in the admin's language", () => {
  it("writes durations with each language's units", () => {
    expect(talkTime("en", 3900)).toBe("1h 05m");
    expect(talkTime("en", 187)).toBe("3m 07s");
    expect(plain(talkTime("fr", 3900))).toBe("1 h 05 min");
    expect(plain(talkTime("fr", 187))).toBe("3 min 07 s");
    expect(talkTime("en", 0)).toBe("0m 00s");
  });
  it("writes rates and counts the locale's way", () => {
    expect(percent("en", 0.5)).toBe("50%");
    expect(plain(percent("fr", 0.5))).toBe("50 %");
    expect(count("en", 1234)).toBe("1,234");
    expect(plain(count("fr", 1234))).toBe("1 234");
  });
  it("writes dates and times the locale's way, and a dash for none", () => {
    const at = new Date(2026, 11, 3, 14, 7).toISOString();
    expect(dateTime("en", at)).toBe("Dec 3, 02:07 PM");
    expect(dateTime("fr", at)).toBe("3 déc., 14:07");
    expect(timeOfDay("en", at)).toBe("02:07 PM");
    expect(timeOfDay("fr", at)).toBe("14:07");
    expect(dateTime("fr", null)).toBe("–");
  });
  it("names the chart's hours and the week's days in the locale", () => {
    expect(hourLabel("en", 8)).toBe("8 AM");
    expect(plain(hourLabel("fr", 8))).toBe("08 h");
    expect([1, 7].map((d) => weekdayShort("en", d))).toEqual(["Mon", "Sun"]);
    expect([1, 7].map((d) => weekdayShort("fr", d))).toEqual(["lun.", "dim."]);
  });
  it("names the dialer's states", () => {
    expect(statusLabel(translatorFor("en"), "in_call")).toBe("In call");
    expect(statusLabel(translatorFor("fr"), "wrap_up")).toBe("Clôture");
  });
});
