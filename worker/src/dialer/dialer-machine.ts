/**
 * The agent's run as a pure state machine: transition(state, event) → { state, effects }.
 * No I/O here; the AgentDialer Durable Object applies the effects (start calls, searches, history
 * rows, WebSocket pushes) and feeds their results back in as events.
 *
 *   idle ─start→ dialing ─call.created→ ringing ─call.answered→ in_call
 *                   │                      └──────call.hungup/ended──┐        │
 *                   │                                                ▼        ▼
 *                   │                 completed ←(queue empty)── next dial ←──┘
 *                   │                                  │ delay > 0
 *                   │                                  ▼
 *                   │                               wrap_up ─timer→ dialing
 *   any running state ─pause→ paused ─resume→ (the call's phase, or the next dial)
 *   any running state ─stop→ stopped
 *
 * A dial is exactly once. Aircall answers a start-call with 204 and no id, lists calls late, and a
 * 5xx or timeout may or may not have placed the call, so:
 * - a start-call waiting for a rate-limit slot has not gone out (dial.queued): no watchdog, no
 *   search; Pause and Stop take it back; the watchdog counts from dial.sent;
 * - at most one search or read is in progress per dial (`current.lookup`), and its answer counts only
 *   for the attempt it was asked for;
 * - an empty search counts as "not placed" only when it went out `listDelayMs` after the start-call,
 *   and only a second one confirms it; a search never adopts a call that ended before the dial or
 *   that the run already followed;
 * - searches that keep failing end the dial after `maxLookupErrors`: the run pauses with the reason,
 *   the number is not dialed again (a late event for it still completes its row).
 */
import { digitsOnly, type Outcome } from "@dialer/shared";
import type { CallInfo, Current, Effect, MachineEvent, MachineState, Scheduled, Transition } from "./machine-types";

export type MachineConfig = {
  watchdogMs: number;
  maxFailures: number;
  retryBackoffMs: number;
  /** Aircall lists a call this long after it exists at most: an earlier empty search proves nothing */
  listDelayMs: number;
  /** between the two empty searches that confirm "not placed", and after a failed search */
  lookupDelayMs: number;
  maxRejections: number;
  /** failed searches/reads in a row before the run gives up on the dial and pauses */
  maxLookupErrors: number;
  /** a search or read with no answer after this long is lost (the object restarted mid-request) */
  lookupLostMs: number;
  /** read a finished call again this long after its end when call.ended has not come */
  finalDelayMs: number;
  maxFinalTries: number;
  /** reads of a live call and availability checks back off up to this interval */
  maxQuietMs: number;
  /** a call Aircall still shows live after this long is closed with what is known (a stuck call) */
  maxCallMs: number;
};
export const DEFAULT_CONFIG: MachineConfig = {
  watchdogMs: 60_000,
  maxFailures: 3,
  retryBackoffMs: 5_000,
  listDelayMs: 30_000,
  lookupDelayMs: 15_000,
  maxRejections: 3,
  maxLookupErrors: 3,
  lookupLostMs: 7 * 60_000,
  finalDelayMs: 90_000,
  maxFinalTries: 4,
  maxQuietMs: 15 * 60_000,
  maxCallMs: 4 * 3600_000,
};

/** Clock skew allowed between the worker and Aircall's started_at (whole seconds). */
export const MATCH_SKEW_MS = 10_000;
const RECENT_CALLS = 20;
const MAX_UNFINAL = 50;
const MAX_ORPHANS = 5;
const MAX_SCHEDULED = 500;

export function initialState(delaySeconds = 5): MachineState {
  return { status: "idle", queue: [], delaySeconds, failures: 0, dialSeq: 0, done: 0 };
}

const CALL_PHASES = new Set(["dialing", "ringing", "in_call"]);
export const isRunning = (s: MachineState) => CALL_PHASES.has(s.status) || s.status === "wrap_up";
const isCallPhase = (status: string) => CALL_PHASES.has(status);

const ok = (state: MachineState, effects: Effect[] = []): Transition => ({ state, effects });
const conflict = (state: MachineState, message: string): Transition => ({
  state,
  effects: [],
  error: { code: "conflict", message },
});

