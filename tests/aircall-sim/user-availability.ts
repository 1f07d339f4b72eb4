/**
 * User availability and the user events it produces. "offline" is the Workspace login state
 * (user.connected / user.disconnected); "do_not_disturb" is the agent's own switch
 * (user.opened / user.closed); in_call and after_call_work are set by calls
 * (user.wut_start / user.wut_end around after-call work).
 */
import { availabilityOf, type UserRecord } from "./records";
import { userObject } from "./serialize";
import type { SimState } from "./state";
import type { Availability } from "./types";
import { dispatch } from "./webhook-sender";

type UserEventName = "opened" | "closed" | "connected" | "disconnected" | "wut_start" | "wut_end";

/** Send `user.<name>` in the configured spelling(s): `.v2` data has no numbers, v1 data has. */
export function sendUserEvent(s: SimState, u: UserRecord, name: UserEventName): void {
  const spelling = s.options.userEventSpelling;
  if (spelling === "v2" || spelling === "both") {
    dispatch(s, "user", `user.${name}.v2`, userObject(s, u, "v2"), { userId: u.id });
  }
  if (spelling === "v1" || spelling === "both") {
    dispatch(s, "user", `user.${name}`, userObject(s, u, "v1"), { userId: u.id });
  }
}

export function setAvailability(s: SimState, u: UserRecord, target: Availability): void {
  if (target === "in_call" || target === "after_call_work") {
    u.activity = target; // a "stuck" state, as support sees it: no event
    u.wrapUpSeq += 1;
    return;
  }
  if (target === "available") {
    if (u.activity === "after_call_work") endWrapUp(s, u);
    u.activity = null; // also clears a stuck in_call
  }
  if (target === "offline") {
    if (u.connected) {
      u.connected = false;
      sendUserEvent(s, u, "disconnected");
    }
    return;
  }
  if (!u.connected) {
    u.connected = true;
    sendUserEvent(s, u, "connected");
  }
  const open = target === "available";
  if (u.open !== open) {
    u.open = open;
    sendUserEvent(s, u, open ? "opened" : "closed");
  }
}

/** After a call: after-call work for wrap_up_time seconds (or options.wrapUpMs), else free. */
export function afterCall(s: SimState, u: UserRecord): void {
  if (u.activity !== "in_call") return;
  if (u.wrapUpTime <= 0) {
    u.activity = null;
    return;
  }
  u.activity = "after_call_work";
  const seq = ++u.wrapUpSeq;
  sendUserEvent(s, u, "wut_start");
  const ms = s.options.wrapUpMs ?? u.wrapUpTime * 1000;
  s.schedule(ms, () => {
    if (u.wrapUpSeq === seq && u.activity === "after_call_work") endWrapUp(s, u);
  });
}

function endWrapUp(s: SimState, u: UserRecord): void {
  u.activity = null;
  u.wrapUpSeq += 1;
  sendUserEvent(s, u, "wut_end");
}

export function isAvailable(u: UserRecord): boolean {
  return availabilityOf(u) === "available";
}

/**
 * Aircall Workspace closed (logged out) or opened again: user.disconnected / user.connected and
 * nothing else. A call in progress plays on; while disconnected, start-call answers 405.
 */
export function setWorkspace(s: SimState, u: UserRecord, connected: boolean): void {
  if (u.connected === connected) return;
  u.connected = connected;
  sendUserEvent(s, u, connected ? "connected" : "disconnected");
}
