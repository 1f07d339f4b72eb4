/**
 * The agent's run as a pure state machine: transition(state, event) → { state, effects }.
 * No I/O here; the AgentDialer Durable Object applies the effects (start calls, history rows,
 * WebSocket pushes) and feeds their results back in as events.
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
 */
import { digitsOnly, type Outcome } from "@dialer/shared";
import type { CallInfo, Current, Effect, MachineEvent, MachineState, Transition } from "./machine-types";

export type MachineConfig = {
  watchdogMs: number;
  maxFailures: number;
  retryBackoffMs: number;
  /** after an uncertain start-call, wait this long before searching (Aircall indexes calls late) */
  lookupDelayMs: number;
  maxRejections: number;
};
export const DEFAULT_CONFIG: MachineConfig = { watchdogMs: 60_000, maxFailures: 3, retryBackoffMs: 5_000, lookupDelayMs: 10_000, maxRejections: 3 };

/** Clock skew allowed between the worker and Aircall's started_at (whole seconds). */
export const MATCH_SKEW_MS = 10_000;
const RECENT_CALLS = 20;
const SENT_AT_ONCE_MS = 1_000;

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
      const next: MachineState = {
        ...s,
        queue: e.items,
        delaySeconds: e.delaySeconds ?? s.delaySeconds,
        pausedReason: undefined,
        pausedFrom: undefined,
        autoResume: false,
        failures: 0,
        nextDialAt: undefined,
        done: 0,
        runFrom: s.dialSeq,
      };
      // A call from a stopped run may still be live: follow it, dial the first item after it.
      if (s.current) return ok({ ...next, status: s.current.phase });
      return dialNext(next, e.now, cfg);
    }
    case "pause": {
      // Pausing over a pause Aircall caused makes it the agent's: it no longer lifts by itself.
      if (s.status === "paused") return ok(s.autoResume ? pause(s, e.reason ?? "Paused by you", false) : s);
      if (!isRunning(s)) return conflict(s, "There is no run to pause.");
      return ok(pause(s, e.reason ?? "Paused by you", false));
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
        { type: "history.skipped", dialId: s.dialSeq + 1, item, at: e.now, reason: "Skipped by the agent" },
        { type: "push.ended", itemId: item.id, callId: null, outcome: "skipped", nextDialAt: rest.length ? s.nextDialAt : undefined },
      ];
      const next: MachineState = { ...s, queue: rest, dialSeq: s.dialSeq + 1 };
      if (s.status === "wrap_up" && rest.length === 0) return ok(complete(next), effects);
      return ok(next, effects);
    }
    case "stop": {
      if (s.status === "idle" || s.status === "completed" || s.status === "stopped") return ok(s);
      const stopped: MachineState = { ...s, status: "stopped", nextDialAt: undefined, pausedReason: undefined, pausedFrom: undefined, autoResume: false, recheckAt: undefined };
      // A dial waiting to be sent again has no call to follow: it ends here (one in flight is kept, to match its call).
      if (s.current && !s.current.callId && s.current.retryAt !== undefined)
        return ok({ ...stopped, current: undefined, watchdogAt: undefined }, [{ type: "history.discard", dialId: s.current.dialId }]);
      return ok(stopped);
    }
    case "queue.replace": {
      // An edit made from a stale view (a push not yet received) must not bring back what was dialled.
      const queue = e.items.filter((item) => item.id !== s.current?.item.id && !e.handled?.has(item.id));
      return ok({ ...s, queue });
    }
    case "timer":
      return onTimer(s, e.now, cfg);
    case "dial.result":
      return onDialResult(s, e, cfg);
    case "lookup.result": {
      const cur = s.current;
      if (!cur || cur.dialId !== e.dialId || cur.callId) return ok(s);
      if (e.call) return followCall(s, cur, e.call.endedAt ? "call.hungup" : "call.created", e.call, e.now, cfg);
      return onDialFailure(s, cur, "Aircall did not place the call (is Aircall Workspace open?)", e.now, cfg);
    }
    case "call":
      return onCallEvent(s, e.event, e.call, e.now, cfg);
    case "user":
      return onUserEvent(s, e.event, e.availability, e.now, cfg);
    case "availability": {
      // Aircall's REST answer while auto-paused: no user event may ever come (a call placed by
      // hand with no wrap-up time sends none), so this is how the run notices the agent is free.
      const next: MachineState = { ...s, availability: e.availability };
      if (s.status === "paused" && s.autoResume && e.availability === "available") return resume(next, e.now, cfg);
      return ok(next);
    }
  }
}