export function transition(s: MachineState, e: MachineEvent, cfg: MachineConfig = DEFAULT_CONFIG): Transition {
  switch (e.type) {
    case "start": {
      if (isRunning(s) || s.status === "paused") return conflict(s, "A run is already in progress: pause or stop it first, or edit the queue.");
      // Numbers the schedule brought back while no run was going come first.
      const due = (s.scheduled ?? []).filter((x) => x.due);
      const next: MachineState = {
        ...s,
        queue: [...due.map((x) => x.item), ...e.items.filter((i) => !due.some((x) => x.item.id === i.id))],
        scheduled: (s.scheduled ?? []).filter((x) => !x.due),
        attemptsOf: withAttempts(s, due),
        requireWrapUp: e.requireWrapUp ?? false,
        awaitingWrapUp: undefined,
        delaySeconds: e.delaySeconds ?? s.delaySeconds,
        pausedReason: undefined,
        pausedFrom: undefined,
        autoResume: false,
        recheckAt: undefined,
        failures: 0,
        nextDialAt: undefined,
        done: 0,
        runFrom: s.dialSeq,
        restored: scheduledBack([], due, s.queueRev ?? 0),
      };
      return startFresh(s, next, e.now, cfg);
    }
    case "pause": {
      // Pausing over a pause Aircall caused makes it the agent's: it no longer lifts by itself.
      if (s.status === "paused") return ok(s.autoResume ? pause(s, e.reason ?? "Paused by you", false) : s);
      if (!isRunning(s)) return conflict(s, "There is no run to pause.");
      const taken = takeBackUnsent(s);
      return ok(pause(taken.state, e.reason ?? "Paused by you", false), taken.effects);
    }
    case "resume": {
      if (s.status !== "paused") return conflict(s, "The run is not paused.");
      return resume(s, e.now, cfg);
    }
    case "skip": {
      if (s.current && (isCallPhase(s.status) || s.status === "paused"))
        return conflict(s, "A call is in progress: hang up in Aircall and the run moves on.");
      if (s.status !== "wrap_up" && s.status !== "paused") return conflict(s, "There is no run to skip in.");
      const [item, ...rest] = s.queue;
      if (!item) return conflict(s, "Nothing left to skip.");
      const effects: Effect[] = [
        { type: "history.skipped", dialId: s.dialSeq + 1, item, at: e.now, reason: "Skipped by the agent", reasonCode: "skipped_by_agent" },
        { type: "push.ended", itemId: item.id, callId: null, outcome: "skipped", nextDialAt: rest.length ? s.nextDialAt : undefined },
      ];
      const next: MachineState = { ...s, queue: rest, dialSeq: s.dialSeq + 1 };
      if (s.status === "wrap_up" && rest.length === 0) return ok(complete(next), effects);
      return ok(next, effects);
    }
    case "stop": {
      if (s.status === "idle" || s.status === "completed" || s.status === "stopped") return ok(s);
      const stopped: MachineState = { ...s, status: "stopped", nextDialAt: undefined, pausedReason: undefined, pausedFrom: undefined, autoResume: false, recheckAt: undefined };
      // A dial not sent (waiting for a slot, or to be sent again) has no call to follow: it ends here.
      // One that went out is kept, to match its call.
      const cur = s.current;
      if (cur && !cur.callId && (cur.queued || cur.retryAt !== undefined))
        return ok({ ...stopped, current: undefined, watchdogAt: undefined }, [{ type: "history.discard", dialId: cur.dialId }]);
      return ok(stopped);
    }
    case "queue.replace":
      return ok(replaceQueue(s, e));
    case "timer":
      return onTimer(s, e.now, cfg);
    case "dial.queued": {
      const cur = s.current;
      if (!cur || cur.dialId !== e.dialId || cur.attempt !== e.attempt || cur.callId) return ok(s);
      return ok({ ...s, current: { ...cur, queued: true }, watchdogAt: undefined });
    }
    case "dial.sent": {
      const cur = s.current;
      if (!cur || cur.dialId !== e.dialId || cur.attempt !== e.attempt || cur.callId) return ok(s);
      const current: Current = { ...cur, queued: false, sentAt: e.now, firstSentAt: cur.attempt === 1 ? e.now : cur.firstSentAt, emptyLookups: 0, lookup: undefined };
      return ok({ ...s, current, watchdogAt: e.now + cfg.watchdogMs });
    }
    case "dial.result":
      return onDialResult(s, e, cfg);
    case "dial.guarded": {
      const cur = s.current;
      if (!cur || cur.dialId !== e.dialId || cur.attempt !== e.attempt || cur.callId) return ok(s);
      // Nothing was sent: the run moves on at once; the row says why (and when it may be dialed).
      const t = finish(s, cur, null, "skipped", e.now, cfg, { reason: e.reason, reasonCode: e.reasonCode, retryAt: e.retryAt, immediate: true });
      // A callback or retry has no row in the extension to wait in: the worker keeps it for when it may ring.
      if (!cur.why || e.retryAt === undefined) return t;
      const again: Scheduled = { item: cur.item, dueAt: e.retryAt, why: cur.why, attempts: s.attemptsOf?.[cur.item.id] ?? 1, due: false };
      const scheduled = [...(t.state.scheduled ?? []).filter((x) => x.item.id !== cur.item.id), again].slice(-MAX_SCHEDULED);
      return ok({ ...t.state, scheduled }, t.effects);
    }
    case "wrapup":
      return onWrapUp(s, e, cfg);
    case "scheduled.now": {
      const x = s.scheduled?.find((y) => y.item.id === e.itemId);
      if (!x) return conflict(s, "That number is not scheduled.");
      return bringBack(s, [x], e.now, cfg);
    }
    case "scheduled.drop": {
      const waiting = s.restored?.some((r) => r.id === e.itemId && r.why) && s.queue.some((i) => i.id === e.itemId);
      if (!s.scheduled?.some((y) => y.item.id === e.itemId) && !waiting) return conflict(s, "That number is not scheduled.");
      return ok(unschedule(s, e.itemId));
    }
    case "lookup.result":
      return onLookupResult(s, e, cfg);
    case "final.result":
      return onFinalResult(s, e, cfg);
    case "call": {
      const t = onCallEvent(s, e.event, e.call, e.now, cfg);
      if (!e.campaign || t.state !== s || t.effects.length) return t;
      return fromCampaign(s, e.event, e.call, e.campaign, e.now, cfg);
    }
    case "user":
      return onUserEvent(s, e.event, e.availability, e.now, cfg);
    case "availability": {
      // Aircall's REST answer while auto-paused: no user event may ever come (a call placed by
      // hand with no wrap-up time sends none), so this is how the run notices the agent is free.
      const next: MachineState = { ...s, availability: e.availability };
      if (e.availability === "available") next.disconnected = false;
      if (s.status === "paused" && s.autoResume && e.availability === "available") return resume(next, e.now, cfg);
      return ok(next);
    }
  }
}

// ---------- dialing ----------

function dialNext(s: MachineState, now: number, cfg: MachineConfig): Transition {
  const [item, ...rest] = s.queue;
  if (!item) return ok(complete(s));
  const dialId = s.dialSeq + 1;
  const why = s.restored?.find((r) => r.id === item.id)?.why;
  const current: Current = { dialId, item, phase: "dialing", attempt: 1, sentAt: now, firstSentAt: now, ...(why ? { why } : {}) };
  const state: MachineState = {
    ...s,
    status: "dialing",
    queue: rest,
    dialSeq: dialId,
    current,
    nextDialAt: undefined,
    watchdogAt: now + cfg.watchdogMs,
    restored: s.restored?.filter((r) => r.id !== item.id),
    awaitingWrapUp: undefined,
  };
  return ok(state, [
    { type: "history.open", dialId, item, dialAt: now },
    { type: "dial", dialId, attempt: 1, phone: item.phone },
  ]);
}

