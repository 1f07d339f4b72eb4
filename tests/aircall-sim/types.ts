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
}

export type WebhookFault =
  | { webhook: "drop"; event: string; calls?: number }
  | { webhook: "duplicate"; calls?: number }
  | { webhook: "ended_before_hungup"; calls?: number }
  /** "silent": the call ends in the REST API but call.hungup/call.ended are never sent.
   *  "stuck": the call stays answered everywhere (and the user in_call) until endCall(). */
  | { webhook: "never_end"; mode?: "silent" | "stuck"; calls?: number }
  | { webhook: "no_created"; calls?: number };

export type Fault = StartCallFault | WebhookFault;

export function isWebhookFault(f: Fault): f is WebhookFault {
  return typeof (f as { webhook?: unknown }).webhook === "string";
}