function dialNext(s: MachineState, now: number, cfg: MachineConfig): Transition {
  const [item, ...rest] = s.queue;
  if (!item) return ok(complete(s));
  const dialId = s.dialSeq + 1;
  const current: Current = { dialId, item, phase: "dialing", attempt: 1, sentAt: now, firstSentAt: now };
  const state: MachineState = {
    ...s,
    status: "dialing",
    queue: rest,
    dialSeq: dialId,
    current,
    nextDialAt: undefined,
    watchdogAt: now + cfg.watchdogMs,
  };
  return ok(state, [
    { type: "history.open", dialId, item, dialAt: now },
    { type: "dial", dialId, phone: item.phone },
  ]);
}

function redial(s: MachineState, cur: Current, now: number, cfg: MachineConfig): Transition {
  const current: Current = { ...cur, attempt: cur.attempt + 1, sentAt: now, phase: "dialing", retryAt: undefined, emptyLookups: 0 };
  return ok({ ...s, status: "dialing", current, watchdogAt: now + cfg.watchdogMs }, [
    { type: "dial", dialId: cur.dialId, phone: cur.item.phone },
  ]);
}

function complete(s: MachineState): MachineState {
  return { ...s, status: "completed", current: undefined, nextDialAt: undefined, watchdogAt: undefined, pausedReason: undefined };
}

/** `recheckAt`: for a pause Aircall caused, when to ask for the agent's availability. */
function pause(s: MachineState, reason: string, autoResume: boolean, recheckAt?: number): MachineState {
  const pausedFrom = s.status === "paused" ? s.pausedFrom : s.status;
  return { ...s, status: "paused", pausedFrom, pausedReason: reason, autoResume, recheckAt: autoResume ? recheckAt : undefined, nextDialAt: undefined };
}

function resume(s: MachineState, now: number, cfg: MachineConfig): Transition {
  const base: MachineState = { ...s, pausedReason: undefined, pausedFrom: undefined, autoResume: false, recheckAt: undefined };
  if (s.current) return ok({ ...base, status: s.current.phase });
  return dialNext(base, now, cfg);
}

function onTimer(s: MachineState, now: number, cfg: MachineConfig): Transition {
  const cur = s.current;
  if (cur && s.watchdogAt !== undefined && now >= s.watchdogAt) {
    const state = { ...s, watchdogAt: now + cfg.watchdogMs };
    const effect: Effect = cur.callId
      ? { type: "lookup.call", dialId: cur.dialId, callId: cur.callId }
      : { type: "lookup.dial", dialId: cur.dialId, phone: cur.item.phone, sentAt: cur.sentAt };
    return ok(state, [effect]);
  }
  if (s.status === "paused" && s.autoResume && s.recheckAt !== undefined && now >= s.recheckAt)
    return ok({ ...s, recheckAt: now + cfg.watchdogMs }, [{ type: "check.availability" }]);
  if (cur?.retryAt !== undefined && now >= cur.retryAt && s.status === "dialing") return redial(s, cur, now, cfg);
  if (s.status === "wrap_up" && s.nextDialAt !== undefined && now >= s.nextDialAt)
    return dialNext({ ...s, nextDialAt: undefined }, now, cfg);
  return ok(s);
}

