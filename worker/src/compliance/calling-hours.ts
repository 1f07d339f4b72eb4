/**
 * Calling hours, pure: is the callee's local time inside the company's window in EVERY time zone
 * the number may be in, and if not, when does the window next open in all of them (`retryAt`)?
 * DST-correct through Intl.DateTimeFormat with `timeZone`; no clock or I/O of its own.
 */
import { numberZones } from "./number-zones";

/** `start`/`end` "HH:MM" local time (`end` may be "24:00"), `start` < `end`; `days` 1 = Monday … 7 = Sunday. */
export type CallingHours = { start: string; end: string; days: number[] };

export type HoursDecision =
  | { ok: true; zones: string[] }
  /** `retryAt` (epoch ms) is null when the window never opens in all zones at once (or the zones are unknown). */
  | { ok: false; reason: string; retryAt: number | null };

const MINUTE = 60_000;
const DAY = 24 * 3600_000;
/** A week and a day: past that, the same weekly pattern repeats (a window that never opens everywhere). */
const HORIZON_DAYS = 8;
const WEEKDAY: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };
const DAY_NAMES = ["", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

type Local = { year: number; month: number; day: number; weekday: number; minutes: number; seconds: number };

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      weekday: "short",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(zone, f);
  }
  return f;
}

/** The wall-clock time in `zone` at the instant `ms`. */
export function localTime(zone: string, ms: number): Local {
  const parts: Record<string, string> = {};
  for (const p of formatter(zone).formatToParts(new Date(ms))) parts[p.type] = p.value;
  const hour = Number(parts.hour) % 24;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    weekday: WEEKDAY[parts.weekday!] ?? 0,
    minutes: hour * 60 + Number(parts.minute),
    seconds: Number(parts.second),
  };
}

/** UTC offset of `zone` at `ms`, in ms (local − UTC). */
function offset(zone: string, ms: number): number {
  const l = localTime(zone, ms);
  const wall = Date.UTC(l.year, l.month - 1, l.day, 0, 0, l.seconds) + l.minutes * MINUTE;
  return wall - Math.floor(ms / 1000) * 1000;
}

export function parseHHMM(value: string): number {
  const m = /^(\d{2}):(\d{2})$/.exec(value);
  if (!m) throw new Error(`not HH:MM: ${value}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

function openIn(zone: string, hours: CallingHours, ms: number): boolean {
  const l = localTime(zone, ms);
  return hours.days.includes(l.weekday) && l.minutes >= parseHHMM(hours.start) && l.minutes < parseHHMM(hours.end);
}

/** Instants (after `nowMs`) at which the window may open in `zone`: each day's start, and each UTC-offset change. */
function openings(zone: string, hours: CallingHours, nowMs: number): number[] {
  const start = parseHHMM(hours.start);
  const out: number[] = [];
  for (let d = 0; d <= HORIZON_DAYS; d++) {
    const l = localTime(zone, nowMs + d * DAY);
    const wall = Date.UTC(l.year, l.month - 1, l.day) + start * MINUTE;
    const first = wall - offset(zone, wall);
    out.push(first, wall - offset(zone, first));
    // A clock change that day (e.g. a start time skipped by the spring-forward gap opens the window at the change).
    let lo = Math.floor(nowMs / MINUTE) * MINUTE + d * DAY;
    let hi = lo + DAY;
    if (offset(zone, lo) !== offset(zone, hi)) {
      const before = offset(zone, lo);
      while (hi - lo > MINUTE) {
        const mid = lo + Math.max(MINUTE, Math.floor((hi - lo) / 2 / MINUTE) * MINUTE);
        if (offset(zone, mid) === before) lo = mid;
        else hi = mid;
      }
      out.push(hi);
    }
  }
  return out.filter((t) => t > nowMs);
}

const fmt = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;

export function describeDays(days: number[]): string {
  const sorted = [...new Set(days)].sort((a, b) => a - b);
  if (sorted.length === 7) return "every day";
  if (sorted.length && sorted.every((d, i) => i === 0 || d === sorted[i - 1]! + 1)) return sorted.length === 1 ? DAY_NAMES[sorted[0]!]! : `${DAY_NAMES[sorted[0]!]}–${DAY_NAMES[sorted.at(-1)!]}`;
  return sorted.map((d) => DAY_NAMES[d]).join(", ");
}

/**
 * Decisions are the same all through a minute (the window is minute-grained): many numbers of the
 * same zones checked at once (1,000 queued toll-free numbers span every NANP zone) cost one.
 */
const memo = new Map<string, HoursDecision>();
const MEMO_MAX = 2000;

/** Is the window open now in every zone? If not, the next moment it is (within HORIZON_DAYS), else null. */
export function windowDecision(zones: string[], hours: CallingHours, nowMs: number): HoursDecision {
  const key = `${zones.join("&")}|${hours.start}-${hours.end}|${hours.days.join(",")}|${Math.floor(nowMs / MINUTE)}`;
  const known = memo.get(key);
  if (known) return known;
  if (memo.size >= MEMO_MAX) memo.clear();
  const decision = decide(zones, hours, nowMs);
  memo.set(key, decision);
  return decision;
}

function decide(zones: string[], hours: CallingHours, nowMs: number): HoursDecision {
  const closed = zones.find((z) => !openIn(z, hours, nowMs));
  if (closed === undefined) return { ok: true, zones };
  const candidates = [...new Set(zones.flatMap((z) => openings(z, hours, nowMs)))].sort((a, b) => a - b);
  const retryAt = candidates.find((t) => zones.every((z) => openIn(z, hours, t))) ?? null;
  const now = localTime(closed, nowMs);
  const window = `calling hours ${hours.start}–${hours.end}, ${describeDays(hours.days)}`;
  const where = zones.length > 1 ? `${closed} (one of its ${zones.length} possible time zones)` : closed;
  const head = `Outside calling hours: it is ${DAY_NAMES[now.weekday]} ${fmt(now.minutes)} in ${where} (${window}).`;
  if (retryAt === null) return { ok: false, retryAt, reason: `${head} The window never opens in all of its possible time zones at once.` };
  const then = localTime(closed, retryAt);
  return { ok: false, retryAt, reason: `${head} Dial after ${fmt(then.minutes)} their time (${DAY_NAMES[then.weekday]}).` };
}

/** The calling-hours part of the guard for one number: unknown or invalid numbers are refused (no retry). */
export function callingHoursDecision(phone: string, hours: CallingHours, nowMs: number): HoursDecision {
  const found = numberZones(phone);
  if (!found.ok) return { ok: false, reason: `Not dialed: ${found.reason}, so calling hours cannot be checked.`, retryAt: null };
  return windowDecision(found.zones, hours, nowMs);
}
