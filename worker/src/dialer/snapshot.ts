import type { DialerState } from "@dialer/shared";
import type { MachineState } from "./machine-types";

const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

/** The state snapshot of DESIGN's contract, derived from the machine's state. */
export function toSnapshot(s: MachineState, updatedAt: number): DialerState {
  const cur = s.current;
  return {
    status: s.status,
    current: cur
      ? {
          itemId: cur.item.id,
          phone: cur.item.phone,
          name: cur.item.name,
          callId: cur.callId,
          startedAt: iso(cur.startedAt ?? cur.sentAt),
          answeredAt: iso(cur.answeredAt),
          ...(cur.queued ? { waitingForSlot: true } : {}),
        }
      : undefined,
    remaining: s.queue.length,
    nextDialAt: s.status === "wrap_up" ? iso(s.nextDialAt) : undefined,
    pausedReason: s.status === "paused" ? s.pausedReason : undefined,
    pausedFrom: s.status === "paused" ? s.pausedFrom : undefined,
    delaySeconds: s.delaySeconds,
    done: s.done,
    availability: s.availability,
    queueRev: s.queueRev ?? 0,
    awaitingWrapUp: s.status === "wrap_up" && s.awaitingWrapUp ? { itemId: s.awaitingWrapUp.itemId, callId: s.awaitingWrapUp.callId } : undefined,
    scheduled: s.scheduled?.length ?? 0,
    nextScheduledAt: iso(nextScheduled(s)),
    updatedAt: new Date(updatedAt).toISOString(),
  };
}

/** When the machine needs a timer event next: countdown, retry, watchdog, re-check, final reads. */
export function nextAlarmAt(s: MachineState): number | undefined {
  const times = [
    s.status === "wrap_up" ? s.nextDialAt : undefined,
    s.status === "dialing" ? s.current?.retryAt : undefined,
    s.current && !s.current.queued ? s.watchdogAt : undefined,
    s.status === "paused" && s.autoResume ? s.recheckAt : undefined,
    ...(s.unfinal ?? []).map((u) => u.dueAt),
    nextScheduled(s),
  ].filter((t): t is number => t !== undefined);
  return times.length ? Math.min(...times) : undefined;
}

function nextScheduled(s: MachineState): number | undefined {
  const times = (s.scheduled ?? []).filter((x) => !x.due).map((x) => x.dueAt);
  return times.length ? Math.min(...times) : undefined;
}
