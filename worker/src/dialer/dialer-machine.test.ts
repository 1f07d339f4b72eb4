import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG, initialState, transition } from "./dialer-machine";
import type { CallInfo, Effect, MachineEvent, MachineState } from "./machine-types";
import { nextAlarmAt, toSnapshot } from "./snapshot";

const T0 = 1_750_000_000_000;
const item = (n: number) => ({ id: `item-${n}`, phone: `+1415555010${n}`, name: `Contact ${n}` });
const ITEMS = [item(1), item(2), item(3)];

function call(n: number, over: Partial<CallInfo> = {}): CallInfo {
  return { id: `90071992547409${90 + n}`, direction: "outbound", digits: `1415555010${n}`, startedAt: T0, answeredAt: null, endedAt: null, duration: null, recording: null, ...over };
}

function run(events: MachineEvent[], from: MachineState = initialState(5)) {
  let state = from;
  const effects: Effect[] = [];
  for (const e of events) {
    const t = transition(state, e);
    expect(t.error, `unexpected error on ${e.type}`).toBeUndefined();
    state = t.state;
    effects.push(...t.effects);
  }
  return { state, effects };
}

const start = (delaySeconds = 5, items = ITEMS): MachineEvent => ({ type: "start", items, delaySeconds, now: T0 });
const ev = (event: string, c: CallInfo, now = T0 + 1000): MachineEvent => ({ type: "call", event, call: c, now });
const dials = (effects: Effect[]) => effects.filter((e) => e.type === "dial").map((e) => (e as { phone: string }).phone);

/** Started, first call placed and matched by call.created. */
const ringing = () => run([start(), { type: "dial.result", dialId: 1, result: { kind: "sent" }, now: T0 + 100 }, ev("call.created", call(1))]);
const inCall = () => run([ev("call.answered", call(1, { answeredAt: T0 + 3000 }), T0 + 3000)], ringing().state);
const wrapUp = () => run([ev("call.hungup", call(1, { answeredAt: T0 + 3000, endedAt: T0 + 9000 }), T0 + 9000)], inCall().state);
const paused = () => run([{ type: "pause", now: T0 + 9500 }], wrapUp().state);

describe("start", () => {
  it("dials the first item at once and opens its history row", () => {
    const { state, effects } = run([start()]);
    expect(state.status).toBe("dialing");
    expect(state.current?.item.id).toBe("item-1");
    expect(state.queue.map((i) => i.id)).toEqual(["item-2", "item-3"]);
    expect(effects.map((e) => e.type)).toEqual(["history.open", "dial"]);
    expect(state.watchdogAt).toBe(T0 + DEFAULT_CONFIG.watchdogMs);
  });

  it("is refused while a run is in progress or paused", () => {
    for (const s of [ringing().state, inCall().state, wrapUp().state, paused().state]) {
      expect(transition(s, start()).error?.code).toBe("conflict");
    }
  });

  it("may start again after completed or stopped", () => {
    const stopped = run([{ type: "stop", now: T0 + 10_000 }], wrapUp().state).state;
    const again = run([start(0, [item(5)])], stopped);
    expect(again.state.status).toBe("dialing");
    expect(dials(again.effects)).toEqual(["+14155550105"]);
  });
});

