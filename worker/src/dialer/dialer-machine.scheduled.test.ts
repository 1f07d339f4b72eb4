/**
 * Scheduled numbers (callbacks, retries) once their time has come: the extension holds no row for
 * them, so the worker keeps them through queue edits, calling hours, corrections and a stopped run.
 */
import { DEFAULT_DISPOSITIONS, type Disposition } from "@dialer/shared";
import { describe, expect, it } from "vitest";
import { initialState } from "./dialer-machine";
import type { Effect, MachineEvent, MachineState } from "./machine-types";
import { call, dials, item, S, step, T0 } from "./machine-test-kit";

const disp = (id: string): Disposition => DEFAULT_DISPOSITIONS.find((d) => d.id === id)!;

/** Item 1 answered and hung up; the run counts down to item 2 (items 2..n still queued). */
function afterAnsweredCall(items = [item(1), item(2), item(3)]) {
  let s = step(initialState(5), { type: "start", items, delaySeconds: 5, now: T0 });
  s = step(s, { type: "call", event: "call.answered", call: call(1, { answeredAt: T0 + 3 * S }), now: T0 + 3 * S });
  return step(s, { type: "call", event: "call.hungup", call: call(1, { answeredAt: T0 + 3 * S, endedAt: T0 + 60 * S }), now: T0 + 60 * S });
}
const wrapup = (over: Partial<Extract<MachineEvent, { type: "wrapup" }>> = {}): MachineEvent => ({
  type: "wrapup", dialId: 1, item: item(1), callId: call(1).id, disposition: disp("callback"), correction: false, now: T0 + 70 * S, ...over,
});

/** Where the callback's number is: scheduled, queued or being dialed. */
const whereIs = (s: MachineState, phone: string) => ({
  scheduled: (s.scheduled ?? []).some((x) => x.item.phone === phone),
  queued: s.queue.some((i) => i.phone === phone),
  current: s.current?.item.phone === phone,
});
const pending = (s: MachineState, phone: string) => {
  const w = whereIs(s, phone);
  return w.scheduled || w.queued || w.current;
};

describe("a callback brought back into a running queue is dropped by the agent's next queue edit", () => {
  it("PUT /api/queue (queue.replace) from the extension, which never saw the r<dialId>-<itemId> id, keeps the callback", () => {
    let s = afterAnsweredCall();
    const at = T0 + 90 * S;
    s = step(s, wrapup({ callbackAt: at }));
    s = step(s, { type: "timer", now: T0 + 65 * S }); // dials item 2
    s = step(s, { type: "timer", now: at }); // the callback is due: head of the queue
    expect(s.queue[0]?.phone).toBe(item(1).phone);
    // The agent adds a number from a CRM page during the call: the extension PUTs its own pending
    // rows (item 3 + the new one) with the queueRev it last saw. It has no row for the callback's id.
    s = step(s, { type: "queue.replace", items: [item(3), item(4)], baseRev: s.queueRev ?? 0, handled: new Set(["item-1", "item-2"]), now: at + S });
    expect(pending(s, item(1).phone), "the callback for item 1 must still ring").toBe(true);
  });
});

describe("a callback or retry that comes due outside calling hours", () => {
  it("the guard's outside_calling_hours skip of a scheduled number reschedules it (retryAt), it is not forgotten", () => {
    let s = afterAnsweredCall([item(1)]); // run completes after this call
    const at = T0 + 2 * 3600 * S;
    s = step(s, wrapup({ callbackAt: at }));
    const fx: Effect[] = [];
    s = step(s, { type: "timer", now: at }, fx); // no run going: a run starts with the callback
    const d = dials(fx)[0]!;
    expect(d.phone).toBe(item(1).phone);
    // The compliance guard: 21:05 at the callee's, window opens at 08:00 tomorrow (11 h later).
    const retryAt = at + 11 * 3600 * S;
    s = step(s, { type: "dial.guarded", dialId: d.dialId, attempt: 1, reasonCode: "outside_calling_hours", reason: "Outside calling hours", retryAt, now: at + 1 });
    // The extension keeps an outside_calling_hours item "pending for a later run" — but it has no row
    // with this id (run-sync.ts applyCallEnded: `if (!row) return`), so only the worker can keep it.
    expect(pending(s, item(1).phone), "the callback must come back when the window opens").toBe(true);
  });
});