function redial(s: MachineState, cur: Current, now: number, cfg: MachineConfig): Transition {
  const attempt = cur.attempt + 1;
  const current: Current = { ...cur, attempt, sentAt: now, queued: false, phase: "dialing", retryAt: undefined, emptyLookups: 0, lookupErrors: 0, lookup: undefined };
  return ok({ ...s, status: "dialing", current, watchdogAt: now + cfg.watchdogMs }, [{ type: "dial", dialId: cur.dialId, attempt, phone: cur.item.phone }]);
}

/** A dial that has not gone out (waiting for a slot, or to be sent again) goes back to the queue's head. */
function takeBackUnsent(s: MachineState): Transition {
  const cur = s.current;
  if (!cur || cur.callId || !(cur.queued || cur.retryAt !== undefined)) return ok(s);
  return ok(restore({ ...s, current: undefined, watchdogAt: undefined }, cur), [{ type: "history.discard", dialId: cur.dialId }]);
}

/** Puts the item back at the head of the queue, remembering that the worker did it (queue edits keep it). */
function restore(s: MachineState, cur: Current): MachineState {
  const queueRev = (s.queueRev ?? 0) + 1;
  const why = cur.why ?? s.restored?.find((r) => r.id === cur.item.id)?.why;
  const restored = [...(s.restored ?? []).filter((r) => r.id !== cur.item.id), { id: cur.item.id, rev: queueRev, ...(why ? { why } : {}) }];
  return { ...s, queue: [cur.item, ...s.queue.filter((i) => i.id !== cur.item.id)], queueRev, restored };
}

function replaceQueue(s: MachineState, e: Extract<MachineEvent, { type: "queue.replace" }>): MachineState {
  // An edit made from a stale view (a push not yet received) must not bring back what was dialled,
  // nor drop what the worker put back after the state the client edited.
  const items = e.items.filter((item) => item.id !== s.current?.item.id && !e.handled?.has(item.id));
  const listed = new Set(items.map((i) => i.id));
  const seen = e.baseRev ?? -1;
  const kept = (s.restored ?? [])
    .filter((r) => (r.why !== undefined || r.rev > seen) && !listed.has(r.id))
    .map((r) => s.queue.find((i) => i.id === r.id))
    .filter((i): i is NonNullable<typeof i> => i !== undefined);
  const queue = [...kept, ...items];
  const restored = s.restored?.filter((r) => queue.some((i) => i.id === r.id));
  return { ...s, queue, restored: restored?.length ? restored : undefined };
}

function complete(s: MachineState): MachineState {
  return { ...s, status: "completed", current: undefined, nextDialAt: undefined, watchdogAt: undefined, pausedReason: undefined, restored: undefined, awaitingWrapUp: undefined };
}

/** `recheckAt`: for a pause Aircall caused, when to ask for the agent's availability. */
function pause(s: MachineState, reason: string, autoResume: boolean, recheckAt?: number): MachineState {
  const pausedFrom = s.status === "paused" ? s.pausedFrom : s.status;
  return { ...s, status: "paused", pausedFrom, pausedReason: reason, autoResume, recheckAt: autoResume ? recheckAt : undefined, rechecks: 0, nextDialAt: undefined };
}

/** Reads and checks that keep finding nothing new come less and less often (Aircall's budget is shared). */
const backoff = (n: number, cfg: MachineConfig) => Math.min(cfg.watchdogMs * 2 ** n, cfg.maxQuietMs);

function resume(s: MachineState, now: number, cfg: MachineConfig): Transition {
  // Aircall Workspace is closed: a start-call could not ring anyway. Wait for it (Aircall tells us).
  if (s.disconnected) return ok(pause(s, DISCONNECTED, true, now + cfg.watchdogMs));
  const base: MachineState = { ...s, pausedReason: undefined, pausedFrom: undefined, autoResume: false, recheckAt: undefined, rechecks: undefined };
  if (s.current) return ok({ ...base, status: s.current.phase });
  return dialNext(base, now, cfg);
}

// ---------- time ----------

function onTimer(s: MachineState, now: number, cfg: MachineConfig): Transition {
  const finals = dueFinals(s, now, cfg);
  const t = onTimerRun(finals.state, now, cfg);
  const due = (t.state.scheduled ?? []).filter((x) => !x.due && x.dueAt <= now);
  const back = due.length ? bringBack(t.state, due, now, cfg) : ok(t.state);
  const effects = [...finals.effects, ...t.effects, ...back.effects];
  return effects.length || back.state !== s ? ok(back.state, effects) : ok(s);
}

/** Finished calls whose call.ended never came: read them from Aircall. */
function dueFinals(s: MachineState, now: number, cfg: MachineConfig): Transition {
  const due = (s.unfinal ?? []).filter((u) => u.dueAt <= now);
  if (!due.length) return ok(s);
  // until the answer comes, don't ask again (a lost answer is asked again after lookupLostMs)
  const unfinal = s.unfinal!.map((u) => (u.dueAt <= now ? { ...u, dueAt: now + cfg.lookupLostMs } : u));
  return ok({ ...s, unfinal }, due.map((u) => ({ type: "lookup.final", callId: u.callId }) as Effect));
}

function onTimerRun(s: MachineState, now: number, cfg: MachineConfig): Transition {
  const cur = s.current;
  if (cur && !cur.queued && s.watchdogAt !== undefined && now >= s.watchdogAt) return watchdog(s, cur, now, cfg);
  if (s.status === "paused" && s.autoResume && s.recheckAt !== undefined && now >= s.recheckAt) {
    const rechecks = (s.rechecks ?? 0) + 1;
    return ok({ ...s, rechecks, recheckAt: now + backoff(rechecks, cfg) }, [{ type: "check.availability" }]);
  }
  if (cur?.retryAt !== undefined && now >= cur.retryAt && s.status === "dialing") return redial(s, cur, now, cfg);
  if (s.status === "wrap_up" && s.nextDialAt !== undefined && now >= s.nextDialAt)
    return dialNext({ ...s, nextDialAt: undefined }, now, cfg);
  return ok(s);
}

