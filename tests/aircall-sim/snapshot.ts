/** Plain, JSON-safe views of the simulator's state (call ids as exact decimal strings). */
import { availabilityOf, type CallRecord, type SentEventRecord } from "./records";
import type { SimCounters, SimState } from "./state";
import type { Availability, WebhookFault } from "./types";
import { webhookObject } from "./routes-webhooks";

/** A call as the control API shows it: the record's fields, with the id as an exact string. */
export type SimCallSnapshot = Pick<
  CallRecord,
  "userId" | "numberId" | "to" | "status" | "outcome" | "startedAt" | "answeredAt" | "endedAt" | "duration" | "hangupCause" | "recording"
> & {
  id: string;
  stuck: boolean;
  /** Epoch ms from which list/search show the call. */
  listableAt: number;
  transfer: CallRecord["transfer"];
  faults: WebhookFault[];
  /** Events generated for this call, in order (dropped ones are marked). */
  events: SentEventRecord[];
};

export interface SimUserSnapshot {
  id: number;
  name: string;
  email: string;
  availability: Availability;
  availabilityStatus: "available" | "unavailable";
  connected: boolean;
  wrapUpTime: number;
  numberIds: number[];
}

export function callSnapshot(c: CallRecord): SimCallSnapshot {
  return structuredClone({
    id: c.id.toString(),
    userId: c.userId,
    numberId: c.numberId,
    to: c.to,
    status: c.status,
    outcome: c.outcome,
    startedAt: c.startedAt,
    answeredAt: c.answeredAt,
    endedAt: c.endedAt,
    duration: c.duration,
    hangupCause: c.hangupCause,
    recording: c.recording,
    stuck: c.stuck,
    listableAt: c.listableAt,
    transfer: c.transfer,
    faults: c.faults,
    events: c.events,
  });
}

export function userSnapshots(s: SimState): SimUserSnapshot[] {
  return [...s.users.values()].map((u) => ({
    id: u.id,
    name: u.name,
    email: u.email,
    availability: availabilityOf(u),
    availabilityStatus: u.open ? "available" : "unavailable",
    connected: u.connected,
    wrapUpTime: u.wrapUpTime,
    numberIds: [...u.numberIds],
  }));
}

export interface SimStateSnapshot {
  url: string;
  users: SimUserSnapshot[];
  calls: SimCallSnapshot[];
  webhooks: Record<string, unknown>[];
  counters: SimCounters;
  rate: { limit: number; inWindow: number };
  script: ReturnType<SimState["script"]["snapshot"]>;
  faults: ReturnType<SimState["faults"]["snapshot"]>;
  recentEvents: SentEventRecord[];
}

export function stateSnapshot(s: SimState): SimStateSnapshot {
  return {
    url: s.baseUrl,
    users: userSnapshots(s),
    calls: [...s.calls.values()].map(callSnapshot),
    webhooks: s.webhooks.map((w) => ({ ...webhookObject(s, w), consecutive_failures: w.consecutiveFailures })),
    counters: { ...s.counters },
    rate: { limit: s.options.ratePerMinute, inWindow: s.rate.inWindow() },
    script: s.script.snapshot(),
    faults: s.faults.snapshot(),
    recentEvents: structuredClone(s.eventLog.slice(-200)),
  };
}
