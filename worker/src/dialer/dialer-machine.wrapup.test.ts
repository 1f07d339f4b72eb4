/** After each call: the wrap-up, "wait for my wrap-up", retries and callbacks brought back on time, guarded numbers. */
import { DEFAULT_DISPOSITIONS, type Disposition } from "@dialer/shared";
import { describe, expect, it } from "vitest";
import { initialState, transition } from "./dialer-machine";
import type { CallInfo, Effect, MachineEvent, MachineState } from "./machine-types";
import { call, dials, item, S, step, T0 } from "./machine-test-kit";

const MIN = 60 * S;
const disp = (id: string): Disposition => DEFAULT_DISPOSITIONS.find((d) => d.id === id)!;
import { nextAlarmAt, toSnapshot } from "./snapshot";

/** A run whose first call (item 1) was answered and has just ended. */
function afterAnsweredCall(requireWrapUp: boolean, items = [item(1), item(2)]) {
  let s = step(initialState(5), { type: "start", items, delaySeconds: 5, requireWrapUp, now: T0 });
  s = step(s, { type: "call", event: "call.answered", call: call(1, { answeredAt: T0 + 3 * S }), now: T0 + 3 * S });
  return step(s, { type: "call", event: "call.hungup", call: call(1, { answeredAt: T0 + 3 * S, endedAt: T0 + 60 * S }), now: T0 + 60 * S });
}
const wrapup = (d: string, over: Partial<Extract<MachineEvent, { type: "wrapup" }>> = {}): MachineEvent => ({
  type: "wrapup", dialId: 1, item: item(1), callId: call(1).id, disposition: disp(d), correction: false, now: T0 + 70 * S, ...over,
});

describe("wait for my wrap-up", () => {
  it("after a connected call the run waits with no countdown, and goes on when the wrap-up comes", () => {
    let s = afterAnsweredCall(true);
    expect(s.status).toBe("wrap_up");
    expect(s.nextDialAt).toBeUndefined();
    expect(toSnapshot(s, T0).awaitingWrapUp).toEqual({ itemId: "item-1", callId: call(1).id });
    expect(dials(transition(s, { type: "timer", now: T0 + 3600 * S }).effects)).toEqual([]);
    const fx: Effect[] = [];
    s = step(s, wrapup("connected", { note: "Wants a demo" }), fx);
    expect(dials(fx).map((d) => d.phone)).toEqual([item(2).phone]);
    expect(fx).toContainEqual({ type: "history.update", dialId: 1, fields: expect.objectContaining({ disposition: "connected", note: "Wants a demo" }) });
    expect(fx).toContainEqual({ type: "aircall.comment", callId: call(1).id, content: "Wants a demo", seq: T0 + 70 * S });
    expect(fx).toContainEqual({ type: "aircall.tag", callId: call(1).id, dispositionId: "connected" });
  });

  it("without it, the countdown runs and the wrap-up only records", () => {
    let s = afterAnsweredCall(false);
    expect(s.nextDialAt).toBe(T0 + 65 * S);
    const fx: Effect[] = [];
    s = step(s, wrapup("connected"), fx);
    expect(dials(fx)).toEqual([]);
    expect(s.nextDialAt).toBe(T0 + 65 * S);
  });

  it("an unanswered call does not wait (there is nothing to wrap up on the phone)", () => {
    let s = step(initialState(5), { type: "start", items: [item(1), item(2)], delaySeconds: 5, requireWrapUp: true, now: T0 });
    s = step(s, { type: "call", event: "call.hungup", call: call(1, { endedAt: T0 + 20 * S }), now: T0 + 20 * S });
    expect(s.nextDialAt).toBe(T0 + 25 * S);
  });
});