function onDialResult(s: MachineState, e: Extract<MachineEvent, { type: "dial.result" }>, cfg: MachineConfig): Transition {
  const cur = s.current;
  if (!cur || cur.dialId !== e.dialId || cur.callId) return ok(s); // the call was already matched
  const r = e.result;
  switch (r.kind) {
    case "cancelled": {
      // Never sent (the agent paused or stopped while it waited for a slot): the item waits in the queue.
      if (s.status === "dialing") return ok(s);
      return ok({ ...s, queue: [cur.item, ...s.queue], current: undefined, watchdogAt: undefined, pausedFrom: s.status === "paused" ? "wrap_up" : s.pausedFrom }, [
        { type: "history.discard", dialId: cur.dialId },
      ]);
    }
    case "sent":
      // A request that waited for a rate-limit slot: the watchdog counts from when it went out.
      // (Sent at once, nothing changes: no write on the hot path.)
      if (e.now - cur.sentAt < SENT_AT_ONCE_MS) return ok(s);
      return ok({ ...s, current: { ...cur, sentAt: e.now }, watchdogAt: e.now + cfg.watchdogMs });
    case "rejected": {
      const rejections = (s.rejections ?? 0) + 1;
      const reason = `Aircall refused the number: ${r.message}`;
      if (rejections < cfg.maxRejections) return finish({ ...s, rejections }, cur, null, "failed", e.now, cfg, { reason, immediate: true });
      // Numbers refused one after another: more likely the agent's setup (number, user) than the numbers.
      const hold = `Aircall refused ${rejections} numbers in a row (${r.message}). Check the agent's Aircall number and user, then resume.`;
      return finish({ ...s, rejections: 0 }, cur, null, "failed", e.now, cfg, { reason, pauseReason: hold });
    }
    case "unavailable":
      // A redial refused while the first attempt's call may be live: look for that call instead.
      if (cur.attempt > 1) return ok({ ...s, watchdogAt: e.now + cfg.lookupDelayMs });
      return putBack(s, cur, `Aircall says you are not available (${r.message}). The run goes on when you are available again.`, true, e.now, cfg);
    case "refused":
      return putBack(s, cur, `Aircall refused the request: ${r.message}`, false, e.now, cfg);
    case "uncertain":
      // Never dial again blindly (DESIGN, point 7): search for the call once Aircall has had time to list it.
      return ok({ ...s, watchdogAt: e.now + cfg.lookupDelayMs });
  }
}

/** The item goes back to the head of the queue; the run pauses unless the agent already stopped or paused it. */
function putBack(s: MachineState, cur: Current, reason: string, autoResume: boolean, now: number, cfg: MachineConfig): Transition {
  const back: MachineState = { ...s, queue: [cur.item, ...s.queue], current: undefined, watchdogAt: undefined };
  const effects: Effect[] = [{ type: "history.discard", dialId: cur.dialId }];
  if (s.status === "stopped") return ok(back, effects);
  if (s.status === "paused" && !s.autoResume) return ok({ ...back, pausedFrom: "wrap_up" }, effects); // the agent's own pause stands
  return ok(pause(back, reason, autoResume, now + cfg.watchdogMs), effects);
}

function onDialFailure(s: MachineState, cur: Current, why: string, now: number, cfg: MachineConfig): Transition {
  const emptyLookups = (cur.emptyLookups ?? 0) + 1;
  // Aircall may list a call late: only a second empty search, lookupDelay later, counts as "not placed".
  if (emptyLookups < 2) return ok({ ...s, current: { ...cur, emptyLookups }, watchdogAt: now + cfg.lookupDelayMs });
  const failures = s.failures + 1;
  if (s.status === "stopped") return ok({ ...s, failures, current: undefined, watchdogAt: undefined }, [{ type: "history.discard", dialId: cur.dialId }]);
  if (failures >= cfg.maxFailures) return putBack({ ...s, failures }, cur, `Aircall keeps failing: ${why}`, false, now, cfg);
  const current: Current = { ...cur, emptyLookups, retryAt: now + cfg.retryBackoffMs * failures };
  return ok({ ...s, failures, current, watchdogAt: undefined });
}

function matchesPending(s: MachineState, cur: Current, call: CallInfo): boolean {
  if (call.direction !== "outbound" || cur.callId) return false;
  if (call.digits !== digitsOnly(cur.item.phone)) return false;
  if (s.recentCallIds?.includes(call.id)) return false; // a late event of an earlier call to the same number
  return call.startedAt === null || call.startedAt >= cur.firstSentAt - MATCH_SKEW_MS;
}

function onCallEvent(s: MachineState, event: string, call: CallInfo, now: number, cfg: MachineConfig): Transition {
  const cur = s.current;
  if (cur && (cur.callId === call.id || matchesPending(s, cur, call))) return followCall(s, cur, event, call, now, cfg);
  // A call that already advanced the run: call.ended completes its history row with the final data
  // (a late call.hungup carries nothing newer, and must not overwrite what call.ended wrote).
  if (event === "call.ended") return ok(s, [{ type: "history.updateCall", callId: call.id, fields: finalFields(call, true) }]);
  return ok(s);
}

