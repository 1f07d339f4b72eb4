/**
 * The run under a real company's Aircall: a shared, tight budget (requests wait for slots, 429s),
 * calls listed late, searches that fail, stale queue edits, transfers, Workspace closing, lost
 * webhooks. Each test failed on the first version of the machine.
 */
import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG, initialState, transition } from "./dialer-machine";
import type { CallInfo, Effect, MachineEvent, MachineState } from "./machine-types";
import { call, dials, item, lookups, S, start, step, T0 } from "./machine-test-kit";
import { nextAlarmAt, toSnapshot } from "./snapshot";

const LIST = DEFAULT_CONFIG.listDelayMs;

describe("a start-call waiting for a rate-limit slot", () => {
  it("is not failed by searches while it waits, and its call is followed when it comes", () => {
    let s = start();
    s = step(s, { type: "dial.queued", dialId: 1, attempt: 1, now: T0 + 5 });
    const fx: Effect[] = [];
    for (const at of [60, 120, 180, 240]) s = step(s, { type: "timer", now: T0 + at * S }, fx);
    expect(lookups(fx)).toEqual([]); // nothing checks a request that has not gone out
    expect(toSnapshot(s, T0).current?.waitingForSlot).toBe(true); // the agent sees why it is still "dialing"
    s = step(s, { type: "dial.sent", dialId: 1, attempt: 1, now: T0 + 250 * S }, fx);
    s = step(s, { type: "dial.result", dialId: 1, attempt: 1, result: { kind: "sent" }, now: T0 + 250 * S + 80 }, fx);
    s = step(s, { type: "call", event: "call.created", call: call(1, { startedAt: T0 + 250 * S }), now: T0 + 252 * S }, fx);
    expect(fx).not.toContainEqual({ type: "history.discard", dialId: 1 });
    expect(s.status).toBe("ringing");
    expect(s.current?.callId).toBe(call(1).id);
    expect(s.queue.map((i) => i.id)).toEqual(["item-2"]);
  });

  it("without being told it waited: one search at a time, and searches made before Aircall could list the call prove nothing", () => {
    let s = start();
    const fx: Effect[] = [];
    for (const at of [60, 120, 180, 240]) s = step(s, { type: "timer", now: T0 + at * S }, fx);
    expect(lookups(fx)).toHaveLength(1); // never piles up behind the dial
    const seq = lookups(fx)[0]!.seq;
    // The limiter let the start-call out at 250 s, the search right after it: Aircall lists nothing yet.
    s = step(s, { type: "lookup.result", dialId: 1, seq, calls: [], searchedAt: T0 + 250 * S, now: T0 + 251 * S }, fx);
    s = step(s, { type: "call", event: "call.created", call: call(1, { startedAt: T0 + 250 * S }), now: T0 + 252 * S }, fx);
    expect(s.status).toBe("ringing");
    expect(fx).not.toContainEqual({ type: "history.discard", dialId: 1 });
  });

  it("an answer to an older search, or to another attempt, changes nothing", () => {
    let s = start();
    const fx: Effect[] = [];
    s = step(s, { type: "timer", now: T0 + 60 * S }, fx);
    const seq = lookups(fx)[0]!.seq;
    expect(transition(s, { type: "lookup.result", dialId: 1, seq: seq + 7, calls: [], searchedAt: T0 + 61 * S, now: T0 + 61 * S }).state).toBe(s);
    expect(transition(s, { type: "dial.result", dialId: 1, attempt: 2, result: { kind: "uncertain", message: "502" }, now: T0 + 61 * S }).state).toBe(s);
  });

  it("Stop takes back a start-call still waiting: Start with other numbers never sends it", () => {
    let s = start([item(1)], 0);
    s = step(s, { type: "dial.queued", dialId: 1, attempt: 1, now: T0 + 5 });
    const fx: Effect[] = [];
    s = step(s, { type: "stop", now: T0 + 100 }, fx);
    expect(s.current).toBeUndefined();
    expect(fx).toContainEqual({ type: "history.discard", dialId: 1 });
    s = step(s, { type: "start", items: [item(2), item(3)], delaySeconds: 0, now: T0 + 200 }, fx);
    expect(s.current?.item.id).toBe("item-2");
    // the old dial's late "sent" (from a request that slipped through) cannot revive it
    expect(transition(s, { type: "dial.sent", dialId: 1, attempt: 1, now: T0 + 300 }).state).toBe(s);
  });
});