/** An expected event is late: ask Aircall — one request at a time per dial. */
function watchdog(s: MachineState, cur: Current, now: number, cfg: MachineConfig): Transition {
  if (cur.lookup) {
    // One is in progress (maybe waiting for a slot): wait for its answer, unless it is lost.
    if (now - cur.lookup.at < cfg.lookupLostMs) return ok({ ...s, watchdogAt: cur.lookup.at + cfg.lookupLostMs });
    return lookupFailed(s, { ...cur, lookup: undefined }, "Aircall did not answer a search", now, cfg);
  }
  // A search can't list a call before Aircall indexed it: don't ask before then.
  const listable = (cur.listFrom ?? cur.sentAt) + cfg.listDelayMs;
  if (!cur.callId && now < listable) return ok({ ...s, watchdogAt: listable });
  if (cur.callId && now - (cur.startedAt ?? cur.sentAt) > cfg.maxCallMs) {
    // Aircall still shows the call live after hours: a stuck call. Close it with what is known.
    const ended = { ...gone(cur.callId, now), digits: digitsOnly(cur.item.phone), answeredAt: cur.answeredAt ?? null, startedAt: cur.startedAt ?? null };
    return finish(s, cur, ended, cur.answeredAt ? "answered" : "no_answer", now, cfg, { reason: "Aircall still showed this call as live hours later; closed by the dialer" });
  }
  const seq = (cur.lookupSeq ?? 0) + 1;
  const current: Current = { ...cur, lookupSeq: seq, lookup: { seq, at: now } };
  const effect: Effect = cur.callId
    ? { type: "lookup.call", dialId: cur.dialId, seq, callId: cur.callId }
    : { type: "lookup.dial", dialId: cur.dialId, seq, phone: cur.item.phone, fromMs: cur.firstSentAt - MATCH_SKEW_MS };
  return ok({ ...s, current, watchdogAt: now + cfg.lookupLostMs }, [effect]);
}

// ---------- Aircall's answers ----------

function onDialResult(s: MachineState, e: Extract<MachineEvent, { type: "dial.result" }>, cfg: MachineConfig): Transition {
  const cur = s.current;
  if (!cur || cur.dialId !== e.dialId || cur.callId) return ok(s); // the call was already matched
  if (e.attempt !== undefined && e.attempt !== cur.attempt) return ok(s); // an earlier attempt's answer
  const r = e.result;
  switch (r.kind) {
    case "cancelled": {
      // Never sent (the run moved on while it waited for a slot): the item waits in the queue.
      return ok({ ...restore({ ...s, current: undefined, watchdogAt: undefined }, cur), pausedFrom: s.status === "paused" ? "wrap_up" : s.pausedFrom }, [
        { type: "history.discard", dialId: cur.dialId },
      ]);
    }
    case "sent":
      return ok(s);
    case "rejected": {
      const rejections = (s.rejections ?? 0) + 1;
      const reason = `Aircall refused the number: ${r.message}`;
      const code = "rejected_by_aircall";
      if (rejections < cfg.maxRejections) return finish({ ...s, rejections }, cur, null, "failed", e.now, cfg, { reason, reasonCode: code, immediate: true });
      // Numbers refused one after another: more likely the agent's setup (number, user) than the numbers.
      const hold = `Aircall refused ${rejections} numbers in a row (${r.message}). Check the agent's Aircall number and user, then resume.`;
      return finish({ ...s, rejections: 0 }, cur, null, "failed", e.now, cfg, { reason, reasonCode: code, pauseReason: hold });
    }
    case "unavailable":
      // A redial refused while the first attempt's call may be live: look for that call instead.
      if (cur.attempt > 1) return ok({ ...s, watchdogAt: e.now + cfg.lookupDelayMs });
      return putBack(s, cur, `Aircall says you are not available (${r.message}). The run goes on when you are available again.`, true, e.now, cfg);
    case "refused":
      return putBack(s, cur, `Aircall refused the request: ${r.message}`, false, e.now, cfg);
    case "uncertain":
      // Never dial again blindly (DESIGN, point 7): search for the call once Aircall can list it —
      // counted from this answer, as Aircall may have created the call at any time until it came.
      return ok({ ...s, current: { ...cur, listFrom: e.now }, watchdogAt: e.now + cfg.listDelayMs });
  }
}

/** The item goes back to the head of the queue; the run pauses unless the agent already stopped or paused it. */
function putBack(s: MachineState, cur: Current, reason: string, autoResume: boolean, now: number, cfg: MachineConfig): Transition {
  const back = restore({ ...s, current: undefined, watchdogAt: undefined }, cur);
  const effects: Effect[] = [{ type: "history.discard", dialId: cur.dialId }];
  if (s.status === "stopped") return ok(back, effects);
  if (s.status === "paused" && !s.autoResume) return ok({ ...back, pausedFrom: "wrap_up" }, effects); // the agent's own pause stands
  return ok(pause(back, reason, autoResume, now + cfg.watchdogMs), effects);
}

