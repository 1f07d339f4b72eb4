import type { Stats } from "@dialer/shared";
import { describe, expect, it } from "vitest";
import { csvField, historyCsv } from "./history-csv";
import { mergeStats } from "./team-stats";

const stats = (calls: number, answered: number, byHour: Stats["byHour"], callsPerHour = 10): Stats => ({
  from: "2026-01-05T00:00:00.000Z",
  to: "2026-01-06T00:00:00.000Z",
  calls,
  answered,
  noAnswer: calls - answered,
  failed: 0,
  skipped: 1,
  answerRate: calls ? answered / calls : 0,
  talkSeconds: answered * 60,
  callsPerHour,
  byHour,
});

describe("mergeStats", () => {
  it("sums the agents, recomputes the rate over all calls and merges hourly buckets", () => {
    const a = stats(4, 1, [{ hour: "2026-01-05T09:00:00.000Z", calls: 4, answered: 1 }], 12.5);
    const b = stats(2, 2, [{ hour: "2026-01-05T09:00:00.000Z", calls: 1, answered: 1 }, { hour: "2026-01-05T08:00:00.000Z", calls: 1, answered: 1 }], 6);
    const team = mergeStats([a, b], Date.parse(a.from), Date.parse(a.to));
    expect(team).toMatchObject({ calls: 6, answered: 3, noAnswer: 3, skipped: 2, answerRate: 0.5, talkSeconds: 180, callsPerHour: 18.5 });
    expect(team.byHour).toEqual([
      { hour: "2026-01-05T08:00:00.000Z", calls: 1, answered: 1 },
      { hour: "2026-01-05T09:00:00.000Z", calls: 5, answered: 2 },
    ]);
  });

  it("sums the wrap-up figures and recomputes the connect rate over all calls", () => {
    const a = { ...stats(4, 3, []), conversations: 1, voicemails: 2, notRecorded: 0, conversationSeconds: 90, connectRate: 0.25, byDisposition: [{ disposition: "voicemail", count: 2 }, { disposition: "connected", count: 1 }] };
    const b = { ...stats(6, 4, []), conversations: 3, voicemails: 0, notRecorded: 1, conversationSeconds: 200, connectRate: 0.5, byDisposition: [{ disposition: "connected", count: 3 }] };
    const team = mergeStats([a, b, stats(0, 0, [])], 0, 1000);
    expect(team).toMatchObject({ calls: 10, conversations: 4, voicemails: 2, notRecorded: 1, conversationSeconds: 290, connectRate: 0.4 });
    expect(team.byDisposition).toEqual([{ disposition: "connected", count: 4 }, { disposition: "voicemail", count: 2 }]);
  });

  it("an empty team is all zeros", () => {
    expect(mergeStats([], 0, 1000)).toMatchObject({ calls: 0, answerRate: 0, byHour: [] });
  });
});

describe("historyCsv", () => {
  it("carries the wrap-up: disposition, note, callback and retry times, reason code", () => {
    const row = {
      agentId: "a1", agentName: "Ann", itemId: "i1", at: "2026-01-05T09:00:00.000Z", phone: "+14155550101", name: "Bob", callId: "1",
      outcome: "answered" as const, startedAt: null, answeredAt: null, endedAt: null, durationSeconds: null, talkSeconds: null,
      disposition: "callback", note: "wants a demo, \"Tuesday\"\n=call", callbackAt: "2026-01-06T10:00:00.000Z", retryAt: null, reasonCode: null,
    };
    const [head, line] = historyCsv([row]).split("\r\n");
    expect(head!.split(",").slice(-5)).toEqual(["disposition", "note", "callback_at", "retry_at", "reason_code"]);
    expect(line).toContain(',callback,"wants a demo, ""Tuesday""\n=call",2026-01-06T10:00:00.000Z,,');
  });
});

describe("csvField", () => {
  it("quotes separators and defuses spreadsheet formulas, but keeps phone numbers", () => {
    expect(csvField("Bob, Jr.")).toBe('"Bob, Jr."');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("=SUM(A1)")).toBe("'=SUM(A1)");
    expect(csvField("-cmd")).toBe("'-cmd");
    expect(csvField("@x")).toBe("'@x");
    expect(csvField("+14155550101")).toBe("+14155550101");
    expect(csvField(null)).toBe("");
    expect(csvField(42)).toBe("42");
  });
});