describe("searches after a 5xx or timeout", () => {
  it("never adopt the previous, finished call to the same number", () => {
    const again = { ...item(1), id: "again" };
    let s = start([item(1), again], 0);
    s = step(s, { type: "call", event: "call.created", call: call(1), now: T0 + S });
    s = step(s, { type: "call", event: "call.hungup", call: call(1, { endedAt: T0 + 4 * S }), now: T0 + 4 * S });
    expect(s.current?.item.id).toBe("again");
    s = step(s, { type: "dial.result", dialId: 2, attempt: 1, result: { kind: "uncertain", message: "504 timed out" }, now: T0 + 14 * S });
    const fx: Effect[] = [];
    s = step(s, { type: "timer", now: s.watchdogAt! }, fx);
    const seq = lookups(fx)[0]!.seq;
    const first = call(1, { endedAt: T0 + 4 * S, duration: 4 });
    const t = transition(s, { type: "lookup.result", dialId: 2, seq, calls: [first], searchedAt: s.watchdogAt! - 1, now: s.watchdogAt! });
    expect(t.effects.some((e) => e.type === "history.update" && e.dialId === 2 && e.fields.callId === first.id)).toBe(false);
    expect(t.state.current?.item.id).toBe("again");
    expect(t.state.current?.callId).toBeUndefined();
  });

  it("never adopt a call to the number that ended before this dial, even one the run never saw", () => {
    let s = start([item(1)], 0);
    s = step(s, { type: "dial.result", dialId: 1, attempt: 1, result: { kind: "uncertain", message: "502" }, now: T0 + 2 * S });
    const fx: Effect[] = [];
    s = step(s, { type: "timer", now: T0 + 2 * S + LIST }, fx);
    const old = call(1, { id: "123", startedAt: T0 - 9 * S, endedAt: T0 - 8 * S }); // a call made by hand just before
    const t = transition(s, { type: "lookup.result", dialId: 1, seq: lookups(fx)[0]!.seq, calls: [old], searchedAt: T0 + 2 * S + LIST, now: T0 + 2 * S + LIST });
    expect(t.state.current?.callId).toBeUndefined();
  });
});

describe("a search that keeps failing", () => {
  it("counts, and after a bounded number the run pauses with the reason — never an endless 'dialing'", () => {
    let s = start([item(1), item(2)]);
    let fx: Effect[] = [];
    for (let i = 0; i < DEFAULT_CONFIG.maxLookupErrors; i++) {
      fx = [];
      s = step(s, { type: "timer", now: s.watchdogAt! }, fx);
      const l = lookups(fx)[0]!;
      expect(l).toBeDefined();
      s = step(s, { type: "lookup.result", dialId: 1, seq: l.seq, error: "search answered 400 Bad Request: Invalid phone_number", searchedAt: s.watchdogAt! - 10, now: s.watchdogAt! }, fx);
    }
    expect(s.status).toBe("paused");
    expect(s.pausedReason).toMatch(/could not confirm.*400 Bad Request/);
    expect(s.autoResume).toBe(false);
    expect(fx).toContainEqual(expect.objectContaining({ type: "history.update", dialId: 1, fields: expect.objectContaining({ outcome: "failed" }) }));
    // Resume goes on with the next number; the unconfirmed one is not dialed again on a guess.
    const resumed: Effect[] = [];
    s = step(s, { type: "resume", now: s.watchdogAt ?? T0 + 900 * S }, resumed);
    expect(dials(resumed)).toEqual([{ type: "dial", dialId: 2, attempt: 1, phone: item(2).phone }]);
  });

  it("a late event for the dial it gave up on completes that row (and dials nothing)", () => {
    let s = start([item(1), item(2)]);
    for (let i = 0; i < DEFAULT_CONFIG.maxLookupErrors; i++) {
      const fx: Effect[] = [];
      s = step(s, { type: "timer", now: s.watchdogAt! }, fx);
      s = step(s, { type: "lookup.result", dialId: 1, seq: lookups(fx)[0]!.seq, error: "500", searchedAt: s.watchdogAt!, now: s.watchdogAt! });
    }
    const t = transition(s, { type: "call", event: "call.ended", call: call(1, { startedAt: T0 + S, answeredAt: T0 + 5 * S, endedAt: T0 + 65 * S, duration: 64 }), now: T0 + 400 * S });
    expect(t.effects).toEqual([
      { type: "history.update", dialId: 1, fields: expect.objectContaining({ callId: call(1).id, outcome: "answered", durationSeconds: 64, final: true }) },
    ]);
    expect(dials(t.effects)).toEqual([]);
    expect(t.state.status).toBe("paused");
  });

  it("a search whose answer never comes (the object restarted mid-request) counts as failed after lookupLostMs", () => {
    let s = start();
    const fx: Effect[] = [];
    s = step(s, { type: "timer", now: s.watchdogAt! }, fx);
    const asked = lookups(fx)[0]!;
    expect(nextAlarmAt(s)).toBe(T0 + DEFAULT_CONFIG.watchdogMs + DEFAULT_CONFIG.lookupLostMs);
    s = step(s, { type: "timer", now: nextAlarmAt(s)! });
    expect(s.current?.lookupErrors).toBe(1);
    expect(s.current?.lookup).toBeUndefined();
    const again: Effect[] = [];
    s = step(s, { type: "timer", now: s.watchdogAt! }, again);
    expect(lookups(again)[0]?.seq).toBeGreaterThan(asked.seq);
  });

  it("a read of the followed call that keeps failing ends the call with what is known and pauses", () => {
    let s = start();
    s = step(s, { type: "call", event: "call.answered", call: call(1, { answeredAt: T0 + 3 * S }), now: T0 + 3 * S });
    for (let i = 0; i < DEFAULT_CONFIG.maxLookupErrors; i++) {
      const fx: Effect[] = [];
      s = step(s, { type: "timer", now: s.watchdogAt! }, fx);
      expect(lookups(fx)[0]?.type).toBe("lookup.call");
      s = step(s, { type: "lookup.result", dialId: 1, seq: lookups(fx)[0]!.seq, error: "503", searchedAt: s.watchdogAt!, now: s.watchdogAt! });
    }
    expect(s.status).toBe("paused");
    expect(s.current).toBeUndefined();
    expect(s.unfinal?.map((u) => u.callId)).toEqual([call(1).id]); // its final data is read later
  });
});