function onLookupResult(s: MachineState, e: Extract<MachineEvent, { type: "lookup.result" }>, cfg: MachineConfig): Transition {
  const cur = s.current;
  // Only the answer to the request in progress for this dial counts (not an older one, not another attempt's).
  if (!cur || cur.dialId !== e.dialId || cur.lookup?.seq !== e.seq) return ok(s);
  const settled: Current = { ...cur, lookup: undefined };
  if (e.error !== undefined || !e.calls) return lookupFailed(s, settled, e.error ?? "no answer", e.now, cfg);
  const ok1 = { ...settled, lookupErrors: 0 };
  if (cur.callId) {
    // A read of the call we follow: [] = Aircall no longer knows it (close it with what we have).
    const call = e.calls.find((c) => c.id === cur.callId) ?? gone(cur.callId, e.now);
    const event = call.endedAt ? "call.hungup" : call.transferredAway ? "call.transferred" : call.answeredAt ? "call.answered" : "call.created";
    const t = followCall({ ...s, current: ok1 }, ok1, event, call, e.now, cfg, true);
    return call.endedAt && e.calls.length ? ok(t.state, [...t.effects, { type: "webhook.missing" }]) : t;
  }
  const found = e.calls.find((c) => matchesPending(s, cur, c));
  if (found) {
    const t = followCall({ ...s, current: ok1 }, ok1, found.endedAt ? "call.hungup" : found.answeredAt ? "call.answered" : "call.created", found, e.now, cfg);
    return ok(t.state, [...t.effects, { type: "webhook.missing" }]);
  }
  // Empty. Made before Aircall could list the call, it proves nothing: ask again once it can.
  const listable = (cur.listFrom ?? cur.sentAt) + cfg.listDelayMs;
  if (e.searchedAt < listable) return ok({ ...s, current: ok1, watchdogAt: Math.max(e.now, listable) });
  return onEmptySearch(s, ok1, e.now, cfg);
}

function gone(callId: string, now: number): CallInfo {
  return { id: callId, direction: "outbound", digits: "", startedAt: null, answeredAt: null, endedAt: now, duration: null, recording: null };
}

/** A search or read failed. They count: after `maxLookupErrors` in a row the run stops waiting and says why. */
function lookupFailed(s: MachineState, cur: Current, why: string, now: number, cfg: MachineConfig): Transition {
  const lookupErrors = (cur.lookupErrors ?? 0) + 1;
  if (lookupErrors < cfg.maxLookupErrors)
    return ok({ ...s, current: { ...cur, lookupErrors }, watchdogAt: now + cfg.lookupDelayMs * lookupErrors });
  if (cur.callId) {
    // The call exists but Aircall can't tell how it goes: close it with what we know, read its end later.
    const ended = { ...gone(cur.callId, now), digits: digitsOnly(cur.item.phone), answeredAt: cur.answeredAt ?? null, startedAt: cur.startedAt ?? null };
    const reason = `The dialer lost track of the call in Aircall (${why}). Check it in Aircall, then resume.`;
    return finish(s, cur, ended, cur.answeredAt ? "answered" : "no_answer", now, cfg, { pauseReason: reason, final: false });
  }
  // Placed or not, we can't tell: never dial this number again on a guess. Its row stays open to a late event.
  const reason = `Aircall could not confirm whether the call to ${cur.item.phone} was placed (${why}).`;
  return giveUp(s, cur, reason, `${reason} Check Aircall, then resume.`, now, cfg);
}

/**
 * The dial ends as failed without knowing for sure that Aircall placed nothing: its row says why,
 * and it becomes an orphan, so a late event for its call still completes the row.
 */
function giveUp(s: MachineState, cur: Current, reason: string, pauseReason?: string, now = 0, cfg: MachineConfig = DEFAULT_CONFIG): Transition {
  const orphan = { dialId: cur.dialId, itemId: cur.item.id, digits: digitsOnly(cur.item.phone), firstSentAt: cur.firstSentAt };
  const orphans = [...(s.orphans ?? []).filter((o) => o.dialId !== cur.dialId), orphan].slice(-MAX_ORPHANS);
  return finish({ ...s, orphans }, cur, null, "failed", now, cfg, { reason, pauseReason });
}

/** A search made late enough found nothing. Only a second one, lookupDelay later, says "not placed". */
function onEmptySearch(s: MachineState, cur: Current, now: number, cfg: MachineConfig): Transition {
  const emptyLookups = (cur.emptyLookups ?? 0) + 1;
  if (emptyLookups < 2) return ok({ ...s, current: { ...cur, emptyLookups }, watchdogAt: now + cfg.lookupDelayMs });
  const why = "Aircall did not place the call (is Aircall Workspace open?)";
  const failures = s.failures + 1;
  if (s.status === "stopped") return giveUp({ ...s, failures }, cur, why, undefined, now, cfg);
  if (failures >= cfg.maxFailures) {
    // The number goes back to the queue for the agent to decide; its row stays (a late call completes it).
    const t = giveUp({ ...s, failures }, cur, why, `Aircall keeps failing: ${why}`, now, cfg);
    return ok(restore(t.state, cur), t.effects);
  }
  const current: Current = { ...cur, emptyLookups, retryAt: now + cfg.retryBackoffMs * failures };
  return ok({ ...s, failures, current, watchdogAt: undefined });
}

function onFinalResult(s: MachineState, e: Extract<MachineEvent, { type: "final.result" }>, cfg: MachineConfig): Transition {
  const entry = s.unfinal?.find((u) => u.callId === e.callId);
  if (!entry) return ok(s);
  const others = s.unfinal!.filter((u) => u.callId !== e.callId);
  const done = e.call?.status === "done" || (e.call?.status == null && e.call?.duration != null);
  if (e.call && e.call.endedAt && done)
    return ok({ ...s, unfinal: others }, [{ type: "history.updateCall", callId: e.callId, fields: finalFields(e.call, true) }]);
  const tries = entry.tries + 1;
  if (tries >= cfg.maxFinalTries) return ok({ ...s, unfinal: others });
  return ok({ ...s, unfinal: [...others, { ...entry, tries, dueAt: e.now + cfg.finalDelayMs }] });
}

// ---------- calls ----------

function matchesPending(s: MachineState, cur: Current, call: CallInfo): boolean {
  if (call.direction !== "outbound" || cur.callId) return false;
  if (call.digits !== digitsOnly(cur.item.phone)) return false;
  if (s.recentCallIds?.includes(call.id)) return false; // an earlier call to the same number
  if (call.endedAt !== null && call.endedAt < cur.firstSentAt - MATCH_SKEW_MS) return false; // over before we dialed
  return call.startedAt === null || call.startedAt >= cur.firstSentAt - MATCH_SKEW_MS;
}

