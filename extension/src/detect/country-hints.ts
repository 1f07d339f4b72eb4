/**
 * What a page says about the country of the numbers written on it without a country code: the
 * region of its language (`<html lang="en-US">`), then the countries of its international `tel:`
 * links, most frequent first. Numbers the default country cannot read are tried with these.
 */
import { isSupportedCountry, parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js/min";

const MAX_LINKS = 200;
const MAX_HINTS = 3;

function languageRegion(doc: Document): CountryCode | null {
  const region = /^[a-z]{2,3}[-_]([a-z]{2})\b/i.exec(doc.documentElement?.lang ?? "")?.[1]?.toUpperCase();
  return region && isSupportedCountry(region) ? region : null;
}

export function countryHints(doc: Document): CountryCode[] {
  const hints: CountryCode[] = [];
  const region = languageRegion(doc);
  if (region) hints.push(region);
  const counts = new Map<CountryCode, number>();
  const links = doc.querySelectorAll('a[href^="tel:+"], a[href^="TEL:+"]');
  for (let i = 0; i < links.length && i < MAX_LINKS; i++) {
    const href = links[i]!.getAttribute("href") ?? "";
    const country = parsePhoneNumberFromString(href.slice(4).split(/[;?]/)[0] ?? "")?.country;
    if (country) counts.set(country, (counts.get(country) ?? 0) + 1);
  }
  const byUse = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([country]) => country);
  for (const country of byUse) if (!hints.includes(country)) hints.push(country);
  return hints.slice(0, MAX_HINTS);
}