describe("call progress", () => {
  it("matches call.created to the pending dial by digits and follows its id", () => {
    const { state, effects } = ringing();
    expect(state.status).toBe("ringing");
    expect(state.current?.callId).toBe(call(1).id);
    expect(effects).toContainEqual({ type: "history.update", dialId: 1, fields: { callId: call(1).id, startedAt: T0 } });
  });

  it("ignores a call.created for another number or an inbound call", () => {
    const s = run([start()]).state;
    expect(transition(s, ev("call.created", call(2))).state).toBe(s);
    expect(transition(s, ev("call.created", call(1, { direction: "inbound" }))).state).toBe(s);
    expect(transition(s, ev("call.created", call(1, { startedAt: T0 - 120_000 }))).state).toBe(s);
  });

  it("answered → in_call; hung up → wrap_up countdown with one call.ended push", () => {
    expect(inCall().state.status).toBe("in_call");
    const { state, effects } = wrapUp();
    expect(state.status).toBe("wrap_up");
    expect(state.nextDialAt).toBe(T0 + 9000 + 5000);
    const pushes = effects.filter((e) => e.type === "push.ended");
    expect(pushes).toEqual([{ type: "push.ended", itemId: "item-1", callId: call(1).id, outcome: "answered", nextDialAt: T0 + 14_000 }]);
  });

  it("advances on call.hungup or call.ended, whichever comes first, and only once", () => {
    const endedFirst = run([ev("call.ended", call(1, { endedAt: T0 + 8000, duration: 8 }), T0 + 8000)], ringing().state);
    expect(endedFirst.state.status).toBe("wrap_up");
    expect(endedFirst.effects.find((e) => e.type === "push.ended")).toMatchObject({ outcome: "no_answer" });
    const late = transition(endedFirst.state, ev("call.hungup", call(1, { endedAt: T0 + 8000 }), T0 + 8100));
    expect(late.state).toBe(endedFirst.state);
    expect(late.effects.every((e) => e.type === "history.updateCall")).toBe(true);
  });

  it("a late call.hungup after call.ended writes nothing over the final data", () => {
    const s = run([ev("call.ended", call(1, { endedAt: T0 + 8000, duration: 8, recording: "https://rec" }), T0 + 8000)], ringing().state).state;
    expect(transition(s, ev("call.hungup", call(1, { endedAt: T0 + 8000 }), T0 + 9000)).effects).toEqual([]);
  });

  it("a late event of an earlier call to the same number never matches the new dial", () => {
    // item 1 called, no answer; queued again right away; the first call's call.ended comes late
    let s = run([start(0, [item(1), { ...item(1), id: "again" }]), ev("call.created", call(1)), ev("call.hungup", call(1, { endedAt: T0 + 3000 }), T0 + 3000)]).state;
    expect(s.current?.item.id).toBe("again");
    s = transition(s, ev("call.ended", call(1, { endedAt: T0 + 3000, duration: 3 }), T0 + 30_000)).state;
    expect(s.status).toBe("dialing");
    expect(s.current?.callId).toBeUndefined();
  });

  it("a late call.ended completes the history row of a call the run already left", () => {
    const s = wrapUp().state;
    expect(s.unfinal?.map((u) => u.callId)).toEqual([call(1).id]); // its final data is still to come
    const t = transition(s, ev("call.ended", call(1, { answeredAt: T0 + 3000, endedAt: T0 + 9000, duration: 9, recording: "https://rec" }), T0 + 39_000));
    expect(t.state).toEqual({ ...s, unfinal: [] });
    expect(t.effects).toEqual([
      { type: "history.updateCall", callId: call(1).id, fields: expect.objectContaining({ durationSeconds: 9, talkSeconds: 6, recordingUrl: "https://rec", final: true }) },
    ]);
  });

  it("hang-up arriving before call.created still ends the pending dial", () => {
    const s = run([start()]).state;
    const t = transition(s, ev("call.hungup", call(1, { endedAt: T0 + 5000 })));
    expect(t.state.status).toBe("wrap_up");
    expect(t.effects.find((e) => e.type === "push.ended")).toMatchObject({ itemId: "item-1", callId: call(1).id, outcome: "no_answer" });
  });

  it("delay 0 dials the next item in the same transition as the hang-up", () => {
    const s = run([start(0), ev("call.created", call(1))]).state;
    const t = transition(s, ev("call.hungup", call(1, { endedAt: T0 + 2000 }), T0 + 2000));
    expect(t.state.status).toBe("dialing");
    expect(dials(t.effects)).toEqual(["+14155550102"]);
  });

  it("the countdown timer dials the next item; the last hang-up completes the run", () => {
    let s = wrapUp().state;
    expect(transition(s, { type: "timer", now: T0 + 13_000 }).state).toBe(s); // not yet due
    const t = transition(s, { type: "timer", now: T0 + 14_000 });
    expect(t.state.status).toBe("dialing");
    expect(dials(t.effects)).toEqual(["+14155550102"]);
    s = run(
      [
        ev("call.hungup", call(2, { startedAt: T0 + 14_000, endedAt: T0 + 20_000 }), T0 + 20_000),
        { type: "timer", now: T0 + 25_000 },
        ev("call.hungup", call(3, { startedAt: T0 + 25_000, endedAt: T0 + 30_000 }), T0 + 30_000),
      ],
      t.state,
    ).state;
    expect(s.status).toBe("completed");
    expect(s.done).toBe(3);
    // nothing left to dial; only the reads of final data for calls whose call.ended has not come
    expect(s.unfinal?.map((u) => u.callId)).toEqual([call(1).id, call(2).id, call(3).id]);
    expect(nextAlarmAt({ ...s, unfinal: [] })).toBeUndefined();
  });

  it("duplicate events change nothing", () => {
    const s = inCall().state;
    const again = transition(s, ev("call.answered", call(1, { answeredAt: T0 + 3000 }), T0 + 3000));
    expect(again.state.status).toBe("in_call");
    expect(again.effects).toEqual([]);
  });
});