function onCallEvent(s: MachineState, event: string, call: CallInfo, now: number, cfg: MachineConfig): Transition {
  const cur = s.current;
  if (cur && (cur.callId === call.id || matchesPending(s, cur, call))) return followCall(s, cur, event, call, now, cfg);
  const orphan = adoptOrphan(s, event, call, now, cfg);
  if (orphan) return orphan;
  // A call that already advanced the run: call.ended completes its history row with the final data
  // (a late call.hungup carries nothing newer, and must not overwrite what call.ended wrote).
  if (event === "call.ended") {
    const unfinal = s.unfinal?.some((u) => u.callId === call.id) ? s.unfinal.filter((u) => u.callId !== call.id) : s.unfinal;
    return ok(unfinal === s.unfinal ? s : { ...s, unfinal }, [{ type: "history.updateCall", callId: call.id, fields: finalFields(call, true) }]);
  }
  return ok(s);
}

/**
 * A late event for a dial the run gave up on: its row gets the call after all, and every later event
 * of that call updates it (no dial follows). Its item leaves the queue if it had been put back.
 */
function adoptOrphan(s: MachineState, event: string, call: CallInfo, now: number, cfg: MachineConfig): Transition | null {
  if (call.direction !== "outbound") return null;
  const o =
    s.orphans?.find((x) => x.callId === call.id) ??
    (s.recentCallIds?.includes(call.id) ? undefined : s.orphans?.find((x) => !x.callId && x.digits === call.digits && (call.startedAt === null || call.startedAt >= x.firstSentAt - MATCH_SKEW_MS)));
  if (!o) return null;
  const final = event === "call.ended";
  const ended = final || event === "call.hungup" || call.endedAt !== null;
  const outcome: Outcome | undefined = call.answeredAt ? "answered" : ended ? "no_answer" : undefined;
  const fields = { ...finalFields(call, final), callId: call.id, ...(call.startedAt !== null ? { startedAt: call.startedAt } : {}), ...(outcome ? { outcome, reason: null } : {}) };
  const orphans = ended ? s.orphans!.filter((x) => x !== o) : s.orphans!.map((x) => (x === o ? { ...x, callId: call.id } : x));
  const unfinal = ended && !final ? [...(s.unfinal ?? []).filter((u) => u.callId !== call.id), { callId: call.id, dueAt: now + cfg.finalDelayMs, tries: 0 }].slice(-MAX_UNFINAL) : s.unfinal;
  const state: MachineState = {
    ...s,
    orphans,
    unfinal,
    queue: s.queue.filter((i) => i.id !== o.itemId),
    restored: s.restored?.filter((r) => r.id !== o.itemId),
    recentCallIds: s.recentCallIds?.includes(call.id) ? s.recentCallIds : [...(s.recentCallIds ?? []), call.id].slice(-RECENT_CALLS),
  };
  return ok(state, [{ type: "history.update", dialId: o.dialId, fields }]);
}

const TRANSFERRED = "Transferred in Aircall: the call is no longer yours";

/** `fromRead`: learnt by reading the call from Aircall (the watchdog backs off while it stays live). */
function followCall(s: MachineState, cur: Current, event: string, call: CallInfo, now: number, cfg: MachineConfig, fromRead = false): Transition {
  const adopted = !cur.callId;
  const startedAt = call.startedAt ?? cur.startedAt ?? now;
  const answeredAt = call.answeredAt ?? cur.answeredAt;
  const withCall: Current = { ...cur, callId: call.id, startedAt, answeredAt };
  if (event === "call.hungup" || event === "call.ended") {
    const outcome: Outcome = answeredAt ? "answered" : "no_answer";
    return finish(s, withCall, call, outcome, now, cfg, { final: event === "call.ended" });
  }
  if (event === "call.transferred") {
    // The agent handed the call over: it goes on without them, and so does the run.
    return finish(s, withCall, { ...call, endedAt: null }, answeredAt ? "answered" : "no_answer", now, cfg, { reason: TRANSFERRED, reasonCode: "transferred", final: false });
  }
  const phase = answeredAt || event === "call.answered" ? "in_call" : "ringing";
  const quietReads = fromRead ? (cur.quietReads ?? 0) + 1 : 0;
  const current: Current = {
    ...withCall,
    answeredAt: answeredAt ?? (phase === "in_call" ? now : undefined),
    phase,
    retryAt: undefined,
    queued: false,
    quietReads,
  };
  const status = isCallPhase(s.status) ? phase : s.status;
  const effects: Effect[] = adopted
    ? [
        { type: "history.update", dialId: cur.dialId, fields: { callId: call.id, startedAt } },
        { type: "aircall.insight", callId: call.id, item: cur.item, attempts: (s.attemptsOf?.[cur.item.id] ?? 0) + 1 },
      ]
    : [];
  return ok({ ...s, status, current, failures: 0, watchdogAt: now + backoff(quietReads, cfg) }, effects);
}

function finalFields(call: CallInfo, final: boolean) {
  const talk = call.answeredAt && call.endedAt ? Math.max(0, Math.round((call.endedAt - call.answeredAt) / 1000)) : null;
  return {
    answeredAt: call.answeredAt,
    endedAt: call.endedAt,
    durationSeconds: call.duration,
    talkSeconds: talk,
    recordingUrl: call.recording,
    final,
    ...(call.answeredAt ? { outcome: "answered" as const } : {}),
  };
}

type FinishOpts = { reason?: string; reasonCode?: string; retryAt?: number; immediate?: boolean; final?: boolean; pauseReason?: string };

