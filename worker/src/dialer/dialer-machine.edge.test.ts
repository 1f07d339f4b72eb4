/**
 * Edge cases found by a review of the engine: a stopped run's dial, late calls for dials given up
 * on, known facts kept, transfers' final data, Aircall's budget spent only when it helps, Workspace closed.
 */
import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG, initialState, transition } from "./dialer-machine";
import type { CallInfo, Effect, MachineEvent, MachineState } from "./machine-types";
import { call, dials, item, lookups, S, start, step, T0 } from "./machine-test-kit";
import { nextAlarmAt } from "./snapshot";

/** Runs the timer every second from `from` to `to`, answering each search or read with `answer`. */
function run(s: MachineState, from: number, to: number, fx: Effect[], answer: (l: ReturnType<typeof lookups>[number], at: number) => MachineEvent | null) {
  for (let t = from; t <= to; t += S) {
    const b = fx.length;
    s = step(s, { type: "timer", now: t }, fx);
    for (const l of lookups(fx.slice(b))) {
      const ev = answer(l, t);
      if (ev) s = step(s, ev, fx);
    }
  }
  return s;
}
const ringing = () => {
  let s = start([item(1), item(2)], 5);
  return step(s, { type: "call", event: "call.created", call: call(1, { startedAt: T0 + S }), now: T0 + 2 * S });
};
const answered = () => step(ringing(), { type: "call", event: "call.answered", call: call(1, { startedAt: T0 + S, answeredAt: T0 + 5 * S }), now: T0 + 5 * S });
/** Merges the fields written to the row of dial `dialId` (by dial id or by its call id). */
function rowOf(fx: Effect[], dialId: number, callId: string) {
  return fx.reduce<Record<string, unknown>>((row, e) => {
    if ((e.type === "history.update" && e.dialId === dialId) || (e.type === "history.updateCall" && e.callId === callId))
      return { ...row, ...Object.fromEntries(Object.entries(e.fields).filter(([, v]) => v !== undefined)) };
    return row;
  }, {});
}

describe("Stop, then Start with a new list", () => {
  it("never dials the stopped run's unconfirmed number again", () => {
    let s = start([item(1)], 0);
    s = step(s, { type: "dial.result", dialId: 1, attempt: 1, result: { kind: "uncertain", message: "Aircall did not answer" }, now: T0 + 10 * S });
    s = step(s, { type: "stop", now: T0 + 12 * S });
    const fx: Effect[] = [];
    s = step(s, { type: "start", items: [item(2), item(3)], delaySeconds: 0, now: T0 + 15 * S }, fx);
    expect(fx).toContainEqual({ type: "history.update", dialId: 1, fields: expect.objectContaining({ outcome: "failed" }) });
    s = run(s, T0 + 16 * S, T0 + 200 * S, fx, (l, at) => ({ type: "lookup.result", dialId: l.dialId, seq: l.seq, calls: [], searchedAt: at, now: at }));
    expect(dials(fx).map((d) => d.phone)).not.toContain(item(1).phone);
    expect(s.done).toBe(0); // the old dial is not one of this run's
  });

  it("a 405 for the stopped run's request does not put its number into the new run", () => {
    let s = start([item(1)], 0);
    s = step(s, { type: "stop", now: T0 + S });
    s = step(s, { type: "start", items: [item(2), item(3)], delaySeconds: 0, now: T0 + 2 * S });
    s = step(s, { type: "dial.result", dialId: 1, attempt: 1, result: { kind: "unavailable", message: "405" }, now: T0 + 3 * S });
    expect(s.queue.map((i) => i.id)).not.toContain("item-1");
    expect(s.current?.item.id).toBe("item-2");
  });

  it("a late call for the stopped run's dial still completes its row", () => {
    let s = start([item(1)], 0);
    s = step(s, { type: "stop", now: T0 + S });
    s = step(s, { type: "start", items: [item(2)], delaySeconds: 0, now: T0 + 2 * S });
    const fx: Effect[] = [];
    s = step(s, { type: "call", event: "call.hungup", call: call(1, { startedAt: T0 + S, endedAt: T0 + 20 * S }), now: T0 + 20 * S }, fx);
    expect(rowOf(fx, 1, call(1).id)).toMatchObject({ callId: call(1).id, outcome: "no_answer" });
    expect(s.current?.item.id).toBe("item-2");
  });
});

