/**
 * The compliance guard for one number, pure: do-not-call list first, then calling hours in every
 * zone the number may be in, then (local presence) the number to call from. The Directory feeds it
 * the list entry, the company settings and the agent's cached Aircall numbers.
 */
import type { CallingHours, DncEntry, GuardResult } from "@dialer/shared";
import { callingHoursDecision } from "./calling-hours";
import type { GuardDecision } from "./guard-types";
import { pickCallerNumber, type CallerNumber } from "./local-presence";

export type GuardInput = {
  phone: string;
  listed: DncEntry | null;
  callingHours: CallingHours;
  /** with local presence on: the agent's Aircall numbers (null when not cached yet) and its own number */
  localPresence: { numbers: CallerNumber[] | null; ownNumberId: number } | null;
  nowMs: number;
};

export function guardDecision(input: GuardInput): GuardDecision {
  const { phone, listed } = input;
  if (listed) {
    const why = listed.reason ? `: ${listed.reason}` : "";
    return { ok: false, reasonCode: "do_not_call", reason: `${phone} is on the company's do-not-call list (added ${listed.addedAt.slice(0, 10)} by ${listed.addedBy}${why}).` };
  }
  const hours = callingHoursDecision(phone, input.callingHours, input.nowMs);
  if (!hours.ok) return { ok: false, reasonCode: "outside_calling_hours", reason: hours.reason, ...(hours.retryAt !== null ? { retryAt: hours.retryAt } : {}) };
  if (!input.localPresence) return { ok: true };
  const { numbers, ownNumberId } = input.localPresence;
  return { ok: true, numberId: numbers ? pickCallerNumber(phone, numbers, ownNumberId) : ownNumberId };
}

/** The API's view of a decision (POST /api/dialer/check): retryAt as ISO, no numberId. */
export function toGuardResult(phone: string, d: GuardDecision): GuardResult {
  if (d.ok) return { phone, ok: true };
  return { phone, ok: false, reasonCode: d.reasonCode, reason: d.reason, ...(d.retryAt !== undefined ? { retryAt: new Date(d.retryAt).toISOString() } : {}) };
}