describe("queue edits are versioned", () => {
  it("an edit made before the client heard of a 405 keeps the number the worker put back", () => {
    let s = start([item(1), item(2), item(3)]);
    s = step(s, { type: "dial.result", dialId: 1, attempt: 1, result: { kind: "unavailable", message: "405 User not available" }, now: T0 + 200 });
    expect(s.queue[0]?.id).toBe("item-1");
    expect(s.queueRev).toBe(1);
    // the client still shows item-1 as dialing: its pending list (plus a new number) lacks it
    const stale = step(s, { type: "queue.replace", items: [item(2), item(3), item(4)], handled: new Set(), baseRev: 0, now: T0 + 1000 });
    expect(stale.queue.map((i) => i.id)).toEqual(["item-1", "item-2", "item-3", "item-4"]);
    // an old client that says nothing is treated as stale too
    expect(step(s, { type: "queue.replace", items: [item(3)], handled: new Set(), now: T0 + 1000 }).queue.map((i) => i.id)).toEqual(["item-1", "item-3"]);
    // an edit made after seeing it may remove it
    const fresh = step(s, { type: "queue.replace", items: [item(3), item(2)], handled: new Set(), baseRev: 1, now: T0 + 1000 });
    expect(fresh.queue.map((i) => i.id)).toEqual(["item-3", "item-2"]);
  });
});

