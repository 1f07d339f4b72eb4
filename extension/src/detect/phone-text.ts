/**
 * Phone numbers in plain text and in tel: links, as E.164. Uses libphonenumber-js with its
 * "min" metadata (small enough for a content script) and the heuristics in `distractors.ts`.
 */
import {
  isSupportedCountry,
  parsePhoneNumberFromString,
  searchPhoneNumbersInText,
  type CountryCode
} from "libphonenumber-js/min";

import { distractorReason } from "./distractors";

export type TextMatch = {
  /** E.164, e.g. "+14155550132". */
  e164: string;
  /** Human-readable international form, e.g. "+1 415 555 0132". */
  display: string;
  /** Offsets into the searched text (end is exclusive). */
  start: number;
  end: number;
  /** The country the number belongs to (ISO 3166 alpha-2), when it has one. */
  country?: CountryCode;
  /** Written without its country code: its reading depends on the country it was read with. */
  national: boolean;
};

const INTERNATIONAL = /^\s*(?:\+|00|011)/;

/** Cheap pre-check: fewer than 7 digits cannot hold a phone number anywhere. */
const ENOUGH_DIGITS = /(?:\d\D{0,3}){7}/;

export function toCountry(value: string | undefined, fallback: CountryCode = "US"): CountryCode {
  const upper = (value ?? "").toUpperCase();
  return isSupportedCountry(upper) ? upper : fallback;
}

/** Every valid phone number in `text` that does not look like a date, price, id, etc. */
export function findPhonesInText(text: string, country: CountryCode): TextMatch[] {
  if (!ENOUGH_DIGITS.test(text)) return [];
  const matches: TextMatch[] = [];
  for (const found of searchPhoneNumbersInText(text, { defaultCountry: country })) {
    const { number, startsAt, endsAt } = found;
    if (!number.isValid()) continue;
    const raw = text.slice(startsAt, endsAt);
    const reason = distractorReason({
      raw,
      before: text.slice(Math.max(0, startsAt - 32), startsAt),
      after: text.slice(endsAt, endsAt + 16),
      international: INTERNATIONAL.test(raw)
    });
    if (reason) continue;
    matches.push({
      e164: number.number,
      display: number.formatInternational(),
      start: startsAt,
      end: endsAt,
      country: number.country,
      national: !INTERNATIONAL.test(raw)
    });
  }
  return matches;
}

/** The E.164 number behind a `tel:` href, or null when it is not a valid phone number. */
export function phoneFromTelHref(href: string, country: CountryCode): TextMatch | null {
  if (!/^tel:/i.test(href)) return null;
  let value = href.slice(4);
  try {
    value = decodeURIComponent(value);
  } catch (error) {
    // A malformed escape: keep the raw text, libphonenumber ignores what it cannot read.
    console.debug("[dialer] undecodable tel: href", href, error);
  }
  value = value.split(/[;?]/)[0] ?? "";
  const number = parsePhoneNumberFromString(value, country);
  if (!number?.isValid()) return null;
  return {
    e164: number.number,
    display: number.formatInternational(),
    start: 0,
    end: 0,
    country: number.country,
    national: !INTERNATIONAL.test(value)
  };
}

/** "+1 415 555 0132" → "+1 415-555-0132" for NANP numbers; others stay international. */
export function labelFor(e164: string): string {
  const number = parsePhoneNumberFromString(e164);
  if (!number) return e164;
  const international = number.formatInternational();
  if (number.countryCallingCode !== "1") return international;
  return international.replace(/^\+1 (\d{3}) (\d{3}) (\d{4})$/, "+1 $1-$2-$3");
}

const regionNames = new Map<string, Intl.DisplayNames>();

/** "US" → "United States" (in the browser's language); the code itself when the name is unknown. */
export function countryName(code: string | undefined, locale?: string): string {
  if (!code) return "";
  try {
    const key = locale ?? "";
    let names = regionNames.get(key);
    if (!names) regionNames.set(key, (names = new Intl.DisplayNames(locale ? [locale] : undefined, { type: "region" })));
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

/** The country a number belongs to, by name ("United States"), or "" for a non-geographic one. */
export function phoneCountry(e164: string, locale?: string): string {
  return countryName(parsePhoneNumberFromString(e164)?.country, locale);
}