describe("a dial given up on, then its call shows up after all", () => {
  it("'keeps failing' put the number back: the late call gets the row and takes the number out of the queue", () => {
    let s: MachineState = { ...start([item(1), item(2)], 5), failures: 2 };
    s = step(s, { type: "dial.result", dialId: 1, attempt: 1, result: { kind: "uncertain", message: "Aircall did not answer" }, now: T0 + 10 * S });
    for (const t of [10 + 30, 10 + 30 + 15]) {
      const fx: Effect[] = [];
      s = step(s, { type: "timer", now: T0 + t * S }, fx);
      s = step(s, { type: "lookup.result", dialId: 1, seq: lookups(fx)[0]!.seq, calls: [], searchedAt: T0 + t * S, now: T0 + t * S });
    }
    expect(s.status).toBe("paused");
    expect(s.queue[0]?.id).toBe("item-1");
    const fx: Effect[] = [];
    s = step(s, { type: "call", event: "call.created", call: call(1, { startedAt: T0 + 12 * S }), now: T0 + 60 * S }, fx);
    s = step(s, { type: "call", event: "call.hungup", call: call(1, { startedAt: T0 + 12 * S, answeredAt: T0 + 20 * S, endedAt: T0 + 80 * S }), now: T0 + 80 * S }, fx);
    expect(rowOf(fx, 1, call(1).id)).toMatchObject({ callId: call(1).id, outcome: "answered", endedAt: T0 + 80 * S });
    expect(s.queue.map((i) => i.id)).not.toContain("item-1");
  });

  /** A dial whose searches all failed: recorded failed, kept for late events. */
  function orphaned() {
    let s = start([item(1), item(2)], 5);
    s = step(s, { type: "dial.result", dialId: 1, attempt: 1, result: { kind: "uncertain", message: "502" }, now: T0 + S });
    for (let t = 30; t <= 600 && s.status !== "paused"; t++) {
      const fx: Effect[] = [];
      s = step(s, { type: "timer", now: T0 + t * S }, fx);
      for (const l of lookups(fx)) s = step(s, { type: "lookup.result", dialId: l.dialId, seq: l.seq, error: "search answered 500", searchedAt: T0 + t * S, now: T0 + t * S });
    }
    expect(s.orphans).toHaveLength(1);
    return s;
  }

  it("created, then hung up unanswered, call.ended lost: the row ends no_answer with its end, and its final data is read later", () => {
    let s = orphaned();
    const fx: Effect[] = [];
    s = step(s, { type: "call", event: "call.created", call: call(1, { startedAt: T0 + 2 * S }), now: T0 + 700 * S }, fx);
    s = step(s, { type: "call", event: "call.hungup", call: call(1, { startedAt: T0 + 2 * S, endedAt: T0 + 30 * S }), now: T0 + 701 * S }, fx);
    expect(rowOf(fx, 1, call(1).id)).toMatchObject({ outcome: "no_answer", endedAt: T0 + 30 * S });
    expect(s.unfinal?.map((u) => u.callId)).toContain(call(1).id);
  });

  it("created, answered, hung up: the row says answered", () => {
    let s = orphaned();
    const fx: Effect[] = [];
    s = step(s, { type: "call", event: "call.created", call: call(1, { startedAt: T0 + 2 * S }), now: T0 + 700 * S }, fx);
    s = step(s, { type: "call", event: "call.answered", call: call(1, { startedAt: T0 + 2 * S, answeredAt: T0 + 9 * S }), now: T0 + 701 * S }, fx);
    s = step(s, { type: "call", event: "call.hungup", call: call(1, { startedAt: T0 + 2 * S, answeredAt: T0 + 9 * S, endedAt: T0 + 60 * S }), now: T0 + 702 * S }, fx);
    expect(rowOf(fx, 1, call(1).id)).toMatchObject({ outcome: "answered", talkSeconds: 51 });
  });
});

describe("what the run knows is kept", () => {
  it("a read that finds the call gone (404) keeps the answer time and talk time", () => {
    let s = answered();
    const fx: Effect[] = [];
    s = step(s, { type: "timer", now: s.watchdogAt! }, fx);
    const l = lookups(fx)[0]!;
    s = step(s, { type: "lookup.result", dialId: l.dialId, seq: l.seq, calls: [], searchedAt: T0 + 70 * S, now: T0 + 71 * S }, fx);
    expect(rowOf(fx, 1, call(1).id)).toMatchObject({ outcome: "answered", answeredAt: T0 + 5 * S });
  });

  it("a transferred call still gets its final data read later (its call.ended goes to the receiver)", () => {
    let s = answered();
    s = step(s, { type: "call", event: "call.transferred", call: call(1, { startedAt: T0 + S, answeredAt: T0 + 5 * S }), now: T0 + 40 * S });
    expect(s.current).toBeUndefined();
    expect(s.unfinal?.some((u) => u.callId === call(1).id)).toBe(true);
  });
});

