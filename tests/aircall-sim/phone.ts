/** Phone number formats: Aircall shows numbers in international display format. */
import { parsePhoneNumberFromString } from "libphonenumber-js";
import { E164, digitsOnly } from "@dialer/shared";

export function isE164(value: unknown): value is string {
  return typeof value === "string" && E164.safeParse(value).success;
}

/** "+1 555-010-0000" or "+15550100000" → "+15550100000". */
export function toE164(value: string): string {
  return `+${digitsOnly(value)}`;
}

/**
 * "+14155550132" → "+1 415-555-0132" (North American numbers use dashes, as Aircall shows them);
 * "+33176111111" → "+33 1 76 11 11 11".
 */
export function displayFormat(e164: string): string {
  const digits = digitsOnly(e164);
  if (digits.length === 11 && digits.startsWith("1")) {
    return `+1 ${digits.slice(1, 4)}-${digits.slice(4, 7)}-${digits.slice(7)}`;
  }
  const parsed = parsePhoneNumberFromString(`+${digits}`);
  return parsed ? parsed.formatInternational() : `+${digits}`;
}

/** ISO-3166 country of a number, when libphonenumber knows it. */
export function countryOf(e164: string): string | null {
  return parsePhoneNumberFromString(toE164(e164))?.country ?? null;
}

/** Equal when both carry the same digits, whatever the formatting. */
export function sameNumber(a: string, b: string): boolean {
  const da = digitsOnly(a);
  return da !== "" && da === digitsOnly(b);
}