/** The current dial is over (answered, not answered, failed): record it and move on. */
function finish(s: MachineState, cur: Current, rawCall: CallInfo | null, outcome: Outcome, now: number, cfg: MachineConfig, o: FinishOpts): Transition {
  // What the run already knows (e.g. when it was answered) is kept when this last word lacks it.
  const call = rawCall && { ...rawCall, answeredAt: rawCall.answeredAt ?? cur.answeredAt ?? null };
  const fields = call
    ? { ...finalFields(call, o.final ?? false), outcome, callId: call.id, startedAt: cur.startedAt ?? null, reason: o.reason ?? null, reasonCode: o.reasonCode ?? null }
    : { outcome, reason: o.reason ?? null, reasonCode: o.reasonCode ?? null, final: true, ...(o.retryAt !== undefined ? { retryAt: o.retryAt } : {}) };
  const effects: Effect[] = [{ type: "history.update", dialId: cur.dialId, fields }];
  const placed = outcome === "answered" || outcome === "no_answer";
  // A call that ended without its final data (call.ended) is read again from Aircall later.
  const unfinal = call && !o.final
    ? [...(s.unfinal ?? []).filter((u) => u.callId !== call.id), { callId: call.id, dueAt: now + cfg.finalDelayMs, tries: 0 }].slice(-MAX_UNFINAL)
    : s.unfinal;
  const base: MachineState = {
    ...s,
    current: undefined,
    watchdogAt: undefined,
    done: s.done + 1,
    failures: placed ? 0 : s.failures,
    rejections: placed ? 0 : s.rejections,
    recentCallIds: cur.callId ? [...(s.recentCallIds ?? []), cur.callId].slice(-RECENT_CALLS) : s.recentCallIds,
    pausedFrom: s.status === "paused" ? "wrap_up" : s.pausedFrom,
    unfinal,
  };
  const push = (nextDialAt?: number): Effect => ({
    type: "push.ended", itemId: cur.item.id, callId: cur.callId ?? null, outcome, nextDialAt,
    ...(o.reasonCode ? { reasonCode: o.reasonCode } : {}), ...(o.retryAt !== undefined ? { retryAt: o.retryAt } : {}),
  });
  if (!isCallPhase(s.status)) return ok(base, [...effects, push()]); // paused or stopped: stay there
  if (o.pauseReason) return ok(pause(base, o.pauseReason, false), [...effects, push()]);
  if (base.queue.length === 0) return ok(complete(base), [...effects, push()]);
  if (s.requireWrapUp && outcome === "answered" && !o.reasonCode) {
    // "Wait for my wrap-up": no countdown until the agent submits it.
    const awaitingWrapUp = { itemId: cur.item.id, callId: cur.callId ?? null, dialId: cur.dialId };
    return ok({ ...base, status: "wrap_up", nextDialAt: undefined, awaitingWrapUp }, [...effects, push()]);
  }
  if (o.immediate || base.delaySeconds === 0) {
    const next = dialNext(base, now, cfg);
    return ok(next.state, [...effects, push(now), ...next.effects]);
  }
  const nextDialAt = now + base.delaySeconds * 1000;
  return ok({ ...base, status: "wrap_up", nextDialAt }, [...effects, push(nextDialAt)]);
}

// ---------- the agent in Aircall ----------

const AVAILABILITY_BY_EVENT: Record<string, string> = {
  "user.opened": "available",
  "user.closed": "unavailable",
  "user.wut_start": "after_call_work",
  "user.wut_end": "available",
  "user.disconnected": "offline",
};

const UNAVAILABLE = "You are unavailable in Aircall. The run goes on when you are available again.";
const DISCONNECTED = "Aircall Workspace is closed (logged out). Open Aircall Workspace and the run goes on by itself.";

function onUserEvent(s: MachineState, event: string, availability: string | null, now: number, cfg: MachineConfig): Transition {
  const derived = AVAILABILITY_BY_EVENT[event] ?? availability ?? s.availability;
  const next: MachineState = { ...s, availability: derived };
  const pausable = isRunning(s) || (s.status === "paused" && s.autoResume);
  if (event === "user.disconnected") {
    const off = { ...next, disconnected: true };
    if (!pausable) return ok(off);
    const taken = takeBackUnsent(off);
    return ok(pause(taken.state, DISCONNECTED, true, now + cfg.watchdogMs), taken.effects);
  }
  if (event === "user.connected" || event === "user.opened") next.disconnected = false;
  if (event === "user.closed" && isRunning(s)) {
    const taken = takeBackUnsent(next);
    return ok(pause(taken.state, UNAVAILABLE, true, now + cfg.watchdogMs), taken.effects);
  }
  const free = event === "user.opened" || event === "user.wut_end" || (event === "user.connected" && availability === "available");
  if (free && s.status === "paused" && s.autoResume) return resume(next, now, cfg);
  return ok(next);
}

// ---------- after the call: wrap-up, retries, callbacks ----------

/** The id a number gets when the schedule brings it back (a new id: this run's edits never drop it). */
const scheduledId = (itemId: string, dialId: number) => `r${dialId}-${itemId}`.slice(0, 128);

function withAttempts(s: MachineState, items: Scheduled[]): Record<string, number> | undefined {
  if (!items.length) return s.attemptsOf;
  const entries = Object.entries({ ...(s.attemptsOf ?? {}), ...Object.fromEntries(items.map((x) => [x.item.id, x.attempts])) });
  return Object.fromEntries(entries.slice(-MAX_SCHEDULED));
}

/**
 * Scheduled numbers whose time has come: to the head of the queue when a run is going (or paused),
 * else a run starts with them — a callback set for 10:00 rings at 10:00, popup open or not.
 */
function bringBack(s: MachineState, items: Scheduled[], now: number, cfg: MachineConfig): Transition {
  const ids = new Set(items.map((x) => x.item.id));
  const rest = (s.scheduled ?? []).filter((x) => !ids.has(x.item.id));
  const queueRev = (s.queueRev ?? 0) + 1;
  const back: MachineState = {
    ...s,
    scheduled: rest,
    attemptsOf: withAttempts(s, items),
    queue: [...items.map((x) => x.item), ...s.queue.filter((i) => !ids.has(i.id))],
    queueRev,
    restored: scheduledBack(s.restored ?? [], items, queueRev),
  };
  if (isRunning(s) || s.status === "paused") return ok(back);
  const fresh: MachineState = { ...back, queue: items.map((x) => x.item), runFrom: s.dialSeq, done: 0, restored: scheduledBack([], items, queueRev), pausedReason: undefined, autoResume: false, failures: 0 };
  return startFresh(s, fresh, now, cfg);
}

