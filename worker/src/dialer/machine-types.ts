import type { DialerStatus, Disposition, Outcome, QueueItem } from "@dialer/shared";

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
  /** read from Aircall: the call now belongs to another user (transferred away from this agent) */
  transferredAway?: boolean;
  /** Aircall's status ("initial" | "answered" | "done" | anything new), when known */
  status?: string | null;
};

export type CallPhase = "dialing" | "ringing" | "in_call";

/** The call the run is on now: from the dial decision until it ends. */
export type Current = {
  dialId: number;
  item: QueueItem;
  phase: CallPhase;
  attempt: number; // 1-based dial attempts for this item
  /** when the latest start-call went out (for a dial sent at once: when it was decided) */
  sentAt: number;
  /** the latest start-call waits for a rate-limit slot: it has not gone out yet */
  queued?: boolean;
  callId?: string;
  startedAt?: number;
  answeredAt?: number;
  /** a start-call failed without a trace of the call: dial again at this time */
  retryAt?: number;
  /** when the first start-call for this item went out: calls older than this are not ours */
  firstSentAt: number;
  /** a callback or retry whose time came (the extension holds no row for it: the worker keeps it) */
  why?: Scheduled["why"];
  /** Aircall may list the call from `listFrom` + listDelay on (the send, or a timed-out answer's arrival) */
  listFrom?: number;
  /** reads of the followed call in a row that found it still live (the watchdog backs off) */
  quietReads?: number;
  /** searches made late enough to list the call that found nothing, since the latest start-call */
  emptyLookups?: number;
  /** searches or reads that failed (4xx, 5xx, schema, lost) in a row */
  lookupErrors?: number;
  /** the one search or read in progress for this dial: its number and when it was asked for */
  lookup?: { seq: number; at: number };
  lookupSeq?: number;
};

/** A finished call whose final data (call.ended) has not come: read it from Aircall at `dueAt`. */
export type Unfinal = { callId: string; dueAt: number; tries: number };

/**
 * A dial given up on without knowing whether Aircall placed it: a late event for it still completes
 * its row (and, once its call is known, every later event of that call), and takes its item out of
 * the queue if it was put back.
 */
export type Orphan = { dialId: number; itemId: string; digits: string; firstSentAt: number; callId?: string };

/** A number the run brings back at `dueAt`: a disposition's retry, or a callback the agent set. */
export type Scheduled = {
  item: QueueItem;
  dueAt: number;
  why: "retry" | "callback";
  /** dials of this number so far (the retry's maxAttempts counts them) */
  attempts: number;
  /** its time has come: it waits in the run's queue, or for the next run */
  due: boolean;
};

/** The run waits for the agent's wrap-up of this call (started with requireWrapUp). */
export type AwaitingWrapUp = { itemId: string; callId: string | null; dialId: number };

export type MachineState = {
  status: DialerStatus;
  queue: QueueItem[]; // pending items, in dial order
  delaySeconds: number;
  current?: Current;
  nextDialAt?: number; // countdown (wrap_up) or a scheduled retry
  watchdogAt?: number;
  pausedReason?: string;
  pausedFrom?: DialerStatus;
  /** paused by Aircall (405, agent unavailable, Workspace closed): resume by itself when the agent is available */
  autoResume?: boolean;
  /** while auto-paused: when to ask Aircall for the agent's availability if no event came */
  recheckAt?: number;
  /** availability checks made during this automatic pause (they back off) */
  rechecks?: number;
  /** Aircall Workspace closed (user.disconnected) and not opened since */
  disconnected?: boolean;
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
  /** bumped whenever the worker itself puts an item back into the queue (queue edits say which they saw) */
  queueRev?: number;
  /** items the worker put back, with the queueRev that did it: an edit that did not see them keeps them */
  /**
   * Items the worker put in the queue itself: numbers it took back (kept by edits made from an older
   * `queueRev`), and scheduled numbers whose time came (`why`: the extension holds no row for them,
   * so every edit keeps them until they are dialed or dropped).
   */
  restored?: { id: string; rev: number; why?: Scheduled["why"]; dueAt?: number }[];
  unfinal?: Unfinal[];
  orphans?: Orphan[];
  /** the run was started with "wait for my wrap-up" */
  requireWrapUp?: boolean;
  awaitingWrapUp?: AwaitingWrapUp;
  scheduled?: Scheduled[];
  /** dials so far of items that came back from the schedule (by item id) */
  attemptsOf?: Record<string, number>;
};

export type DialResult =
  | { kind: "sent" }
  | { kind: "rejected"; message: string } // 400: the number is refused
  | { kind: "unavailable"; message: string } // 405: user not available
  | { kind: "refused"; message: string } // 401/403/404: credentials or user wrong
  | { kind: "uncertain"; message: string } // timeout / 5xx: maybe placed
  | { kind: "cancelled" }; // not sent: the run moved on while it waited for a rate-limit slot

