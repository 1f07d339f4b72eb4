/** Shared types of the Aircall simulator. */

export type Availability = "available" | "offline" | "do_not_disturb" | "in_call" | "after_call_work";
export const AVAILABILITIES: readonly Availability[] = [
  "available",
  "offline",
  "do_not_disturb",
  "in_call",
  "after_call_work",
];

export interface SimNumberSpec {
  id: number;
  /** E.164 or display format; stored as E.164 and shown in display format. */
  digits: string;
  name?: string;
}

export interface SimUserSpec {
  id: number;
  name: string;
  email: string;
  numbers: SimNumberSpec[];
  /** Aircall's `wrap_up_time`, in seconds (0 = no after-call work). */
  wrapUpTime?: number;
  availability?: "available" | "offline" | "do_not_disturb";
  timeZone?: string;
}

export interface SimTimings {
  createdDelayMs: number;
  ringMs: number;
  talkMs: number;
  endedDelayMs: number;
  /** Real length of after-call work; undefined = the user's wrap_up_time seconds. */
  wrapUpMs?: number;
  /** Gap between call.ended and call.hungup under the "ended_before_hungup" fault. */
  reorderGapMs: number;
  webhookTimeoutMs: number;
  /** Retries after a failed delivery (so attempts = 1 + retries). */
  webhookRetries: number;
  /** First retry waits this long, then doubles. */
  webhookRetryBaseMs: number;
  /** A call shows in GET /v1/calls and /v1/calls/search only this long after the 204 (Aircall lists late). */
  listDelayMs: number;
  /** Plus a random 0..listJitterMs on top of listDelayMs, per call (seeded). */
  listJitterMs: number;
  /** GET /v1/calls/:id answers 404 for this long after the 204 (default 0: at once). */
  getCallDelayMs: number;
  /** How long a start-call "timeout" fault hangs before answering (the worker gives up first). */
  startTimeoutMs: number;
  /** Upper bound of the random delay of a "delay" webhook fault / faultRates.webhookDelay. */
  webhookDelayMaxMs: number;
}

export interface SimOptions extends SimTimings {
  port: number;
  apiId: string;
  apiToken: string;
  webhookUrl: string | undefined;
  webhookToken: string;
  ratePerMinute: number;
  resetUnit: "seconds" | "ms";
  users: SimUserSpec[];
  firstCallId: string;
  /** Which spelling(s) of user events are generated. */
  userEventSpelling: "v2" | "v1" | "both";
  /** Another integration of the company spending the same rolling window: requests per minute. */
  externalLoadPerMin: number;
  /** Seed of the random generator behind jitter and faultRates (same seed, same draws). */
  seed: number;
  /** Probability-based faults (each 0..1), drawn from the seeded generator. */
  faultRates: FaultRates;
  /** A request arriving this long after a 429 was answered, before its reset, is "before reset". */
  beforeResetGraceMs: number;
}

/** Probabilities (0..1) of each fault, drawn per start-call request, per call or per webhook event. */
export interface FaultRates {
  /** Per start-call: 5xx after placing the call. */
  start5xxPlaced?: number;
  /** Per start-call: 5xx, nothing placed. */
  start5xxNotPlaced?: number;
  /** Per start-call: hang for startTimeoutMs, the call placed. */
  startTimeoutPlaced?: number;
  /** Per start-call: hang for startTimeoutMs, nothing placed. */
  startTimeoutNotPlaced?: number;
  /** Per webhook event: never sent. */
  webhookDrop?: number;
  /** Per webhook event: sent twice. */
  webhookDuplicate?: number;
  /** Per webhook event: sent after a random delay up to webhookDelayMaxMs. */
  webhookDelay?: number;
  /** Per call: events out of order (call.hungup before call.answered; call.ended before call.hungup). */
  webhookReorder?: number;
  /** Per answered call: transferred to another user mid-call (call.transferred). */
  transfer?: number;
  /** Per call: unknown values in call fields (a new hangup_cause, an unexpected status, a new field). */
  unknownValues?: number;
}

export type CallOutcome = "answered" | "no_answer" | "busy" | "voicemail";

export interface ScriptEntry {
  outcome: CallOutcome;
  ringMs?: number;
  talkMs?: number;
  endedDelayMs?: number;
  createdDelayMs?: number;
}

/** Keys are E.164 numbers (or "default"); a list is consumed in order, then the default applies. */
export type Script = Record<string, ScriptEntry | ScriptEntry[]>;

/** Faults for POST /v1/users/:id/calls, consumed one per request, in order. */
export interface StartCallFault {
  /** Response status (default 204). */
  status?: number;
  /** Wait this long before answering. */
  delayMs?: number;
  /** Place the call anyway (default: true for 204, false otherwise). */
  placeCall?: boolean;
  /** Hang for options.startTimeoutMs (12 s) and then answer `status` (default 504): past the worker's timeout. */
  timeout?: boolean;
}

export type WebhookFault =
  | { webhook: "drop"; event: string; calls?: number }
  | { webhook: "duplicate"; calls?: number }
  | { webhook: "ended_before_hungup"; calls?: number }
  /** "silent": the call ends in the REST API but call.hungup/call.ended are never sent.
   *  "stuck": the call stays answered everywhere (and the user in_call) until endCall(). */
  | { webhook: "never_end"; mode?: "silent" | "stuck"; calls?: number }
  | { webhook: "no_created"; calls?: number }
  /** call.hungup (and call.ended) before call.answered for an answered call; call.ended before call.hungup otherwise. */
  | { webhook: "reorder"; calls?: number }
  /** Every event of the call is sent after a random delay up to maxMs (default webhookDelayMaxMs). */
  | { webhook: "delay"; maxMs?: number; calls?: number }
  /** The answered call is transferred to another user afterMs into the talk (default half of it). */
  | { webhook: "transfer"; afterMs?: number; calls?: number }
  /** Unknown values in the call's webhook data (hangup_cause, status, an extra field). */
  | { webhook: "unknown_values"; calls?: number };

export type Fault = StartCallFault | WebhookFault;

export function isWebhookFault(f: Fault): f is WebhookFault {
  return typeof (f as { webhook?: unknown }).webhook === "string";
}
