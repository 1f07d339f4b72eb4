/**
 * Plays a placed outbound call: call.created after createdDelayMs, then by the scripted outcome
 * call.answered after ringMs and call.hungup after talkMs more (or call.hungup after ringMs when
 * nobody answers), then call.ended endedDelayMs after the hang-up with the final data.
 */
import { randomBytes } from "node:crypto";
import { unixSeconds, type CallRecord, type UserRecord } from "./records";
import { callWebhookData } from "./serialize";
import type { SimState } from "./state";
import type { ScriptEntry, WebhookFault } from "./types";
import { afterCall } from "./user-availability";
import { dispatch } from "./webhook-sender";

const HANGUP_CAUSE: Record<string, string | null> = {
  answered: null,
  no_answer: "no_answer",
  busy: "busy",
  voicemail: "voicemail",
};

export function placeCall(s: SimState, user: UserRecord, numberId: number, to: string): CallRecord {
  const entry = s.script.next(to);
  const call: CallRecord = {
    id: s.allocateCallId(),
    sid: `CA${randomBytes(16).toString("hex")}`,
    userId: user.id,
    numberId,
    to,
    status: "initial",
    outcome: entry.outcome,
    startedAt: unixSeconds(),
    answeredAt: null,
    endedAt: null,
    duration: 0,
    hangupCause: null,
    recording: null,
    completed: false,
    comments: [],
    tagIds: [],
    faults: s.faults.takeForCall(),
    stuck: false,
    events: [],
  };
  s.calls.set(call.id.toString(), call);
  s.counters.callsPlaced += 1;
  user.activity = "in_call";
  play(s, call, entry);
  return call;
}

function play(s: SimState, call: CallRecord, entry: ScriptEntry): void {
  const o = s.options;
  const createdMs = entry.createdDelayMs ?? o.createdDelayMs;
  const ringMs = entry.ringMs ?? o.ringMs;
  const talkMs = entry.talkMs ?? o.talkMs;
  const endedDelayMs = entry.endedDelayMs ?? o.endedDelayMs;
  s.schedule(createdMs, () => emit(s, call, "call.created"));
  if (entry.outcome !== "answered") {
    s.schedule(createdMs + ringMs, () => hangUp(s, call, endedDelayMs, false));
    return;
  }
  s.schedule(createdMs + ringMs, () => {
    if (call.status !== "initial") return; // ended early by endCall()
    call.status = "answered";
    call.answeredAt = unixSeconds();
    emit(s, call, "call.answered");
    s.schedule(talkMs, () => hangUp(s, call, endedDelayMs, false));
  });
}

/** End the call now. `force` ends a call held open by a "stuck" never_end fault. */
export function hangUp(s: SimState, call: CallRecord, endedDelayMs: number, force: boolean): void {
  if (call.status === "done") return;
  if (!force && fault(call, "never_end")?.mode === "stuck") {
    call.stuck = true;
    return;
  }
  call.stuck = false;
  call.status = "done";
  call.endedAt = unixSeconds();
  call.duration = call.endedAt - call.startedAt;
  call.hangupCause = HANGUP_CAUSE[call.outcome] ?? null;
  const user = s.users.get(call.userId);
  if (fault(call, "ended_before_hungup")) {
    complete(s, call);
    s.schedule(s.options.reorderGapMs, () => {
      emit(s, call, "call.hungup");
      if (user) afterCall(s, user);
    });
    return;
  }
  emit(s, call, "call.hungup");
  if (user) afterCall(s, user);
  s.schedule(endedDelayMs, () => complete(s, call));
}

function complete(s: SimState, call: CallRecord): void {
  if (call.answeredAt !== null) call.recording = `${s.baseUrl}/_sim/recordings/${call.id.toString()}.mp3`;
  call.completed = true;
  emit(s, call, "call.ended");
}

function fault<K extends WebhookFault["webhook"]>(call: CallRecord, kind: K): Extract<WebhookFault, { webhook: K }> | undefined {
  return call.faults.find((f): f is Extract<WebhookFault, { webhook: K }> => f.webhook === kind);
}

function isDropped(call: CallRecord, event: string): boolean {
  if (event === "call.created" && fault(call, "no_created")) return true;
  const neverEnd = fault(call, "never_end");
  if ((event === "call.hungup" || event === "call.ended") && neverEnd && neverEnd.mode !== "stuck") return true;
  return call.faults.some((f) => f.webhook === "drop" && f.event === event);
}

function emit(s: SimState, call: CallRecord, event: string): void {
  const callId = call.id.toString();
  if (isDropped(call, event)) {
    call.events.push({ event, callId, at: Date.now(), dropped: true, deliveries: [] });
    return;
  }
  const data = callWebhookData(s, call);
  call.events.push(dispatch(s, "call", event, data, { callId }));
  if (fault(call, "duplicate")) call.events.push(dispatch(s, "call", event, data, { callId }));
}
