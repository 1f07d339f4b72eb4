/** Display helpers: times, durations, rates, counts and status words, in the dashboard's language (Intl). */
import type { DialerStatus } from "@dialer/shared";
import { formatNumber, formatPercent, formatTime, type Locale } from "@dialer/shared/i18n";
import { parsePhoneNumberFromString } from "libphonenumber-js/min";
import type { MessageKey, T } from "./i18n/catalogue";

/** Shown where a value is missing. */
export const NONE = "–";

/**
 * A number as people read it, the way the extension's popup writes it ("+1 415 555 0102",
 * "+44 20 7946 0958"); anything unparsable stays as stored.
 */
export const phone = (e164: string) => parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;

/** 0.5 → "50%" (en) / "50 %" (fr). */
export const percent = (locale: Locale, rate: number) => formatPercent(locale, rate);

/** 1234 → "1,234" (en) / "1 234" (fr). */
export const count = (locale: Locale, n: number) => formatNumber(locale, n);

/** Units as each language abbreviates them: "1h 05m", "3m 07s" (en); "1 h 05 min", "3 min 07 s" (fr). */
const UNIT_DISPLAY: Record<Locale, "narrow" | "short"> = { en: "narrow", fr: "short" };

function unit(locale: Locale, value: number, name: "hour" | "minute" | "second", pad: boolean): string {
  return new Intl.NumberFormat(locale, { style: "unit", unit: name, unitDisplay: UNIT_DISPLAY[locale], minimumIntegerDigits: pad ? 2 : 1 }).format(value);
}

/** A talk time or call duration: hours and minutes, or minutes and seconds. */
export function talkTime(locale: Locale, seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return h ? `${unit(locale, h, "hour", false)} ${unit(locale, m, "minute", true)}` : `${unit(locale, m, "minute", false)} ${unit(locale, s % 60, "second", true)}`;
}

/** A running timer, "3:07" (the same in both languages). */
export function clock(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

/** "10:47 AM" (en) / "10:47" (fr). */
export const timeOfDay = (locale: Locale, iso: string | null | undefined) => (iso ? formatTime(locale, iso) : NONE);

/** "Dec 3, 10:47 AM" (en) / "3 déc., 10:47" (fr): the year is implied on a dashboard. */
export const dateTime = (locale: Locale, iso: string | null | undefined) =>
  iso ? new Date(iso).toLocaleString(locale, { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" }) : NONE;

/** An hour of the chart's axis: "8 AM" (en) / "08 h" (fr). */
export const hourLabel = (locale: Locale, hour: number) => new Date(2000, 0, 1, hour).toLocaleTimeString(locale, { hour: "numeric" });

/** ISO weekday (1 = Monday … 7 = Sunday) abbreviated: "Mon" (en) / "lun." (fr). */
export const weekdayShort = (locale: Locale, isoDay: number) => new Date(2024, 0, isoDay).toLocaleDateString(locale, { weekday: "short" }); // 2024-01-01 was a Monday

const STATUSES: readonly DialerStatus[] = ["idle", "dialing", "ringing", "in_call", "wrap_up", "paused", "completed", "stopped"];

/** The dialer's state in words ("In call" / "En appel"). */
export const statusLabel = (t: T, status: DialerStatus) => (STATUSES.includes(status) ? t(`status.${status}`) : status);

const AVAILABILITIES = ["available", "unavailable", "do_not_disturb", "offline", "in_call", "after_call_work", "custom"] as const;

/** Aircall's availability in words; a value Aircall adds later shows as it comes. */
export function availabilityLabel(t: T, value: string): string {
  return (AVAILABILITIES as readonly string[]).includes(value) ? t(`availability.${value}` as MessageKey) : value;
}

export function startOfToday(now = new Date()): Date {
  return new Date(now.getFullYear(), now.getMonth(), now.getDate());
}

/** Monday, 00:00 local time. */
export function startOfWeek(now = new Date()): Date {
  const d = startOfToday(now);
  d.setDate(d.getDate() - ((d.getDay() + 6) % 7));
  return d;
}

/**
 * What the Aircall column shows: Aircall's availability is polled sparingly, so while the dialer
 * itself has a call ringing or up the agent is on a call, whatever the last poll said.
 */
export function shownAvailability(polled: string | undefined, status: DialerStatus): string | undefined {
  if ((status === "ringing" || status === "in_call") && (polled === undefined || polled === "available")) return "in_call";
  return polled;
}