describe("Aircall's answers to start-call", () => {
  const dialing = () => run([start()]).state;
  const result = (s: MachineState, r: Extract<MachineEvent, { type: "dial.result" }>["result"], now = T0 + 200) =>
    transition(s, { type: "dial.result", dialId: 1, result: r, now });

  it("405: pauses with a reason, puts the item back, resumes when the agent is available", () => {
    const t = result(dialing(), { kind: "unavailable", message: "405 Method Not Allowed: User not available" });
    expect(t.state.status).toBe("paused");
    expect(t.state.pausedReason).toMatch(/not available/);
    expect(t.state.queue[0]?.id).toBe("item-1");
    expect(t.effects).toEqual([{ type: "history.discard", dialId: 1 }]);
    const back = transition(t.state, { type: "user", event: "user.wut_end", availability: "available", now: T0 + 60_000 });
    expect(back.state.status).toBe("dialing");
    expect(dials(back.effects)).toEqual(["+14155550101"]);
  });

  it("405 and no user event: asks Aircall for the availability after the watchdog time", () => {
    const paused = result(dialing(), { kind: "unavailable", message: "405" }).state;
    expect(paused.recheckAt).toBe(T0 + 200 + DEFAULT_CONFIG.watchdogMs);
    expect(nextAlarmAt(paused)).toBe(paused.recheckAt);
    expect(transition(paused, { type: "timer", now: paused.recheckAt! - 1 }).effects).toEqual([]);
    const check = transition(paused, { type: "timer", now: paused.recheckAt! });
    expect(check.effects).toEqual([{ type: "check.availability" }]);
    const stillBusy = transition(check.state, { type: "availability", availability: "in_call", now: paused.recheckAt! + 50 });
    expect(stillBusy.state.status).toBe("paused");
    expect(nextAlarmAt(stillBusy.state)).toBe(paused.recheckAt! + 2 * DEFAULT_CONFIG.watchdogMs); // checks back off
    const free = transition(stillBusy.state, { type: "availability", availability: "available", now: paused.recheckAt! + 60_000 });
    expect(free.state.status).toBe("dialing");
    expect(dials(free.effects)).toEqual(["+14155550101"]);
    expect(free.state.recheckAt).toBeUndefined();
  });

  it("pausing over an automatic pause keeps the run paused when the agent is available", () => {
    const auto = result(dialing(), { kind: "unavailable", message: "405" }).state;
    const manual = transition(auto, { type: "pause", now: T0 + 1000 }).state;
    expect(manual).toMatchObject({ status: "paused", autoResume: false, pausedReason: "Paused by you" });
    expect(nextAlarmAt(manual)).toBeUndefined();
    expect(transition(manual, { type: "availability", availability: "available", now: T0 + 2000 }).state.status).toBe("paused");
    expect(transition(manual, { type: "user", event: "user.opened", availability: "available", now: T0 + 2000 }).state.status).toBe("paused");
  });

  it("400: marks the number failed and dials the next one at once", () => {
    const t = result(dialing(), { kind: "rejected", message: "400 Bad Request" });
    expect(t.effects[0]).toMatchObject({ type: "history.update", fields: { outcome: "failed" } });
    expect(t.effects.find((e) => e.type === "push.ended")).toMatchObject({ outcome: "failed" });
    expect(dials(t.effects)).toEqual(["+14155550102"]);
  });

  it("403/404: pauses without auto-resume", () => {
    const t = result(dialing(), { kind: "refused", message: "403 Forbidden" });
    expect(t.state.status).toBe("paused");
    expect(t.state.autoResume).toBe(false);
    const opened = transition(t.state, { type: "user", event: "user.opened", availability: "available", now: T0 + 1000 });
    expect(opened.state.status).toBe("paused");
  });

  const LIST = DEFAULT_CONFIG.listDelayMs;
  /** The timer that searches at `at`, and the search (sent then) finding nothing. */
  const emptySearch = (s: MachineState, at: number) => {
    const search = transition(s, { type: "timer", now: at });
    const fx = search.effects[0] as Extract<Effect, { type: "lookup.dial" }>;
    expect(fx).toMatchObject({ type: "lookup.dial", dialId: 1, phone: "+14155550101", fromMs: s.current!.firstSentAt - 10_000 });
    return transition(search.state, { type: "lookup.result", dialId: 1, seq: fx.seq, calls: [], searchedAt: at, now: at + 100 }).state;
  };

  it("5xx/timeout: waits until Aircall can list the call, then looks for it before any new dial", () => {
    const t = result(dialing(), { kind: "uncertain", message: "502" });
    expect(t.effects).toEqual([]); // Aircall may not list the call yet
    expect(nextAlarmAt(t.state)).toBe(T0 + 200 + LIST); // counted from the 502's arrival
    const search = transition(t.state, { type: "timer", now: T0 + 200 + LIST });
    expect(search.effects).toEqual([{ type: "lookup.dial", dialId: 1, seq: 1, phone: "+14155550101", fromMs: T0 - 10_000 }]);
    // the call was placed after all: follow it (and the missing webhook is reported)
    const found = transition(search.state, { type: "lookup.result", dialId: 1, seq: 1, calls: [call(1)], searchedAt: T0 + 200 + LIST, now: T0 + 300 + LIST });
    expect(found.state.status).toBe("ringing");
    expect(dials(found.effects)).toEqual([]);
    expect(found.effects).toContainEqual({ type: "webhook.missing" });
  });

  it("5xx and two empty searches: redials after a backoff; pauses when Aircall keeps failing", () => {
    let s = result(dialing(), { kind: "uncertain", message: "503" }).state;
    s = emptySearch(s, T0 + 200 + LIST);
    expect(s.current?.retryAt).toBeUndefined(); // one empty search is not enough
    s = emptySearch(s, s.watchdogAt!);
    expect(s.current?.retryAt).toBeGreaterThan(T0);
    expect(nextAlarmAt(s)).toBe(s.current?.retryAt);
    const redial = transition(s, { type: "timer", now: s.current!.retryAt! });
    expect(dials(redial.effects)).toEqual(["+14155550101"]);
    s = redial.state;
    for (let i = 0; i < 2 && s.status === "dialing"; i++) {
      s = transition(s, { type: "dial.result", dialId: 1, result: { kind: "uncertain", message: "503" }, now: s.current!.sentAt + 100 }).state;
      expect(s.watchdogAt).toBe(s.current!.sentAt + 100 + LIST);
      s = emptySearch(s, s.watchdogAt!);
      s = emptySearch(s, s.watchdogAt!);
      if (s.status === "dialing") s = transition(s, { type: "timer", now: s.current!.retryAt! }).state;
    }
    expect(s.status).toBe("paused");
    expect(s.pausedReason).toMatch(/keeps failing/);
    expect(s.queue[0]?.id).toBe("item-1");
  });

  it("a 405 to a redial looks for the first attempt's call instead of requeueing", () => {
    let s = result(dialing(), { kind: "uncertain", message: "504" }).state;
    s = emptySearch(s, T0 + 200 + LIST);
    s = emptySearch(s, s.watchdogAt!);
    s = transition(s, { type: "timer", now: s.current!.retryAt! }).state; // redial
    const busy = transition(s, { type: "dial.result", dialId: 1, result: { kind: "unavailable", message: "405" }, now: s.current!.sentAt + 100 });
    expect(busy.state.status).toBe("dialing");
    expect(busy.effects).toEqual([]);
    // the first attempt's call shows up: it is followed, nothing is dialed again
    const late = transition(busy.state, ev("call.answered", call(1, { startedAt: T0 + 12_000, answeredAt: T0 + 15_000 }), T0 + 40_000));
    expect(late.state.status).toBe("in_call");
  });

  it("a late 405 keeps a stopped run stopped and the agent's own pause manual", () => {
    const stopped = transition(dialing(), { type: "stop", now: T0 + 50 }).state;
    const t = result(stopped, { kind: "unavailable", message: "405" });
    expect(t.state).toMatchObject({ status: "stopped", current: undefined });
    expect(nextAlarmAt(t.state)).toBeUndefined();
    const paused = transition(dialing(), { type: "pause", now: T0 + 50 }).state;
    const p = result(paused, { kind: "unavailable", message: "405" });
    expect(p.state).toMatchObject({ status: "paused", autoResume: false, pausedReason: "Paused by you" });
    expect(p.state.queue[0]?.id).toBe("item-1");
    expect(transition(p.state, { type: "user", event: "user.opened", availability: "available", now: T0 + 5000 }).state.status).toBe("paused");
  });

  it("numbers refused one after another pause the run instead of failing the whole queue", () => {
    let s = dialing();
    for (let i = 1; i <= 2; i++) {
      s = transition(s, { type: "dial.result", dialId: i, result: { kind: "rejected", message: "400 not assigned" }, now: T0 + i * 100 }).state;
      expect(s.status).toBe("dialing");
    }
    const third = transition(s, { type: "dial.result", dialId: 3, result: { kind: "rejected", message: "400 not assigned" }, now: T0 + 400 });
    expect(third.state.status).toBe("paused");
    expect(third.state.pausedReason).toMatch(/refused 3 numbers in a row/);
    expect(dials(third.effects)).toEqual([]);
  });

  it("a start-call that waits for a rate-limit slot has no watchdog until it is sent", () => {
    expect(result(dialing(), { kind: "sent" }, T0 + 300).state).toEqual(dialing()); // sent at once: no change
    const queued = transition(dialing(), { type: "dial.queued", dialId: 1, attempt: 1, now: T0 + 5 }).state;
    expect(queued.current?.queued).toBe(true);
    expect(nextAlarmAt(queued)).toBeUndefined();
    expect(transition(queued, { type: "timer", now: T0 + 600_000 }).effects).toEqual([]); // no search while it waits
    const s = transition(queued, { type: "dial.sent", dialId: 1, attempt: 1, now: T0 + 250_000 }).state;
    expect(s.watchdogAt).toBe(T0 + 250_000 + DEFAULT_CONFIG.watchdogMs);
    expect(s.current).toMatchObject({ queued: false, sentAt: T0 + 250_000, firstSentAt: T0 + 250_000 });
    // Pause takes back a start-call still waiting: it goes back to the head of the queue, nothing was sent.
    const pausedQueued = transition(queued, { type: "pause", now: T0 + 10 });
    expect(pausedQueued.state).toMatchObject({ status: "paused", current: undefined });
    expect(pausedQueued.state.queue[0]?.id).toBe("item-1");
    expect(pausedQueued.effects).toEqual([{ type: "history.discard", dialId: 1 }]);
    // One being sent when the agent paused: the sender sees it is no longer wanted and cancels it.
    const paused = transition(dialing(), { type: "pause", now: T0 + 10 }).state;
    const cancelled = result(paused, { kind: "cancelled" });
    expect(cancelled.state).toMatchObject({ status: "paused", current: undefined });
    expect(cancelled.state.queue[0]?.id).toBe("item-1");
    expect(cancelled.effects).toEqual([{ type: "history.discard", dialId: 1 }]);
    expect(dials(transition(cancelled.state, { type: "resume", now: T0 + 100 }).effects)).toEqual(["+14155550101"]);
  });

  it("a dial result arriving after call.created is ignored", () => {
    const s = ringing().state;
    expect(transition(s, { type: "dial.result", dialId: 1, result: { kind: "uncertain", message: "timeout" }, now: T0 + 2000 }).state).toBe(s);
  });
});