function followCall(s: MachineState, cur: Current, event: string, call: CallInfo, now: number, cfg: MachineConfig): Transition {
  const adopted = !cur.callId;
  const startedAt = call.startedAt ?? cur.startedAt ?? now;
  const answeredAt = call.answeredAt ?? cur.answeredAt;
  if (event === "call.hungup" || event === "call.ended") {
    const outcome: Outcome = answeredAt ? "answered" : "no_answer";
    return finish(s, { ...cur, callId: call.id, startedAt, answeredAt }, call, outcome, now, cfg, { final: event === "call.ended" });
  }
  const phase = answeredAt || event === "call.answered" ? "in_call" : "ringing";
  const current: Current = {
    ...cur,
    callId: call.id,
    startedAt,
    answeredAt: answeredAt ?? (phase === "in_call" ? now : undefined),
    phase,
    retryAt: undefined,
  };
  const status = isCallPhase(s.status) ? phase : s.status;
  const effects: Effect[] = adopted ? [{ type: "history.update", dialId: cur.dialId, fields: { callId: call.id, startedAt } }] : [];
  return ok({ ...s, status, current, failures: 0, watchdogAt: now + cfg.watchdogMs }, effects);
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

type FinishOpts = { reason?: string; immediate?: boolean; final?: boolean; pauseReason?: string };

/** The current dial is over (answered, not answered, failed): record it and move on. */
function finish(s: MachineState, cur: Current, call: CallInfo | null, outcome: Outcome, now: number, cfg: MachineConfig, o: FinishOpts): Transition {
  const fields = call
    ? { ...finalFields(call, o.final ?? false), outcome, callId: call.id, startedAt: cur.startedAt ?? null }
    : { outcome, reason: o.reason ?? null, final: true };
  const effects: Effect[] = [{ type: "history.update", dialId: cur.dialId, fields }];
  const placed = outcome === "answered" || outcome === "no_answer";
  const base: MachineState = {
    ...s,
    current: undefined,
    watchdogAt: undefined,
    done: s.done + 1,
    failures: placed ? 0 : s.failures,
    rejections: placed ? 0 : s.rejections,
    recentCallIds: cur.callId ? [...(s.recentCallIds ?? []), cur.callId].slice(-RECENT_CALLS) : s.recentCallIds,
    pausedFrom: s.status === "paused" ? "wrap_up" : s.pausedFrom,
  };
  const push = (nextDialAt?: number): Effect => ({ type: "push.ended", itemId: cur.item.id, callId: cur.callId ?? null, outcome, nextDialAt });
  if (!isCallPhase(s.status)) return ok(base, [...effects, push()]); // paused or stopped: stay there
  if (o.pauseReason) return ok(pause(base, o.pauseReason, false), [...effects, push()]);
  if (base.queue.length === 0) return ok(complete(base), [...effects, push()]);
  if (o.immediate || base.delaySeconds === 0) {
    const next = dialNext(base, now, cfg);
    return ok(next.state, [...effects, push(now), ...next.effects]);
  }
  const nextDialAt = now + base.delaySeconds * 1000;
  return ok({ ...base, status: "wrap_up", nextDialAt }, [...effects, push(nextDialAt)]);
}

const AVAILABILITY_BY_EVENT: Record<string, string> = {
  "user.opened": "available",
  "user.closed": "unavailable",
  "user.wut_start": "after_call_work",
  "user.wut_end": "available",
};

function onUserEvent(s: MachineState, event: string, availability: string | null, now: number, cfg: MachineConfig): Transition {
  const derived = AVAILABILITY_BY_EVENT[event] ?? availability ?? s.availability;
  const next: MachineState = { ...s, availability: derived };
  if (event === "user.closed" && isRunning(s))
    return ok(pause(next, "You are unavailable in Aircall. The run goes on when you are available again.", true, now + cfg.watchdogMs));
  if ((event === "user.opened" || event === "user.wut_end") && s.status === "paused" && s.autoResume)
    return resume(next, now, cfg);
  return ok(next);
}
