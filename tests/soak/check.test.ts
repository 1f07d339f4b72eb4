import type { HistoryEntry } from "@dialer/shared";
import { describe, expect, it } from "vitest";
import { doubleDials, hangupToNextDial, historyProblems, type PlayedCall, type SoakAgentList } from "./check";

const A: SoakAgentList = { userId: 1001, agentId: "ag-1", items: [{ id: "i1", phone: "+12015550100" }, { id: "i2", phone: "+12015550101" }] };

function call(id: string, to: string, o: Partial<PlayedCall> = {}): PlayedCall {
  return { id, userId: 1001, to, status: "done", answeredAt: 100, duration: 7, startedAt: 90, transfer: null, events: [{ event: "call.hungup", at: 10_000 }], ...o };
}

function row(callId: string | null, phone: string, o: Partial<HistoryEntry> = {}): HistoryEntry {
  const at = "2026-01-01T00:00:00.000Z";
  return { itemId: phone === "+12015550100" ? "i1" : "i2", at, phone, name: null, callId, outcome: "answered", startedAt: at, answeredAt: at, endedAt: at, durationSeconds: 7, talkSeconds: 5, final: true, ...o };
}

describe("soak invariants", () => {
  it("a clean run has no double dial and no wrong row", () => {
    const calls = [call("1", "+12015550100"), call("2", "+12015550101", { answeredAt: null })];
    const history = new Map([["ag-1", [row("1", "+12015550100"), row("2", "+12015550101", { outcome: "no_answer" })]]]);
    expect(doubleDials([A], calls)).toEqual([]);
    expect(historyProblems([A], calls, history)).toEqual([]);
  });

  it("a number placed twice, or one not in the list, is a double dial", () => {
    const calls = [call("1", "+1 201-555-0100"), call("2", "+12015550100"), call("3", "+12015550199")];
    const dd = doubleDials([A], calls);
    expect(dd).toHaveLength(2);
    expect(dd[0]).toMatchObject({ phone: "+1 201-555-0100", callIds: ["1", "2"], reason: "placed twice" });
    expect(dd[1]).toMatchObject({ reason: "not in the agent's list" });
  });

  it("lost, duplicated, wrong outcome, not final, unknown call and item without row are all reported", () => {
    const calls = [call("1", "+12015550100"), call("2", "+12015550101", { answeredAt: null }), call("3", "+12015550101")];
    const history = new Map([
      [
        "ag-1",
        [
          row("1", "+12015550100"),
          row("1", "+12015550100"), // duplicated
          row("2", "+12015550101"), // answered, but nobody answered
          row("3", "+12015550101", { final: false }),
          row("99", "+12015550101"), // not a call Aircall knows
        ],
      ],
    ]);
    const kinds = historyProblems([A], calls, history).map((p) => p.kind);
    expect(kinds).toEqual(["duplicated", "wrong_outcome", "not_final", "unknown_call"]);
    const lost = historyProblems([A], calls, new Map([["ag-1", [row(null, "+12015550101", { outcome: "failed", reason: "Aircall keeps failing" })]]]));
    expect(lost.map((p) => p.kind)).toEqual(["lost", "lost", "lost", "item_without_row"]);
    expect(lost[1]).toMatchObject({ detail: expect.stringContaining("failed no call id (Aircall keeps failing)") });
  });

  it("a 'failed' row for a number no start-call ever reached Aircall with is reported", () => {
    const history = new Map([["ag-1", [row(null, "+12015550100", { outcome: "failed", reason: "x" }), row(null, "+12015550101", { outcome: "failed", reason: "Aircall refused" })]]]);
    const dials = [{ userId: 1001, to: "+12015550101", status: 400, receivedAt: 1 }];
    const problems = historyProblems([A], [], history, dials);
    expect(problems).toEqual([{ kind: "failed_never_sent", userId: 1001, itemId: "i1", phone: "+12015550100", reason: "x" }]);
    expect(historyProblems([A], [], history)).toEqual([]); // without the request log, not checked
  });

  it("a transferred call may say 'transferred' instead of its outcome", () => {
    const calls = [call("1", "+12015550100", { transfer: { at: 5000 } }), call("2", "+12015550101")];
    const history = new Map([["ag-1", [row("1", "+12015550100", { outcome: "no_answer", reason: "transferred", final: false, durationSeconds: null }), row("2", "+12015550101")]]]);
    expect(historyProblems([A], calls, history)).toEqual([]);
  });

  it("hang-up to next dial: from the hang-up (or the transfer) to the agent's next start-call", () => {
    const calls = [call("1", "+12015550100"), call("2", "+12015550101", { transfer: { at: 20_000 }, events: [] })];
    const dials = [
      { userId: 1001, to: "+12015550100", status: 204, receivedAt: 1000 },
      { userId: 1001, to: "+12015550101", status: 204, receivedAt: 10_400 },
      { userId: 1001, to: "+12015550102", status: 204, receivedAt: 21_000 },
      { userId: 1002, to: "+12015550102", status: 204, receivedAt: 10_100 },
    ];
    expect(hangupToNextDial(calls, dials)).toEqual([400, 1000]);
  });
});
