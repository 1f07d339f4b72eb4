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

  it("a late call.ended completes the history row of a call the run already left", () => {
    const s = wrapUp().state;
    const t = transition(s, ev("call.ended", call(1, { answeredAt: T0 + 3000, endedAt: T0 + 9000, duration: 9, recording: "https://rec" }), T0 + 39_000));
    expect(t.state).toBe(s);
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
    s = run([ev("call.hungup", call(2, { endedAt: T0 + 20_000 }), T0 + 20_000), { type: "timer", now: T0 + 25_000 }, ev("call.hungup", call(3, { endedAt: T0 + 30_000 }), T0 + 30_000)], t.state).state;
    expect(s.status).toBe("completed");
    expect(s.done).toBe(3);
    expect(nextAlarmAt(s)).toBeUndefined();
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
    expect(nextAlarmAt(stillBusy.state)).toBe(paused.recheckAt! + DEFAULT_CONFIG.watchdogMs);
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

  it("5xx/timeout: looks for the call before any new dial, never redials blindly", () => {
    const t = result(dialing(), { kind: "uncertain", message: "502" });
    expect(t.effects).toEqual([{ type: "lookup.dial", dialId: 1, phone: "+14155550101", sentAt: T0 }]);
    expect(dials(t.effects)).toEqual([]);
    // the call was placed after all: follow it
    const found = transition(t.state, { type: "lookup.result", dialId: 1, call: call(1), now: T0 + 1000 });
    expect(found.state.status).toBe("ringing");
    expect(dials(found.effects)).toEqual([]);
  });

  it("5xx and no call found: redials after a backoff; pauses when Aircall keeps failing", () => {
    let s = result(dialing(), { kind: "uncertain", message: "503" }).state;
    s = transition(s, { type: "lookup.result", dialId: 1, call: null, now: T0 + 1000 }).state;
    expect(s.current?.retryAt).toBe(T0 + 1000 + DEFAULT_CONFIG.retryBackoffMs);
    expect(nextAlarmAt(s)).toBe(s.current?.retryAt);
    const redial = transition(s, { type: "timer", now: s.current!.retryAt! });
    expect(dials(redial.effects)).toEqual(["+14155550101"]);
    s = redial.state;
    for (let i = 0; i < 2; i++) {
      s = transition(s, { type: "dial.result", dialId: 1, result: { kind: "uncertain", message: "503" }, now: T0 + 20_000 }).state;
      s = transition(s, { type: "lookup.result", dialId: 1, call: null, now: T0 + 21_000 }).state;
      if (s.status === "dialing") s = transition(s, { type: "timer", now: s.current!.retryAt! }).state;
    }
    expect(s.status).toBe("paused");
    expect(s.pausedReason).toMatch(/keeps failing/);
    expect(s.queue[0]?.id).toBe("item-1");
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
    expect(t.effects).toEqual([{ type: "lookup.dial", dialId: 1, phone: "+14155550101", sentAt: T0 }]);
  });

  it("a call gone quiet: fetches it by id, and the fetched end advances the run", () => {
    const s = inCall().state;
    const t = transition(s, { type: "timer", now: s.watchdogAt! });
    expect(t.effects).toEqual([{ type: "lookup.call", dialId: 1, callId: call(1).id }]);
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
