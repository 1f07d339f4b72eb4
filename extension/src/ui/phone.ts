import { parsePhoneNumberFromString } from "libphonenumber-js/min"

import { prettyPhone } from "./format"

/** International display format for extension pages ("+33 6 12 34 56 78"). */
export function displayPhone(e164: string): string {
  return parsePhoneNumberFromString(e164)?.formatInternational() ?? prettyPhone(e164)
}