export type MachineEvent =
  | { type: "start"; items: QueueItem[]; delaySeconds?: number; requireWrapUp?: boolean; now: number }
  | { type: "pause"; now: number; reason?: string }
  | { type: "resume"; now: number }
  | { type: "skip"; now: number }
  | { type: "stop"; now: number }
  /** `handled`: ids already dialled or skipped in this run (from history), never queued again;
   *  `baseRev`: the queueRev of the state the client edited (absent: an old client, assume it saw nothing) */
  | { type: "queue.replace"; items: QueueItem[]; handled?: ReadonlySet<string>; baseRev?: number; now: number }
  | { type: "timer"; now: number }
  /** the start-call must wait for a rate-limit slot (or Aircall said 429): it has not gone out */
  | { type: "dial.queued"; dialId: number; attempt: number; now: number }
  /** the start-call that waited is going out now (persisted before the request leaves) */
  | { type: "dial.sent"; dialId: number; attempt: number; now: number }
  | { type: "dial.result"; dialId: number; attempt?: number; result: DialResult; now: number }
  /** the compliance guard refused the number right before its start-call: nothing was sent */
  | { type: "dial.guarded"; dialId: number; attempt: number; reasonCode: string; reason: string; retryAt?: number; now: number }
  /**
   * The agent's wrap-up of a call (the Durable Object checked the item, the disposition and the
   * callback time). `dialId`: the history row; `callId`: its call, if any; `item`: what was dialed.
   */
  | { type: "wrapup"; dialId: number; item: QueueItem; callId: string | null; disposition: Disposition; note?: string; callbackAt?: number; correction: boolean; now: number }
  | { type: "scheduled.now"; itemId: string; now: number }
  | { type: "scheduled.drop"; itemId: string; now: number }
  /**
   * The answer to lookup `seq` of a dial. `calls`: what Aircall listed (a search) or the call read
   * by id ([] when Aircall no longer knows it); `error` instead when the request failed.
   * `searchedAt`: when the request actually went out.
   */
  | { type: "lookup.result"; dialId: number; seq: number; calls?: CallInfo[]; error?: string; searchedAt: number; now: number }
  /** the read of a finished call's final data: null when it failed */
  | { type: "final.result"; callId: string; call: CallInfo | null; now: number }
  /** `campaign`: the number is in the agent's Aircall Power Dialer campaign (a call of theirs we did not dial) */
  | { type: "call"; event: string; call: CallInfo; now: number; campaign?: { phone: string; name?: string } }
  | { type: "user"; event: string; availability: string | null; now: number }
  | { type: "availability"; availability: string; now: number };

export type HistoryFields = {
  callId?: string | null;
  outcome?: Outcome;
  reason?: string | null;
  reasonCode?: string | null;
  startedAt?: number | null;
  answeredAt?: number | null;
  endedAt?: number | null;
  durationSeconds?: number | null;
  talkSeconds?: number | null;
  recordingUrl?: string | null;
  final?: boolean;
  disposition?: string | null;
  note?: string | null;
  callbackAt?: number | null;
  retryAt?: number | null;
};

export type Effect =
  | { type: "dial"; dialId: number; attempt: number; phone: string }
  | { type: "lookup.dial"; dialId: number; seq: number; phone: string; fromMs: number }
  | { type: "lookup.call"; dialId: number; seq: number; callId: string }
  | { type: "lookup.final"; callId: string }
  | { type: "check.availability" }
  /** the REST fallback found what a webhook should have told: check the webhook is still active */
  | { type: "webhook.missing" }
  /** the wrap-up written to Aircall: the note as a comment, the disposition as a tag (retried until done) */
  | { type: "aircall.comment"; callId: string; content: string; seq: number; tries?: number }
  | { type: "aircall.tag"; callId: string; dispositionId: string; tries?: number }
  /** the contact during the call, in Aircall Workspace (skipped quietly if Aircall refuses it) */
  | { type: "aircall.insight"; callId: string; item: QueueItem; attempts: number }
  | { type: "dnc.add"; phone: string; reason: string; tries?: number }
  | { type: "history.open"; dialId: number; item: QueueItem; dialAt: number }
  | { type: "history.update"; dialId: number; fields: HistoryFields }
  | { type: "history.discard"; dialId: number }
  | { type: "history.updateCall"; callId: string; fields: HistoryFields }
  | { type: "history.skipped"; dialId: number; item: QueueItem; at: number; reason: string; reasonCode: string }
  | { type: "push.ended"; itemId: string; callId: string | null; outcome: Outcome; nextDialAt?: number; reasonCode?: string; retryAt?: number };

export type Transition = { state: MachineState; effects: Effect[]; error?: { code: "conflict"; message: string } };
