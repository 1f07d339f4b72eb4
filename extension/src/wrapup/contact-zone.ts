/**
 * The contact's time zone from the number (background and extension pages only: libphonenumber's
 * metadata stays out of content scripts). The country comes from libphonenumber; its zone from
 * the browser's Intl data. A country with several zones (the US, Canada, Russia…) gives null: the
 * form then says the time is the agent's own.
 */
import { parsePhoneNumberFromString } from "libphonenumber-js/min"

type LocaleWithZones = Intl.Locale & { getTimeZones?: () => string[]; timeZones?: string[] }

export function zonesOfCountry(country: string): string[] {
  try {
    const locale = new Intl.Locale(`und-${country}`) as LocaleWithZones
    return locale.getTimeZones?.() ?? locale.timeZones ?? []
  } catch {
    return []
  }
}

export function contactTimeZone(phone: string): string | null {
  const country = parsePhoneNumberFromString(phone)?.country
  if (!country) return null
  const zones = zonesOfCountry(country)
  return zones.length === 1 ? zones[0]! : null
}