describe("watchdog", () => {
  it("no call.created in time: searches Aircall for the call", () => {
    const s = run([start()]).state;
    const t = transition(s, { type: "timer", now: s.watchdogAt! });
    expect(t.effects).toEqual([{ type: "lookup.dial", dialId: 1, seq: 1, phone: "+14155550101", fromMs: T0 - 10_000 }]);
  });

  it("a call gone quiet: fetches it by id, and the fetched end advances the run", () => {
    const s = inCall().state;
    const t = transition(s, { type: "timer", now: s.watchdogAt! });
    expect(t.effects).toEqual([{ type: "lookup.call", dialId: 1, seq: 1, callId: call(1).id }]);
    const ended = transition(t.state, ev("call.hungup", call(1, { answeredAt: T0 + 3000, endedAt: T0 + 70_000 }), T0 + 70_000));
    expect(ended.state.status).toBe("wrap_up");
  });

  it("each event on the call pushes the watchdog back", () => {
    const s = ringing().state;
    const later = transition(s, ev("call.answered", call(1, { answeredAt: T0 + 30_000 }), T0 + 30_000)).state;
    expect(later.watchdogAt).toBe(T0 + 30_000 + DEFAULT_CONFIG.watchdogMs);
  });
});

describe("pause / resume / skip / stop in every state", () => {
  const states: Record<string, () => MachineState> = {
    idle: () => initialState(),
    dialing: () => run([start()]).state,
    ringing: () => ringing().state,
    in_call: () => inCall().state,
    wrap_up: () => wrapUp().state,
    paused: () => paused().state,
    completed: () => run([start(5, [item(1)]), ev("call.hungup", call(1, { endedAt: T0 + 5000 }))]).state,
    stopped: () => run([{ type: "stop", now: T0 + 10_000 }], wrapUp().state).state,
  };

  it.each(Object.keys(states))("pause in %s", (name) => {
    const s = states[name]!();
    const t = transition(s, { type: "pause", now: T0 + 10_000 });
    if (["dialing", "ringing", "in_call", "wrap_up", "paused"].includes(name)) {
      expect(t.state.status).toBe("paused");
      expect(t.state.nextDialAt).toBeUndefined();
      expect(dials(t.effects)).toEqual([]);
    } else expect(t.error?.code).toBe("conflict");
  });

  it.each(Object.keys(states))("resume in %s", (name) => {
    const s = states[name]!();
    const t = transition(s, { type: "resume", now: T0 + 10_000 });
    if (name === "paused") {
      expect(t.state.status).toBe("dialing");
      expect(dials(t.effects)).toEqual(["+14155550102"]);
    } else expect(t.error?.code).toBe("conflict");
  });

  it.each(Object.keys(states))("skip in %s", (name) => {
    const s = states[name]!();
    const t = transition(s, { type: "skip", now: T0 + 10_000 });
    if (name === "wrap_up" || name === "paused") {
      expect(t.state.queue.map((i) => i.id)).toEqual(["item-3"]);
      expect(t.effects.find((e) => e.type === "push.ended")).toMatchObject({ itemId: "item-2", outcome: "skipped", callId: null });
      expect(t.effects.find((e) => e.type === "history.skipped")).toBeDefined();
      expect(dials(t.effects)).toEqual([]);
    } else expect(t.error?.code).toBe("conflict");
  });

  it.each(Object.keys(states))("stop in %s", (name) => {
    const s = states[name]!();
    const t = transition(s, { type: "stop", now: T0 + 10_000 });
    expect(t.error).toBeUndefined();
    if (["idle", "completed"].includes(name)) expect(t.state.status).toBe(name);
    else expect(t.state.status).toBe("stopped");
    expect(dials(t.effects)).toEqual([]);
    expect(t.state.status === "wrap_up" ? t.state.nextDialAt : undefined).toBeUndefined();
  });

  it("pausing during a call keeps following it; resuming after its end dials the next", () => {
    let s = run([{ type: "pause", now: T0 + 4000 }], inCall().state).state;
    expect(toSnapshot(s, T0).current?.callId).toBe(call(1).id);
    const end = transition(s, ev("call.hungup", call(1, { answeredAt: T0 + 3000, endedAt: T0 + 9000 }), T0 + 9000));
    expect(end.state.status).toBe("paused");
    expect(dials(end.effects)).toEqual([]);
    s = end.state;
    const resumed = transition(s, { type: "resume", now: T0 + 20_000 });
    expect(dials(resumed.effects)).toEqual(["+14155550102"]);
  });

  it("resuming while the call is still live returns to the call's phase", () => {
    const s = run([{ type: "pause", now: T0 + 4000 }], inCall().state).state;
    expect(transition(s, { type: "resume", now: T0 + 5000 }).state.status).toBe("in_call");
  });

  it("skipping the last pending item during the countdown completes the run", () => {
    const s = run([start(5, [item(1), item(2)]), ev("call.hungup", call(1, { endedAt: T0 + 5000 }))]).state;
    expect(s.status).toBe("wrap_up");
    expect(transition(s, { type: "skip", now: T0 + 6000 }).state.status).toBe("completed");
  });
});

