/**
 * Plays a placed outbound call: call.created after createdDelayMs, then by the scripted outcome
 * call.answered after ringMs and call.hungup after talkMs more (or call.hungup after ringMs when
 * nobody answers), then call.ended endedDelayMs after the hang-up with the final data.
 * Webhook faults (queued per call, or drawn from faultRates) drop, duplicate, delay or reorder
 * events, transfer the call mid-talk, or put unknown values in it.
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

/** Who a transferred call goes to: a colleague that is not one of the simulated agents. */
export const TRANSFER_TARGET = { id: 990_001, name: "Transfer Desk" };

export function placeCall(s: SimState, user: UserRecord, numberId: number, to: string): CallRecord {
  const entry = s.script.next(to);
  const now = Date.now();
  const o = s.options;
  const call: CallRecord = {
    id: s.allocateCallId(),
    sid: `CA${randomBytes(16).toString("hex")}`,
    userId: user.id,
    numberId,
    to,
    status: "initial",
    outcome: entry.outcome,
    startedAt: unixSeconds(now),
    answeredAt: null,
    endedAt: null,
    duration: 0,
    hangupCause: null,
    recording: null,
    completed: false,
    comments: [],
    tagIds: [],
    faults: [...s.faults.takeForCall(), ...drawnCallFaults(s, entry)],
    stuck: false,
    events: [],
    listableAt: now + o.listDelayMs + s.rng.upTo(o.listJitterMs),
    gettableAt: now + o.getCallDelayMs,
    transfer: null,
  };
  s.calls.set(call.id.toString(), call);
  s.counters.callsPlaced += 1;
  user.activity = "in_call";
  play(s, call, entry);
  return call;
}

/** Per-call faults drawn from options.faultRates. */
function drawnCallFaults(s: SimState, entry: ScriptEntry): WebhookFault[] {
  const r = s.options.faultRates;
  const out: WebhookFault[] = [];
  if (s.rng.chance(r.webhookReorder)) out.push({ webhook: "reorder" });
  if (entry.outcome === "answered" && s.rng.chance(r.transfer)) out.push({ webhook: "transfer" });
  if (s.rng.chance(r.unknownValues)) out.push({ webhook: "unknown_values" });
  return out;
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
    // "reorder": call.answered is delivered only after call.hungup.
    emit(s, call, "call.answered", fault(call, "reorder") ? talkMs + o.reorderGapMs : 0);
    const transfer = fault(call, "transfer");
    if (transfer) s.schedule(Math.min(transfer.afterMs ?? Math.floor(talkMs / 2), talkMs), () => transferCall(s, call));
    s.schedule(talkMs, () => hangUp(s, call, endedDelayMs, false));
  });
}

/** call.transferred: the call now belongs to another user; the agent who placed it is free again. */
export function transferCall(s: SimState, call: CallRecord): void {
  if (call.status !== "answered" || call.transfer) return;
  call.transfer = { toUserId: TRANSFER_TARGET.id, toName: TRANSFER_TARGET.name, at: Date.now() };
  emit(s, call, "call.transferred");
  const user = s.users.get(call.userId);
  if (user) afterCall(s, user);
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
  // A transferred call is no longer the agent's: their availability moved on at the transfer.
  const user = call.transfer ? undefined : s.users.get(call.userId);
  if (fault(call, "ended_before_hungup")) {
    complete(s, call);
    s.schedule(s.options.reorderGapMs, () => {
      emit(s, call, "call.hungup");
      if (user) afterCall(s, user);
    });
    return;
  }
  // "reorder" on a call nobody answered: call.hungup is delivered after call.ended.
  const late = fault(call, "reorder") && call.answeredAt === null ? endedDelayMs + s.options.reorderGapMs : 0;
  emit(s, call, "call.hungup", late);
  if (user) afterCall(s, user);
  s.schedule(endedDelayMs, () => complete(s, call));
}

function complete(s: SimState, call: CallRecord): void {
  if (call.answeredAt !== null) call.recording = `${s.baseUrl}/_sim/recordings/${call.id.toString()}.mp3`;
  call.completed = true;
  emit(s, call, "call.ended");
}

export function fault<K extends WebhookFault["webhook"]>(call: CallRecord, kind: K): Extract<WebhookFault, { webhook: K }> | undefined {
  return call.faults.find((f): f is Extract<WebhookFault, { webhook: K }> => f.webhook === kind);
}

function isDropped(s: SimState, call: CallRecord, event: string): boolean {
  if (event === "call.created" && fault(call, "no_created")) return true;
  const neverEnd = fault(call, "never_end");
  if ((event === "call.hungup" || event === "call.ended") && neverEnd && neverEnd.mode !== "stuck") return true;
  if (call.faults.some((f) => f.webhook === "drop" && f.event === event)) return true;
  return s.rng.chance(s.options.faultRates.webhookDrop);
}

/** Extra delay of one event: the call's "delay" fault, or a draw from faultRates.webhookDelay. */
function randomDelay(s: SimState, call: CallRecord): number {
  const queued = fault(call, "delay");
  if (queued) return s.rng.upTo(queued.maxMs ?? s.options.webhookDelayMaxMs);
  return s.rng.chance(s.options.faultRates.webhookDelay) ? s.rng.upTo(s.options.webhookDelayMaxMs) : 0;
}

function emit(s: SimState, call: CallRecord, event: string, delayMs = 0): void {
  const callId = call.id.toString();
  if (isDropped(s, call, event)) {
    call.events.push({ event, callId, at: Date.now(), dropped: true, deliveries: [] });
    return;
  }
  const data = callWebhookData(s, call, event);
  const delay = delayMs + randomDelay(s, call);
  call.events.push(dispatch(s, "call", event, data, { callId }, delay));
  if (fault(call, "duplicate") || s.rng.chance(s.options.faultRates.webhookDuplicate)) {
    call.events.push(dispatch(s, "call", event, data, { callId }, delay + s.rng.upTo(s.options.reorderGapMs)));
  }
}
