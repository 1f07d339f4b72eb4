/**
 * Wall-clock times in a given IANA time zone, with Intl only (no libraries: the bar uses this).
 * `local` strings are what <input type="datetime-local"> reads and writes: "YYYY-MM-DDTHH:mm".
 */

const pad = (n: number) => String(n).padStart(2, "0")

function parts(ms: number, timeZone: string) {
  const f = new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" })
  const p = Object.fromEntries(f.formatToParts(new Date(ms)).map((x) => [x.type, x.value]))
  return { y: Number(p.year), m: Number(p.month), d: Number(p.day), h: Number(p.hour) % 24, min: Number(p.minute), s: Number(p.second) }
}

/** How far `timeZone` is ahead of UTC at the instant `ms`, in ms. */
function offsetAt(ms: number, timeZone: string): number {
  const p = parts(ms, timeZone)
  return Date.UTC(p.y, p.m - 1, p.d, p.h, p.min, p.s) - Math.floor(ms / 1000) * 1000
}

/** The zone to use: the contact's when known, else this browser's. */
export const zoneOrLocal = (timeZone: string | null | undefined) => timeZone || Intl.DateTimeFormat().resolvedOptions().timeZone

/** "YYYY-MM-DDTHH:mm" in `timeZone` → the ISO instant, or null when it is not a time. A time skipped by a DST change moves forward. */
export function zonedToIso(local: string, timeZone: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local)
  if (!m) return null
  const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number]
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59) return null
  const wall = Date.UTC(y, mo - 1, d, h, mi)
  let t = wall - offsetAt(wall, timeZone)
  t = wall - offsetAt(t, timeZone) // the offset at the answer, across a DST change
  return new Date(t).toISOString()
}

/** The ISO instant as "YYYY-MM-DDTHH:mm" in `timeZone`. */
export function isoToZoned(iso: string, timeZone: string): string {
  const p = parts(Date.parse(iso), timeZone)
  return `${p.y}-${pad(p.m)}-${pad(p.d)}T${pad(p.h)}:${pad(p.min)}`
}

/** Tomorrow at `hour`:00 in `timeZone` (the callback time offered first). */
export function tomorrowAt(now: number, timeZone: string, hour = 10): string {
  const p = parts(now + 24 * 3600_000, timeZone)
  return `${p.y}-${pad(p.m)}-${pad(p.d)}T${pad(hour)}:00`
}

/** "Tue 10:00 (Europe/Paris)" style: the instant in the zone, for people. */
export function describeIn(iso: string, timeZone: string, locale?: string): string {
  const text = new Date(iso).toLocaleString(locale, { timeZone, weekday: "short", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" })
  return `${text} (${timeZone.replace(/_/g, " ")})`
}