describe("agent availability", () => {
  it("going unavailable pauses the run; becoming available resumes it (both spellings normalised upstream)", () => {
    const s = transition(wrapUp().state, { type: "user", event: "user.closed", availability: "unavailable", now: T0 + 10_000 }).state;
    expect(s.status).toBe("paused");
    expect(s.availability).toBe("unavailable");
    const back = transition(s, { type: "user", event: "user.opened", availability: "available", now: T0 + 20_000 });
    expect(back.state.status).toBe("dialing");
  });

  it("a manual pause is not lifted by user.opened", () => {
    const s = paused().state;
    expect(transition(s, { type: "user", event: "user.opened", availability: "available", now: T0 + 20_000 }).state.status).toBe("paused");
  });
});

describe("queue edits during a run", () => {
  it("never brings back an item this run already dialled (an edit from a stale view)", () => {
    const s = wrapUp().state;
    const t = transition(s, { type: "queue.replace", items: [item(1), item(3), item(2)], handled: new Set(["item-1"]), now: T0 + 10_000 });
    expect(t.state.queue.map((i) => i.id)).toEqual(["item-3", "item-2"]);
  });

  it("replaces the pending items, never the current call's item", () => {
    const s = ringing().state;
    const t = transition(s, { type: "queue.replace", items: [item(1), item(4), item(3)], now: T0 + 2000 });
    expect(t.state.queue.map((i) => i.id)).toEqual(["item-4", "item-3"]);
    expect(t.state.current?.item.id).toBe("item-1");
  });
});

describe("snapshot", () => {
  it("matches DESIGN's contract", () => {
    const snap = toSnapshot(wrapUp().state, T0 + 10_000);
    expect(snap).toMatchObject({ status: "wrap_up", remaining: 2, delaySeconds: 5, nextDialAt: new Date(T0 + 14_000).toISOString() });
    expect(snap.current).toBeUndefined();
  });
});
