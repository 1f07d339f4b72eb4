import type { Disposition, HistoryEntry } from "@dialer/shared";
import { describe, expect, it } from "vitest";
import { computeStats } from "./stats";

const T0 = Date.parse("2026-01-05T09:00:00.000Z");
let n = 0;
function entry(outcome: HistoryEntry["outcome"], disposition: string | null = null, talkSeconds: number | null = null, minute = n): HistoryEntry {
  const at = new Date(T0 + minute * 60_000).toISOString();
  n++;
  return {
    itemId: `i${n}`, at, phone: "+14155550101", name: null, callId: outcome === "skipped" ? null : `c${n}`, outcome,
    startedAt: outcome === "skipped" ? null : at, answeredAt: outcome === "answered" ? at : null, endedAt: outcome === "skipped" ? null : at,
    durationSeconds: null, talkSeconds, disposition,
  };
}

describe("computeStats: what the wrap-ups say", () => {
  it("counts conversations by disposition kind, not Aircall's 'answered'; voicemails, connect rate, not recorded", () => {
    const entries = [
      entry("answered", "connected", 120),
      entry("answered", "voicemail", 30), // a voicemail box answered: answered, but no conversation
      entry("answered", null, 45), // nobody wrapped it up: not recorded, never a conversation
      entry("no_answer", "no_answer"),
      entry("failed"),
      entry("skipped"),
    ];
    const s = computeStats(entries, T0, T0 + 3600_000);
    expect(s).toMatchObject({ calls: 5, answered: 3, answerRate: 3 / 5, talkSeconds: 195 });
    expect(s).toMatchObject({ conversations: 1, voicemails: 1, notRecorded: 1, connectRate: 1 / 5, conversationSeconds: 120 });
    expect(s.byDisposition).toEqual([
      { disposition: "connected", count: 1 },
      { disposition: "no_answer", count: 1 },
      { disposition: "voicemail", count: 1 },
    ]);
  });

  it("uses the company's own dispositions for kinds; a removed disposition keeps its count but no kind", () => {
    const mine: Disposition[] = [
      { id: "talked", label: "Talked", kind: "connected" },
      { id: "vm", label: "VM", kind: "voicemail" },
    ];
    const entries = [entry("answered", "talked", 60), entry("answered", "talked", 60), entry("answered", "vm"), entry("answered", "connected")];
    const s = computeStats(entries, T0, T0 + 3600_000, mine);
    expect(s).toMatchObject({ conversations: 2, voicemails: 1, notRecorded: 0, connectRate: 0.5 });
    expect(s.byDisposition).toEqual([{ disposition: "talked", count: 2 }, { disposition: "connected", count: 1 }, { disposition: "vm", count: 1 }]);
  });

  it("calls per hour over the span dialed; nothing dialed is all zeros", () => {
    const s = computeStats([entry("answered", "connected", 10, 0), entry("no_answer", null, null, 30)], T0, T0 + 3600_000);
    expect(s.callsPerHour).toBe(4);
    // a short demo run: two calls within a minute read as 8 an hour (over 15 min), not 120
    expect(computeStats([entry("answered", "connected", 10, 0), entry("no_answer", null, null, 0)], T0, T0 + 3600_000).callsPerHour).toBe(8);
    expect(computeStats([], T0, T0 + 1)).toMatchObject({ calls: 0, conversations: 0, connectRate: 0, notRecorded: 0, byDisposition: [] });
  });
});
