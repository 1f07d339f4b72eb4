/** The simulator's in-memory records (what Aircall would hold in its database). */
import type { Availability, CallOutcome, WebhookFault } from "./types";

export interface UserRecord {
  id: number;
  name: string;
  email: string;
  createdAt: string;
  timeZone: string;
  language: string;
  wrapUpTime: number;
  numberIds: number[];
  /** Logged in to Workspace (false = "offline"). */
  connected: boolean;
  /** The agent's own switch: availability_status "available" (true) or "unavailable". */
  open: boolean;
  /** Set automatically by calls; wins over the rest while set. */
  activity: "in_call" | "after_call_work" | null;
  /** Identifies the running wrap-up, so a stale timer cannot end a later one. */
  wrapUpSeq: number;
  substatus: string | null;
}

/** The fine-grained, read-only availability of GET /v1/users/:id/availability. */
export function availabilityOf(u: UserRecord): Availability {
  if (u.activity) return u.activity;
  if (!u.connected) return "offline";
  return u.open ? "available" : "do_not_disturb";
}

export interface NumberRecord {
  id: number;
  name: string;
  e164: string;
  createdAt: string;
  country: string | null;
  timeZone: string;
}

export interface DeliveryRecord {
  url: string;
  attempt: number;
  status: number | null;
  error: string | null;
  at: number;
}

export interface SentEventRecord {
  event: string;
  callId?: string;
  userId?: number;
  /** Epoch ms when the event was generated. */
  at: number;
  /** Set when a fault kept the event from being sent at all. */
  dropped?: boolean;
  /** Set when a fault held the event back this long before sending it. */
  delayedMs?: number;
  deliveries: DeliveryRecord[];
}

export interface CommentRecord {
  id: number;
  content: string;
  postedAt: number;
}

export interface CallRecord {
  id: bigint;
  sid: string;
  userId: number;
  numberId: number;
  to: string;
  status: "initial" | "answered" | "done";
  outcome: CallOutcome;
  startedAt: number;
  answeredAt: number | null;
  endedAt: number | null;
  duration: number;
  hangupCause: string | null;
  recording: string | null;
  /** True once call.ended's final data is in place. */
  completed: boolean;
  comments: CommentRecord[];
  tagIds: number[];
  faults: WebhookFault[];
  /** The call hit its end under a "stuck" never_end fault and is waiting for endCall(). */
  stuck: boolean;
  events: SentEventRecord[];
  /** Epoch ms from which GET /v1/calls and /v1/calls/search list the call. */
  listableAt: number;
  /** Epoch ms from which GET /v1/calls/:id finds the call. */
  gettableAt: number;
  /** Set when the call was transferred away from userId (the agent is free again). */
  transfer: { toUserId: number; toName: string; at: number } | null;
}

export interface WebhookRecord {
  webhookId: string;
  numericId: number;
  customName: string;
  url: string;
  active: boolean;
  events: string[];
  token: string;
  createdAt: string;
  consecutiveFailures: number;
}

export interface TagRecord {
  id: number;
  name: string;
  color: string;
}

export interface RequestLogEntry {
  method: string;
  path: string;
  query: Record<string, string | string[]>;
  body: unknown;
  status: number;
  /** Epoch ms when the request arrived. */
  receivedAt: number;
  /** High-resolution epoch ms (performance.timeOrigin + performance.now()). */
  receivedAtHr: number;
  durationMs: number;
}

export function hrNow(): number {
  return performance.timeOrigin + performance.now();
}

export function unixSeconds(ms: number = Date.now()): number {
  return Math.floor(ms / 1000);
}
