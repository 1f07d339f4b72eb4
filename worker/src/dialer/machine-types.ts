import type { DialerStatus, Outcome, QueueItem } from "@dialer/shared";

/** What the machine knows about a call from a webhook or from Aircall's REST API. */
export type CallInfo = {
  id: string;
  direction: string;
  digits: string; // digits only of raw_digits / external participant
  startedAt: number | null; // ms
  answeredAt: number | null; // ms
  endedAt: number | null; // ms
  duration: number | null; // seconds, ringing included
  recording: string | null;
};

export type CallPhase = "dialing" | "ringing" | "in_call";

/** The call the run is on now: from the dial until it ends. */
export type Current = {
  dialId: number;
  item: QueueItem;
  phase: CallPhase;
  attempt: number; // 1-based dial attempts for this item
  sentAt: number; // ms, when the latest start-call was sent
  callId?: string;
  startedAt?: number;
  answeredAt?: number;
  /** a start-call failed without a trace of the call: dial again at this time */
  retryAt?: number;
  /** when the first start-call for this item was sent: calls older than this are not ours */
  firstSentAt: number;
  /** searches for the call that found nothing since the latest start-call */
  emptyLookups?: number;
};

export type MachineState = {
  status: DialerStatus;
  queue: QueueItem[]; // pending items, in dial order
  delaySeconds: number;
  current?: Current;
  nextDialAt?: number; // countdown (wrap_up) or a scheduled retry
  watchdogAt?: number;
  pausedReason?: string;
  pausedFrom?: DialerStatus;
  /** paused by Aircall (405, agent unavailable): resume by itself when the agent is available */
  autoResume?: boolean;
  /** while auto-paused: when to ask Aircall for the agent's availability if no event came */
  recheckAt?: number;
  /** consecutive start-calls that failed without a trace of a call */
  failures: number;
  /** consecutive numbers Aircall refused (400): a setup problem when it keeps happening */
  rejections?: number;
  /** ids of the latest finished calls: a late event for one of them never matches a new dial */
  recentCallIds?: string[];
  dialSeq: number;
  /** dialSeq when the run started: history rows after it belong to this run */
  runFrom?: number;
  done: number;
  availability?: string;
};

export type DialResult =
  | { kind: "sent" }
  | { kind: "rejected"; message: string } // 400: the number is refused
  | { kind: "unavailable"; message: string } // 405: user not available
  | { kind: "refused"; message: string } // 401/403/404: credentials or user wrong
  | { kind: "uncertain"; message: string } // timeout / 5xx: maybe placed
  | { kind: "cancelled" }; // not sent: the run moved on while it waited for a rate-limit slot

export type MachineEvent =
  | { type: "start"; items: QueueItem[]; delaySeconds?: number; now: number }
  | { type: "pause"; now: number; reason?: string }
  | { type: "resume"; now: number }
  | { type: "skip"; now: number }
  | { type: "stop"; now: number }
  /** `handled`: ids already dialled or skipped in this run (from history), never queued again */
  | { type: "queue.replace"; items: QueueItem[]; handled?: ReadonlySet<string>; now: number }
  | { type: "timer"; now: number }
  | { type: "dial.result"; dialId: number; result: DialResult; now: number }
  | { type: "lookup.result"; dialId: number; call: CallInfo | null; now: number }
  | { type: "call"; event: string; call: CallInfo; now: number }
  | { type: "user"; event: string; availability: string | null; now: number }
  | { type: "availability"; availability: string; now: number };

export type HistoryFields = {
  callId?: string | null;
  outcome?: Outcome;
  reason?: string | null;
  startedAt?: number | null;
  answeredAt?: number | null;
  endedAt?: number | null;
  durationSeconds?: number | null;
  talkSeconds?: number | null;
  recordingUrl?: string | null;
  final?: boolean;
};

export type Effect =
  | { type: "dial"; dialId: number; phone: string }
  | { type: "lookup.dial"; dialId: number; phone: string; sentAt: number }
  | { type: "lookup.call"; dialId: number; callId: string }
  | { type: "check.availability" }
  | { type: "history.open"; dialId: number; item: QueueItem; dialAt: number }
  | { type: "history.update"; dialId: number; fields: HistoryFields }
  | { type: "history.discard"; dialId: number }
  | { type: "history.updateCall"; callId: string; fields: HistoryFields }
  | { type: "history.skipped"; dialId: number; item: QueueItem; at: number; reason: string }
  | { type: "push.ended"; itemId: string; callId: string | null; outcome: Outcome; nextDialAt?: number };

export type Transition = { state: MachineState; effects: Effect[]; error?: { code: "conflict"; message: string } };