describe("the agent leaves the flow", () => {
  it("call.transferred: the run moves on, the row says transferred", () => {
    let s = start([item(1), item(2)]);
    s = step(s, { type: "call", event: "call.answered", call: call(1, { answeredAt: T0 + 3 * S }), now: T0 + 3 * S });
    const fx: Effect[] = [];
    s = step(s, { type: "call", event: "call.transferred", call: call(1, { answeredAt: T0 + 3 * S }), now: T0 + 40 * S }, fx);
    expect(s.status).toBe("wrap_up");
    expect(fx).toContainEqual({ type: "history.update", dialId: 1, fields: expect.objectContaining({ outcome: "answered", reasonCode: "transferred" }) });
    expect(fx).toContainEqual(expect.objectContaining({ type: "push.ended", itemId: "item-1", outcome: "answered" }));
  });

  it("a read of the followed call that now belongs to someone else counts as a transfer", () => {
    let s = start([item(1), item(2)]);
    s = step(s, { type: "call", event: "call.answered", call: call(1, { answeredAt: T0 + 3 * S }), now: T0 + 3 * S });
    const fx: Effect[] = [];
    s = step(s, { type: "timer", now: s.watchdogAt! }, fx);
    s = step(s, { type: "lookup.result", dialId: 1, seq: lookups(fx)[0]!.seq, calls: [call(1, { answeredAt: T0 + 3 * S, transferredAway: true })], searchedAt: s.watchdogAt!, now: s.watchdogAt! }, fx);
    expect(s.status).toBe("wrap_up");
    expect(fx).toContainEqual({ type: "history.update", dialId: 1, fields: expect.objectContaining({ reasonCode: "transferred" }) });
  });

  it("user.disconnected pauses with a clear reason and dials nothing; user.connected + available resumes", () => {
    let s = start([item(1), item(2)]);
    s = step(s, { type: "call", event: "call.hungup", call: call(1, { endedAt: T0 + 5 * S }), now: T0 + 5 * S });
    expect(s.status).toBe("wrap_up");
    s = step(s, { type: "user", event: "user.disconnected", availability: "available", now: T0 + 6 * S });
    expect(s.status).toBe("paused");
    expect(s.pausedReason).toMatch(/Workspace is closed/);
    expect(s.autoResume).toBe(true);
    expect(dials(transition(s, { type: "timer", now: T0 + 30 * S }).effects)).toEqual([]);
    const fx: Effect[] = [];
    const back = step(s, { type: "user", event: "user.connected", availability: "available", now: T0 + 90 * S }, fx);
    expect(back.status).toBe("dialing");
    expect(dials(fx)).toHaveLength(1);
    // connected but not available: stays paused until the agent is available
    expect(step(s, { type: "user", event: "user.connected", availability: "unavailable", now: T0 + 90 * S }).status).toBe("paused");
  });

  it("user.disconnected takes back a start-call still waiting for its slot", () => {
    let s = start([item(1)]);
    s = step(s, { type: "dial.queued", dialId: 1, attempt: 1, now: T0 + 5 });
    const fx: Effect[] = [];
    s = step(s, { type: "user", event: "user.disconnected", availability: null, now: T0 + 10 }, fx);
    expect(s.current).toBeUndefined();
    expect(s.queue[0]?.id).toBe("item-1");
    expect(fx).toEqual([{ type: "history.discard", dialId: 1 }]);
  });
});

describe("final rows", () => {
  it("a call closed without call.ended gets its final data from Aircall later; not done yet → read again", () => {
    let s = start([item(1)]);
    s = step(s, { type: "call", event: "call.hungup", call: call(1, { answeredAt: T0 + 3 * S, endedAt: T0 + 20 * S }), now: T0 + 20 * S });
    expect(s.status).toBe("completed");
    const due = nextAlarmAt(s)!;
    expect(due).toBe(T0 + 20 * S + DEFAULT_CONFIG.finalDelayMs);
    const fx: Effect[] = [];
    s = step(s, { type: "timer", now: due }, fx);
    expect(fx).toEqual([{ type: "lookup.final", callId: call(1).id }]);
    s = step(s, { type: "final.result", callId: call(1).id, call: call(1, { answeredAt: T0 + 3 * S, endedAt: T0 + 20 * S, status: "answered" }), now: due + 100 });
    expect(s.unfinal?.[0]?.tries).toBe(1); // not done yet
    const fx2: Effect[] = [];
    s = step(s, { type: "timer", now: nextAlarmAt(s)! }, fx2);
    s = step(s, { type: "final.result", callId: call(1).id, call: call(1, { answeredAt: T0 + 3 * S, endedAt: T0 + 20 * S, duration: 20, recording: "https://rec", status: "done" }), now: due + 200 * S }, fx2);
    expect(fx2).toContainEqual({ type: "history.updateCall", callId: call(1).id, fields: expect.objectContaining({ durationSeconds: 20, recordingUrl: "https://rec", final: true, talkSeconds: 17 }) });
    expect(s.unfinal).toEqual([]);
  });

  it("gives up on the final read after maxFinalTries (the row stays, not final)", () => {
    let s = start([item(1)]);
    s = step(s, { type: "call", event: "call.hungup", call: call(1, { endedAt: T0 + 20 * S }), now: T0 + 20 * S });
    for (let i = 0; i < DEFAULT_CONFIG.maxFinalTries; i++) {
      s = step(s, { type: "timer", now: nextAlarmAt(s)! });
      s = step(s, { type: "final.result", callId: call(1).id, call: null, now: T0 + 1000 * S * (i + 1) });
    }
    expect(s.unfinal).toEqual([]);
    expect(nextAlarmAt(s)).toBeUndefined();
  });
});