describe("a callback due right after Stop", () => {
  it("the stopped dial (sent, call not matched yet) still gets its late call recorded", () => {
    // Run of item 5; item 1's callback is scheduled for `at`.
    let s = afterAnsweredCall([item(1), item(5)]);
    const at = T0 + 300 * S;
    s = step(s, wrapup({ callbackAt: at }));
    s = step(s, { type: "timer", now: T0 + 65 * S }); // start-call to item 5 goes out
    expect(s.current?.item.id).toBe("item-5");
    const dial5 = s.current!.dialId;
    s = step(s, { type: "dial.result", dialId: dial5, attempt: 1, result: { kind: "sent" }, now: T0 + 66 * S });
    s = step(s, { type: "stop", now: T0 + 66 * S }); // Stop: the sent dial is kept, to match its call
    expect(s.current?.dialId).toBe(dial5);
    // The agent presses "call now" on the scheduled callback (or its time comes) before call.created arrives.
    const id = s.scheduled![0]!.item.id;
    s = step(s, { type: "scheduled.now", itemId: id, now: T0 + 67 * S });
    // Aircall's call.created / hungup for item 5 arrive now: its history row must get the call.
    const fx: Effect[] = [];
    const c5 = call(5, { id: "555", startedAt: T0 + 66 * S });
    s = step(s, { type: "call", event: "call.created", call: c5, now: T0 + 68 * S }, fx);
    s = step(s, { type: "call", event: "call.hungup", call: { ...c5, endedAt: T0 + 80 * S }, now: T0 + 80 * S }, fx);
    const touched = fx.filter((e) => e.type === "history.update" && e.dialId === dial5);
    expect(touched.length, "item 5's row (dial " + dial5 + ") is never completed: it stays outcome NULL, hidden from history").toBeGreaterThan(0);
  });
});

describe("a wrap-up correction after the callback came due", () => {
  it("moving a callback that is already waiting in the queue makes the number ring once, not twice", () => {
    let s = afterAnsweredCall();
    const at = T0 + 90 * S;
    s = step(s, wrapup({ callbackAt: at }));
    s = step(s, { type: "timer", now: T0 + 65 * S }); // dials item 2
    s = step(s, { type: "timer", now: at }); // callback due: waits at the head of the queue behind item 2's call
    expect(s.queue[0]?.phone).toBe(item(1).phone);
    // The agent corrects the wrap-up (a second submission corrects the first): call back in an hour instead.
    s = step(s, wrapup({ callbackAt: at + 3600 * S, correction: true, now: at + 5 * S }));
    const copies = s.queue.filter((i) => i.phone === item(1).phone).length + (s.scheduled ?? []).filter((x) => x.item.phone === item(1).phone).length;
    expect(copies, "queued now AND scheduled in an hour: the contact is called twice").toBe(1);
  });
});

describe("dropping a callback whose time came", () => {
  it("takes it out of the queue it waits in (it never rings), and says so in queueRev", () => {
    let s = afterAnsweredCall();
    const at = T0 + 90 * S;
    s = step(s, wrapup({ callbackAt: at }));
    s = step(s, { type: "timer", now: T0 + 65 * S }); // dials item 2
    s = step(s, { type: "timer", now: at }); // the callback waits at the head of the queue
    const rev = s.queueRev ?? 0;
    const id = s.queue[0]!.id;
    s = step(s, { type: "scheduled.drop", itemId: id, now: at + S });
    expect(pending(s, item(1).phone)).toBe(false);
    expect(s.queueRev).toBeGreaterThan(rev);
  });
});

