/**
 * The compliance guard's answer for one number, asked right before every start-call (and when a
 * number is queued, to mark it in the popup). The Directory is the authority: do-not-call list first,
 * then calling hours in every time zone the number may be in.
 */
export type GuardCode = "do_not_call" | "outside_calling_hours";

export type GuardDecision =
  /** `numberId`: with local presence, the agent's Aircall number to call from (else the agent's own) */
  | { ok: true; numberId?: number }
  /** `retryAt` (epoch ms): when the number may be dialed (the calling window opens in all its zones) */
  | { ok: false; reasonCode: GuardCode; reason: string; retryAt?: number };
