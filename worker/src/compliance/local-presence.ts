/**
 * Local presence, pure: among the Aircall numbers the agent may call from, the one that best
 * matches the callee — same area code (for +1), then a shared time zone (same state or zone), then
 * the same country. None in the callee's country: the agent's own number.
 */
import { parsePhoneNumberFromString } from "libphonenumber-js/min";
import { numberZones } from "./number-zones";

/** One of the agent's Aircall numbers, as cached from GET /v2/users/:id/numbers. */
export type CallerNumber = { id: number; e164: string | null; country: string | null };

type Place = { country: string | null; callingCode: string; areaCode: string | null; zones: string[] };

function place(e164: string | null, countryHint: string | null = null): Place | null {
  if (!e164) return null;
  const parsed = parsePhoneNumberFromString(e164);
  if (!parsed) return null;
  const callingCode = parsed.countryCallingCode;
  const zones = numberZones(e164);
  return {
    country: parsed.country ?? countryHint?.toUpperCase() ?? null,
    callingCode,
    areaCode: callingCode === "1" ? parsed.nationalNumber.slice(0, 3) : null,
    zones: zones.ok ? zones.zones : [],
  };
}

/** 3 same area code (+1), 2 a shared time zone in the same country, 1 same country, 0 no match. */
function score(callee: Place, caller: Place): number {
  if (!callee.country || callee.country !== caller.country) return 0;
  if (callee.areaCode && callee.areaCode === caller.areaCode) return 3;
  // a shared zone only says something when one of the two is narrower than the whole country
  const narrow = callee.zones.length < 3 || caller.zones.length < 3;
  if (narrow && callee.zones.some((z) => caller.zones.includes(z))) return 2;
  return 1;
}

/** The number to call `callee` from: the best match, else `fallbackId` (the agent's own number). */
export function pickCallerNumber(callee: string, numbers: CallerNumber[], fallbackId: number): number {
  const target = place(callee);
  if (!target) return fallbackId;
  let best = { id: fallbackId, score: 0 };
  for (const n of numbers) {
    const p = place(n.e164, n.country);
    if (!p) continue;
    const s = score(target, p);
    if (s > best.score || (s === best.score && s > 0 && n.id === fallbackId)) best = { id: n.id, score: s };
  }
  return best.id;
}

/** Aircall's number row → E.164 ("+1 212-555-0143" and "12125550143" both give "+12125550143"). */
export function callerNumber(row: { id: number | string; e164_digits?: string | null; digits?: string | null; country?: string | null }): CallerNumber {
  const raw = (row.e164_digits ?? row.digits ?? "").replace(/[^\d+]/g, "");
  const e164 = raw ? (raw.startsWith("+") ? raw : `+${raw}`) : null;
  return { id: Number(row.id), e164: e164 && /^\+[1-9]\d{6,14}$/.test(e164) ? e164 : null, country: row.country ?? null };
}