describe("retries and callbacks", () => {
  it("no answer: back in the queue after its delay, at most maxAttempts dials, then max_attempts", () => {
    let s = afterAnsweredCall(false, [item(1)]); // the run completes after this call
    const retry = disp("no_answer").retry!;
    let fx: Effect[] = [];
    s = step(s, wrapup("no_answer"), fx);
    expect(s.scheduled).toHaveLength(1);
    const due = T0 + 70 * S + retry.afterMinutes * MIN;
    expect(fx).toContainEqual({ type: "history.update", dialId: 1, fields: expect.objectContaining({ retryAt: due }) });
    expect(nextAlarmAt(s)).toBeLessThanOrEqual(due);
    // The time comes with no run going: a run starts with it (the popup need not be open).
    s = step(s, { type: "timer", now: due }, (fx = []));
    expect(dials(fx).map((d) => d.phone)).toEqual([item(1).phone]);
    const again = s.current!.item;
    expect(again.id).not.toBe("item-1"); // a new id: this run's queue edits never drop it
    // Each further "no answer" reschedules until the attempts are used up.
    for (let attempt = 2; attempt <= retry.maxAttempts; attempt++) {
      const cur = s.current!;
      s = step(s, { type: "call", event: "call.hungup", call: call(1, { id: `c${attempt}`, startedAt: null, endedAt: s.current!.sentAt + 20 * S }), now: cur.sentAt + 20 * S });
      fx = [];
      s = step(s, wrapup("no_answer", { dialId: cur.dialId, item: cur.item, callId: `c${attempt}`, now: cur.sentAt + 30 * S }), fx);
      if (attempt < retry.maxAttempts) {
        expect(s.scheduled).toHaveLength(1);
        s = step(s, { type: "timer", now: s.scheduled![0]!.dueAt });
      } else {
        expect(s.scheduled).toEqual([]);
        expect(fx).toContainEqual({ type: "history.update", dialId: cur.dialId, fields: expect.objectContaining({ reasonCode: "max_attempts" }) });
      }
    }
  });

  it("a callback at a chosen time comes back to the head of a run going on then", () => {
    let s = afterAnsweredCall(false, [item(1), item(2), item(3)]);
    const at = T0 + 90 * S;
    s = step(s, wrapup("callback", { callbackAt: at }));
    expect(s.scheduled?.[0]).toMatchObject({ why: "callback", dueAt: at, due: false });
    s = step(s, { type: "timer", now: T0 + 65 * S }); // dials item 2
    expect(s.current?.item.id).toBe("item-2");
    s = step(s, { type: "timer", now: at });
    expect(s.queue[0]?.phone).toBe(item(1).phone); // next after the call in progress
    expect(s.queue[1]?.id).toBe("item-3");
    expect(s.scheduled).toEqual([]);
  });

  it("a correction replaces what the first wrap-up scheduled", () => {
    let s = afterAnsweredCall(false, [item(1)]);
    s = step(s, wrapup("no_answer"));
    expect(s.scheduled).toHaveLength(1);
    s = step(s, wrapup("connected", { correction: true, now: T0 + 80 * S }));
    expect(s.scheduled).toEqual([]);
  });

  it("'dial now' brings a scheduled number back at once; 'drop' forgets it", () => {
    let s = afterAnsweredCall(false, [item(1)]);
    s = step(s, wrapup("no_answer"));
    const id = s.scheduled![0]!.item.id;
    const fx: Effect[] = [];
    const now = step(s, { type: "scheduled.now", itemId: id, now: T0 + 100 * S }, fx);
    expect(dials(fx).map((d) => d.phone)).toEqual([item(1).phone]);
    expect(now.scheduled).toEqual([]);
    expect(step(s, { type: "scheduled.drop", itemId: id, now: T0 + 100 * S }).scheduled).toEqual([]);
    expect(transition(s, { type: "scheduled.drop", itemId: "nope", now: T0 }).error?.code).toBe("conflict");
  });

  it("do not call: the number goes to the company's list", () => {
    const fx: Effect[] = [];
    step(afterAnsweredCall(false), wrapup("do_not_call"), fx);
    expect(fx).toContainEqual({ type: "dnc.add", phone: item(1).phone, reason: "Wrap-up: Do not call" });
  });

  it("a wrap-up of a dial with no call writes nothing to Aircall", () => {
    const fx: Effect[] = [];
    step(afterAnsweredCall(false), wrapup("bad_number", { callId: null }), fx);
    expect(fx.filter((e) => e.type.startsWith("aircall."))).toEqual([]);
  });
});

describe("the compliance guard", () => {
  it("a guarded number is skipped with its reason and retryAt, and the run moves on at once", () => {
    let s = step(initialState(5), { type: "start", items: [item(1), item(2)], delaySeconds: 5, now: T0 });
    const fx: Effect[] = [];
    s = step(s, { type: "dial.guarded", dialId: 1, attempt: 1, reasonCode: "outside_calling_hours", reason: "Outside calling hours (21:30 there)", retryAt: T0 + 10 * 3600 * S, now: T0 + 5 }, fx);
    expect(fx).toContainEqual({ type: "history.update", dialId: 1, fields: expect.objectContaining({ outcome: "skipped", reasonCode: "outside_calling_hours", retryAt: T0 + 10 * 3600 * S }) });
    expect(fx).toContainEqual(expect.objectContaining({ type: "push.ended", itemId: "item-1", outcome: "skipped", reasonCode: "outside_calling_hours" }));
    expect(dials(fx).map((d) => d.phone)).toEqual([item(2).phone]);
    expect(s.failures).toBe(0);
  });

  it("the match of a call posts the contact's insight card once", () => {
    let s = step(initialState(5), { type: "start", items: [item(1)], delaySeconds: 5, now: T0 });
    const fx: Effect[] = [];
    s = step(s, { type: "call", event: "call.created", call: call(1), now: T0 + S }, fx);
    s = step(s, { type: "call", event: "call.answered", call: call(1, { answeredAt: T0 + 3 * S }), now: T0 + 3 * S }, fx);
    expect(fx.filter((e) => e.type === "aircall.insight")).toEqual([{ type: "aircall.insight", callId: call(1).id, item: item(1), attempts: 1 }]);
  });
});
