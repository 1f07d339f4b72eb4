/** Shared by the machine's tests: a fixed clock, queue items and calls, one step of the machine. */
import { expect } from "vitest";
import { initialState, transition } from "./dialer-machine";
import type { CallInfo, Effect, MachineEvent, MachineState } from "./machine-types";

export const T0 = 1_750_000_000_000;
export const S = 1000;
export const item = (n: number) => ({ id: `item-${n}`, phone: `+1415555010${n}`, name: `Contact ${n}` });
export const call = (n: number, over: Partial<CallInfo> = {}): CallInfo => ({
  id: `90071992547409${90 + n}`, direction: "outbound", digits: `1415555010${n}`,
  startedAt: T0, answeredAt: null, endedAt: null, duration: null, recording: null, ...over,
});

/** One transition that must not be refused; its effects go into `into`. */
export function step(s: MachineState, e: MachineEvent, into?: Effect[]) {
  const t = transition(s, e);
  expect(t.error, `error on ${e.type}`).toBeUndefined();
  into?.push(...t.effects);
  return t.state;
}

export const dials = (fx: Effect[]) => fx.filter((e): e is Extract<Effect, { type: "dial" }> => e.type === "dial");
export const lookups = (fx: Effect[]) => fx.filter((e): e is Extract<Effect, { type: "lookup.dial" | "lookup.call" }> => e.type === "lookup.dial" || e.type === "lookup.call");
export const start = (items = [item(1), item(2)], delaySeconds = 5) => step(initialState(delaySeconds), { type: "start", items, delaySeconds, now: T0 });