/** Scheduled numbers now in the queue, marked so every queue edit keeps them (see `restored`). */
function scheduledBack(restored: NonNullable<MachineState["restored"]>, items: Scheduled[], rev: number): MachineState["restored"] {
  const ids = new Set(items.map((x) => x.item.id));
  const all = [...restored.filter((r) => !ids.has(r.id)), ...items.map((x) => ({ id: x.item.id, rev, why: x.why, dueAt: x.dueAt }))];
  return all.length ? all : undefined;
}

/** Off the schedule, and out of the queue if its time had come (a correction or a drop). */
function unschedule(s: MachineState, id: string): MachineState {
  const due = s.restored?.some((r) => r.id === id && r.why);
  const restored = s.restored?.filter((r) => r.id !== id);
  return {
    ...s,
    scheduled: (s.scheduled ?? []).filter((x) => x.item.id !== id),
    queue: due ? s.queue.filter((i) => i.id !== id) : s.queue,
    queueRev: due ? (s.queueRev ?? 0) + 1 : s.queueRev,
    restored: restored?.length ? restored : undefined,
  };
}

/**
 * A new run (Start, or a scheduled number whose time came with no run going) from `prev`, whatever
 * the last run left: a call still live is followed and the first item dialed after it; a stopped
 * run's dial that Aircall never confirmed is not this run's — it is never dialed again, and a late
 * event for it still completes its row.
 */
function startFresh(prev: MachineState, next: MachineState, now: number, cfg: MachineConfig): Transition {
  if (prev.current?.callId) return ok({ ...next, status: prev.current.phase });
  const inherited = prev.current ? giveUp({ ...next, status: "stopped" }, prev.current, "The run was stopped before Aircall confirmed this call.", undefined, now, cfg) : ok(next);
  const fresh: MachineState = { ...inherited.state, status: "idle", done: 0 };
  if (prev.disconnected) return ok(pause(fresh, DISCONNECTED, true, now + cfg.watchdogMs), inherited.effects);
  const t = dialNext(fresh, now, cfg);
  return ok(t.state, [...inherited.effects, ...t.effects]);
}

function onWrapUp(s: MachineState, e: Extract<MachineEvent, { type: "wrapup" }>, cfg: MachineConfig): Transition {
  const d = e.disposition;
  const attempts = (s.attemptsOf?.[e.item.id] ?? 0) + 1;
  const id = scheduledId(e.item.id, e.dialId);
  // A correction replaces what the first wrap-up scheduled, even if its time came and it waits in the queue.
  const base = s.current?.item.id === id ? s : unschedule(s, id);
  const scheduled = base.scheduled ?? [];
  const fields: Extract<Effect, { type: "history.update" }>["fields"] = { disposition: d.id, note: e.note ?? null, callbackAt: e.callbackAt ?? null, retryAt: null };
  let entry: Scheduled | null = null;
  if (d.kind === "callback" && e.callbackAt !== undefined) {
    entry = { item: { ...e.item, id }, dueAt: e.callbackAt, why: "callback", attempts, due: false };
  } else if (d.retry) {
    if (attempts < d.retry.maxAttempts) entry = { item: { ...e.item, id }, dueAt: e.now + d.retry.afterMinutes * 60_000, why: "retry", attempts, due: false };
    else fields.reasonCode = "max_attempts";
  }
  if (entry) fields.retryAt = entry.dueAt;
  const effects: Effect[] = [{ type: "history.update", dialId: e.dialId, fields }];
  if (e.callId) {
    const note = e.note?.trim();
    if (note) effects.push({ type: "aircall.comment", callId: e.callId, content: note, seq: e.now });
    effects.push({ type: "aircall.tag", callId: e.callId, dispositionId: d.id });
  }
  if (d.kind === "do_not_call") effects.push({ type: "dnc.add", phone: e.item.phone, reason: `Wrap-up: ${d.label}` });
  const next: MachineState = { ...base, scheduled: entry ? [...scheduled, entry].slice(-MAX_SCHEDULED) : scheduled };
  // The run waited for this wrap-up: it goes on now.
  if (s.awaitingWrapUp?.dialId === e.dialId && s.status === "wrap_up") {
    const t = dialNext({ ...next, awaitingWrapUp: undefined }, e.now, cfg);
    return ok(t.state, [...effects, ...t.effects]);
  }
  return ok(next, effects);
}

/**
 * A call the agent made from Aircall's own Power Dialer (a number of their campaign, not one of our
 * dials): recorded in the history like our own, followed to its end by its id (no dial of ours).
 */
function fromCampaign(s: MachineState, event: string, call: CallInfo, contact: { phone: string; name?: string }, now: number, cfg: MachineConfig): Transition {
  if (call.direction !== "outbound" || s.recentCallIds?.includes(call.id) || s.orphans?.some((o) => o.callId === call.id)) return ok(s);
  const dialId = s.dialSeq + 1;
  const item = { id: `aircall-${call.id}`.slice(0, 128), phone: contact.phone, ...(contact.name ? { name: contact.name } : {}) };
  const orphan = { dialId, itemId: item.id, digits: call.digits, firstSentAt: call.startedAt ?? now, callId: call.id };
  const opened: MachineState = { ...s, dialSeq: dialId, orphans: [...(s.orphans ?? []), orphan].slice(-MAX_ORPHANS) };
  const t = adoptOrphan(opened, event, call, now, cfg) ?? ok(opened);
  return ok(t.state, [{ type: "history.open", dialId, item, dialAt: call.startedAt ?? now }, ...t.effects]);
}