describe("Aircall's budget is spent only when it helps", () => {
  it("reads of a long call that stays live back off (a 20-minute call costs a handful, not 20)", () => {
    let s = answered();
    const fx: Effect[] = [];
    s = run(s, T0 + 6 * S, T0 + 20 * 60 * S, fx, (l, at) => ({
      type: "lookup.result", dialId: l.dialId, seq: l.seq, calls: [call(1, { startedAt: T0 + S, answeredAt: T0 + 5 * S, status: "answered" })], searchedAt: at, now: at,
    }));
    expect(lookups(fx).length).toBeLessThanOrEqual(6);
    expect(s.status).toBe("in_call");
  });

  it("availability checks while Workspace is closed back off (one idle night is not hundreds of requests)", () => {
    let s = start([item(1), item(2)], 5);
    s = step(s, { type: "dial.result", dialId: 1, attempt: 1, result: { kind: "unavailable", message: "405" }, now: T0 + S });
    s = step(s, { type: "user", event: "user.disconnected", availability: null, now: T0 + 2 * S });
    let checks = 0;
    for (let t = T0 + 3 * S; t <= T0 + 8 * 3600 * S; t++) {
      const at = nextAlarmAt(s);
      if (at === undefined) break;
      t = Math.max(t, at);
      const fx: Effect[] = [];
      s = step(s, { type: "timer", now: t }, fx);
      for (const e of fx) if (e.type === "check.availability") (checks++, (s = step(s, { type: "availability", availability: "offline", now: t })));
    }
    expect(checks).toBeGreaterThan(10); // still checking, the night through
    expect(checks).toBeLessThan(60);
  });

  it("a call Aircall still shows live after hours is closed with what is known (a stuck call never blocks the agent)", () => {
    let s = answered();
    const fx: Effect[] = [];
    s = run(s, T0 + 6 * S, T0 + DEFAULT_CONFIG.maxCallMs + 20 * 60 * S, fx, (l, at) => ({
      type: "lookup.result", dialId: l.dialId, seq: l.seq, calls: [call(1, { startedAt: T0 + S, answeredAt: T0 + 5 * S, status: "answered" })], searchedAt: at, now: at,
    }));
    expect(s.current?.item.id).not.toBe("item-1");
    expect(rowOf(fx, 1, call(1).id)).toMatchObject({ outcome: "answered", reason: expect.stringMatching(/live hours later/) });
  });
});

describe("Aircall Workspace closed", () => {
  it("Resume by hand while it is closed dials nothing: the run waits for Workspace", () => {
    let s = ringing();
    s = step(s, { type: "pause", now: T0 + 3 * S });
    s = step(s, { type: "call", event: "call.hungup", call: call(1, { startedAt: T0 + S, endedAt: T0 + 20 * S }), now: T0 + 20 * S });
    s = step(s, { type: "user", event: "user.disconnected", availability: null, now: T0 + 30 * S });
    const fx: Effect[] = [];
    s = step(s, { type: "resume", now: T0 + 40 * S }, fx);
    expect(dials(fx)).toEqual([]);
    expect(s).toMatchObject({ status: "paused", autoResume: true });
    expect(s.pausedReason).toMatch(/Workspace is closed/);
    const back: Effect[] = [];
    s = step(s, { type: "user", event: "user.connected", availability: "available", now: T0 + 60 * S }, back);
    expect(dials(back)).toHaveLength(1);
  });

  it("Start while it is closed waits for it too", () => {
    let s = step(initialState(5), { type: "user", event: "user.disconnected", availability: null, now: T0 });
    const fx: Effect[] = [];
    s = step(s, { type: "start", items: [item(1)], delaySeconds: 5, now: T0 + S }, fx);
    expect(dials(fx)).toEqual([]);
    expect(s.status).toBe("paused");
    expect(s.queue.map((i) => i.id)).toEqual(["item-1"]);
  });
});
