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

/**
 * libphonenumber's own punctuation (`VALID_PUNCTUATION` in its constants): the only characters it
 * accepts between the digit groups of one number, at most 4 in a row (its `punctuationLimit`).
 */
const PUNCTUATION = "\\-\u2010-\u2015\u2212\u30FC\uFF0D\uFF0F/\uFF0E. \u00A0\u00AD\u200B\u2060\u3000()\uFF08\uFF09\uFF3B\uFF3D\\[\\]~\u2053\u223C\uFF5E";

/**
 * Cheap pre-check before libphonenumber: 7 digits joined only by phone punctuation. Most text
 * with digits has none (dates with a comma or a colon, times, prices with a comma, short ids),
 * and the numbers this detector reads always have 7 (see `findPhonesInText`).
 */
const DIGIT_RUN = new RegExp(`\\d(?:[${PUNCTUATION}]{0,4}\\d){6}`);

export function mayHoldPhone(text: string): boolean {
  return DIGIT_RUN.test(text);
}

/**
 * Results per (country, text): list pages repeat the same texts (statuses, dates, shared office
 * numbers) and rescans after mutations read the same blocks again. Matches are offsets into the
 * text, so one result serves every block with that text. Bounded: cleared when full.
 */
const CACHE_LIMIT = 20_000;
const cache = new Map<string, readonly TextMatch[]>();
const NONE: readonly TextMatch[] = Object.freeze([]);

export function toCountry(value: string | undefined, fallback: CountryCode = "US"): CountryCode {
  const upper = (value ?? "").toUpperCase();
  return isSupportedCountry(upper) ? upper : fallback;
}

/**
 * Every valid phone number in `text` that does not look like a date, price, id, etc. Only text
 * with 7 digits in one run of phone punctuation is handed to libphonenumber; each distinct text
 * is parsed once per country. The result is shared: do not modify it.
 */
export function findPhonesInText(text: string, country: CountryCode): readonly TextMatch[] {
  if (!mayHoldPhone(text)) return NONE;
  const key = `${country}\u0000${text}`;
  const known = cache.get(key);
  if (known) return known;
  if (cache.size >= CACHE_LIMIT) cache.clear();
  const found = searchText(text, country);
  cache.set(key, found);
  return found;
}

function searchText(text: string, country: CountryCode): readonly TextMatch[] {
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
  return matches.length === 0 ? NONE : Object.freeze(matches.map((match) => Object.freeze(match)));
}

/**
 * Runs libphonenumber once on sample text (outside the cache): its metadata and code paths get
 * ready while the content script waits for the settings, instead of inside the first scan chunk.
 */
export function warmUp(country: CountryCode = "US"): void {
  searchText("Call (415) 555-0132 or +44 20 7946 0958, not 2026-12-03.", country);
  labelFor("+14155550132");
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
  // A NANP number (area code and exchange start with 2–9) is formatted "+1 NXX NXX XXXX"
  // internationally: skip the parse. Anything else goes through libphonenumber.
  const nanp = /^\+1([2-9]\d{2})([2-9]\d{2})(\d{4})$/.exec(e164);
  if (nanp) return `+1 ${nanp[1]}-${nanp[2]}-${nanp[3]}`;
  const number = parsePhoneNumberFromString(e164);
  if (!number) return e164;
  const international = number.formatInternational();
  if (number.countryCallingCode !== "1") return international;
  return international.replace(/^\+1 (\d{3}) (\d{3}) (\d{4})$/, "+1 $1-$2-$3");
}

const regionNames = new Map<string, Intl.DisplayNames>();
/** Names already looked up, per locale and code: `Intl.DisplayNames.of` is slow, and every control asks. */
const namesSeen = new Map<string, string>();

/** "US" → "United States" (in the browser's language); the code itself when the name is unknown. */
export function countryName(code: string | undefined, locale?: string): string {
  if (!code) return "";
  const key = locale ?? "";
  const seen = namesSeen.get(`${key}\u0000${code}`);
  if (seen !== undefined) return seen;
  let name = code;
  try {
    let names = regionNames.get(key);
    if (!names) regionNames.set(key, (names = new Intl.DisplayNames(locale ? [locale] : undefined, { type: "region" })));
    name = names.of(code) ?? code;
  } catch {
    name = code;
  }
  namesSeen.set(`${key}\u0000${code}`, name);
  return name;
}

/** The country a number belongs to, by name ("United States"), or "" for a non-geographic one. */
export function phoneCountry(e164: string, locale?: string): string {
  return countryName(parsePhoneNumberFromString(e164)?.country, locale);
}
