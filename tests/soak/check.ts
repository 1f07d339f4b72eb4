/**
 * The soak's invariants, computed from what the simulator played (its call records and request
 * log) and what the worker says (each agent's GET /api/history). Pure functions, tested in
 * check.test.ts.
 */
import { digitsOnly, type HistoryEntry } from "@dialer/shared";

export interface SoakAgentList {
  userId: number;
  agentId: string;
  items: Array<{ id: string; phone: string }>;
}

/** What the soak needs of a simulator call (a SimCallSnapshot fits). */
export interface PlayedCall {
  id: string;
  userId: number;
  to: string;
  status: string;
  answeredAt: number | null;
  duration: number;
  startedAt: number;
  transfer: { at: number } | null;
  events: Array<{ event: string; at: number }>;
}

export interface DialRequest {
  userId: number;
  to: string;
  status: number;
  receivedAt: number;
}

export interface DoubleDial {
  userId: number;
  phone: string;
  callIds: string[];
  reason: "placed twice" | "not in the agent's list";
}

export type RowProblem =
  | { kind: "lost"; userId: number; callId: string; phone: string; detail: string }
  | { kind: "duplicated"; userId: number; callId: string; phone: string; rows: number }
  | { kind: "wrong_outcome"; userId: number; callId: string; phone: string; expected: string; got: string; reason: string | null }
  | { kind: "not_final"; userId: number; callId: string; phone: string; detail: string }
  | { kind: "unknown_call"; userId: number; callId: string; phone: string }
  | { kind: "item_without_row"; userId: number; itemId: string; phone: string }
  | { kind: "failed_never_sent"; userId: number; itemId: string; phone: string; reason: string | null };

const key = (phone: string) => digitsOnly(phone);

/** A number of the agent's list placed more than once (the soak never re-queues), or a number not in it. */
export function doubleDials(lists: SoakAgentList[], calls: PlayedCall[]): DoubleDial[] {
  const out: DoubleDial[] = [];
  for (const a of lists) {
    const mine = calls.filter((c) => c.userId === a.userId);
    const listed = new Set(a.items.map((i) => key(i.phone)));
    const byPhone = new Map<string, PlayedCall[]>();
    for (const c of mine) byPhone.set(key(c.to), [...(byPhone.get(key(c.to)) ?? []), c]);
    for (const [digits, list] of byPhone) {
      const phone = list[0]!.to;
      if (!listed.has(digits)) out.push({ userId: a.userId, phone, callIds: list.map((c) => c.id), reason: "not in the agent's list" });
      else if (list.length > 1) out.push({ userId: a.userId, phone, callIds: list.map((c) => c.id), reason: "placed twice" });
    }
  }
  return out;
}

/** The outcome the history should show for a call the simulator played. */
export function expectedOutcome(c: PlayedCall): "answered" | "no_answer" {
  return c.answeredAt !== null ? "answered" : "no_answer";
}

/**
 * Every call the simulator placed for an agent has exactly one history row with its call id, with
 * the outcome the simulator played (a transferred call may say "transferred" instead) and, unless
 * it was transferred, its final figures once the call is over; no row names a call that does not exist; every list item
 * has a row.
 */
export function historyProblems(lists: SoakAgentList[], calls: PlayedCall[], history: Map<string, HistoryEntry[]>, dials?: DialRequest[]): RowProblem[] {
  const out: RowProblem[] = [];
  for (const a of lists) {
    const rows = history.get(a.agentId) ?? [];
    const mine = calls.filter((c) => c.userId === a.userId);
    const ids = new Set(mine.map((c) => c.id));
    for (const c of mine) {
      const matching = rows.filter((r) => r.callId === c.id);
      if (matching.length === 0) {
        const sameNumber = rows.filter((r) => key(r.phone) === key(c.to));
        const detail = sameNumber.length
          ? `rows for this number: ${sameNumber.map((r) => `${r.outcome}${r.callId ? ` call ${r.callId}` : " no call id"}${r.reason ? ` (${r.reason})` : ""}`).join("; ")}`
          : "no row for this number at all";
        out.push({ kind: "lost", userId: a.userId, callId: c.id, phone: c.to, detail });
        continue;
      }
      if (matching.length > 1) {
        out.push({ kind: "duplicated", userId: a.userId, callId: c.id, phone: c.to, rows: matching.length });
        continue;
      }
      const row = matching[0]!;
      const expected = expectedOutcome(c);
      const transferredOk = c.transfer !== null && /transfer/i.test(`${row.reason ?? ""} ${row.outcome}`);
      if (row.outcome !== expected && !transferredOk) {
        out.push({ kind: "wrong_outcome", userId: a.userId, callId: c.id, phone: c.to, expected, got: row.outcome, reason: row.reason ?? null });
        continue;
      }
      // A transferred call goes on with the colleague: its final figures are not the agent's to wait for.
      if (c.status === "done" && c.transfer === null && (row.final !== true || row.durationSeconds !== c.duration)) {
        out.push({ kind: "not_final", userId: a.userId, callId: c.id, phone: c.to, detail: `final=${String(row.final)} duration=${String(row.durationSeconds)}, Aircall: ${c.duration} s` });
      }
    }
    for (const r of rows) {
      if (r.callId && !ids.has(r.callId)) out.push({ kind: "unknown_call", userId: a.userId, callId: r.callId, phone: r.phone });
    }
    for (const item of a.items) {
      if (!rows.some((r) => r.itemId === item.id || key(r.phone) === key(item.phone))) {
        out.push({ kind: "item_without_row", userId: a.userId, itemId: item.id, phone: item.phone });
      }
    }
    // "failed" with no call, for a number no start-call of this agent ever reached Aircall with: never dialled.
    if (dials) {
      const tried = new Set(dials.filter((d) => d.userId === a.userId).map((d) => key(d.to)));
      for (const r of rows) {
        if (r.outcome === "failed" && !r.callId && !tried.has(key(r.phone))) {
          out.push({ kind: "failed_never_sent", userId: a.userId, itemId: r.itemId, phone: r.phone, reason: r.reason ?? null });
        }
      }
    }
  }
  return out;
}

/** When the agent was free again: the hang-up (the moment Aircall generated call.hungup), or the transfer. */
function freeAt(c: PlayedCall): number | undefined {
  if (c.transfer) return c.transfer.at;
  return c.events.find((e) => e.event === "call.hungup")?.at;
}

/** For each call followed by another dial of the same agent: ms from the hang-up to that next start-call request. */
export function hangupToNextDial(calls: PlayedCall[], dials: DialRequest[]): number[] {
  const out: number[] = [];
  const byUser = new Map<number, DialRequest[]>();
  for (const d of dials) byUser.set(d.userId, [...(byUser.get(d.userId) ?? []), d]);
  for (const list of byUser.values()) list.sort((x, y) => x.receivedAt - y.receivedAt);
  for (const c of calls) {
    const t = freeAt(c);
    if (t === undefined) continue;
    const next = byUser.get(c.userId)?.find((d) => d.receivedAt > t);
    if (next) out.push(next.receivedAt - t);
  }
  return out;
}
