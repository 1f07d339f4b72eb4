/**
 * The IANA time zones a phone number may be in, from Google libphonenumber's number → time-zone
 * map (longest matching prefix: the country, and the area code / number range where a country
 * spans several zones). A number the map only knows by its country gets every zone of that
 * country: the calling window must then hold in all of them (the safe side).
 */
import { parsePhoneNumberFromString } from "libphonenumber-js/min";
import { TIMEZONE_MAP } from "./timezone-map.data";

export type NumberZones =
  | { ok: true; zones: string[]; country: string | null; prefix: string }
  | { ok: false; reason: string };

const E164 = /^\+[1-9]\d{6,14}$/;

export function numberZones(phone: string): NumberZones {
  if (!E164.test(phone)) return { ok: false, reason: `${phone} is not an E.164 phone number, so its local time is unknown` };
  const parsed = parsePhoneNumberFromString(phone);
  if (!parsed || !parsed.isValid())
    return { ok: false, reason: `${phone} is not a valid phone number for any country, so its local time is unknown` };
  const digits = phone.slice(1);
  for (let n = digits.length; n > 0; n--) {
    const prefix = digits.slice(0, n);
    const zones = TIMEZONE_MAP[prefix];
    if (zones) return { ok: true, zones: zones.split("&"), country: parsed.country ?? null, prefix };
  }
  return { ok: false, reason: `the time zone of ${phone} is unknown` };
}
