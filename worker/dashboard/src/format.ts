/** Display helpers: times, durations, rates, status words. */
import type { DialerStatus } from "@dialer/shared";
import { parsePhoneNumberFromString } from "libphonenumber-js/min";

/**
 * A number as people read it, the way the extension's popup writes it ("+1 415 555 0102",
 * "+44 20 7946 0958"); anything unparsable stays as stored.
 */
export const phone = (e164: string) => parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;

export const percent = (rate: number) => `${Math.round(rate * 100)}%`;

export function talkTime(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  return h ? `${h}h ${String(m).padStart(2, "0")}m` : `${m}m ${String(seconds % 60).padStart(2, "0")}s`;
}

export function clock(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

export const timeOfDay = (iso: string | null | undefined) => (iso ? new Date(iso).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" }) : "–");
export const dateTime = (iso: string | null | undefined) =>
  iso ? new Date(iso).toLocaleString([], { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" }) : "–";

export const STATUS_LABEL: Record<DialerStatus, string> = {
  idle: "Idle",
  dialing: "Dialing",
  ringing: "Ringing",
  in_call: "In call",
  wrap_up: "Wrap-up",
  paused: "Paused",
  completed: "Done",
  stopped: "Stopped",
};

export const AVAILABILITY_LABEL: Record<string, string> = {
  available: "Available",
  unavailable: "Unavailable",
  do_not_disturb: "Do not disturb",
  offline: "Offline",
  in_call: "On a call",
  after_call_work: "After-call work",
  custom: "Custom hours",
};

export function startOfToday(now = new Date()): Date {
  return new Date(now.getFullYear(), now.getMonth(), now.getDate());
}

/** Monday, 00:00 local time. */
export function startOfWeek(now = new Date()): Date {
  const d = startOfToday(now);
  d.setDate(d.getDate() - ((d.getDay() + 6) % 7));
  return d;
}

/**
 * What the Aircall column shows: Aircall's availability is polled sparingly, so while the dialer
 * itself has a call ringing or up the agent is on a call, whatever the last poll said.
 */
export function shownAvailability(polled: string | undefined, status: DialerStatus): string | undefined {
  if ((status === "ringing" || status === "in_call") && (polled === undefined || polled === "available")) return "in_call";
  return polled;
}
