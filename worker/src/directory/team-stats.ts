import type { Stats } from "@dialer/shared";

/** The team's figures from each agent's: sums, the answer rate over all calls, hourly buckets merged. */
export function mergeStats(all: Stats[], from: number, to: number): Stats {
  const sum = (pick: (s: Stats) => number) => all.reduce((n, s) => n + pick(s), 0);
  const calls = sum((s) => s.calls);
  const answered = sum((s) => s.answered);
  const byHour = new Map<string, { calls: number; answered: number }>();
  for (const s of all)
    for (const b of s.byHour) {
      const key = new Date(b.hour).toISOString();
      const bucket = byHour.get(key) ?? { calls: 0, answered: 0 };
      bucket.calls += b.calls;
      bucket.answered += b.answered;
      byHour.set(key, bucket);
    }
  return {
    from: new Date(from).toISOString(),
    to: new Date(to).toISOString(),
    calls,
    answered,
    noAnswer: sum((s) => s.noAnswer),
    failed: sum((s) => s.failed),
    skipped: sum((s) => s.skipped),
    answerRate: calls ? answered / calls : 0,
    talkSeconds: sum((s) => s.talkSeconds),
    callsPerHour: Math.round(sum((s) => s.callsPerHour) * 10) / 10,
    byHour: [...byHour.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([hour, b]) => ({ hour, ...b })),
    ...mergeWrapUps(all, calls),
  };
}

/** The wrap-up figures summed over agents; the connect rate recomputed over all calls. */
function mergeWrapUps(all: Stats[], calls: number) {
  const sum = (pick: (s: Stats) => number | undefined) => all.reduce((n, s) => n + (pick(s) ?? 0), 0);
  const conversations = sum((s) => s.conversations);
  const counts = new Map<string, number>();
  for (const s of all) for (const d of s.byDisposition ?? []) counts.set(d.disposition, (counts.get(d.disposition) ?? 0) + d.count);
  return {
    conversations,
    voicemails: sum((s) => s.voicemails),
    connectRate: calls ? conversations / calls : 0,
    conversationSeconds: sum((s) => s.conversationSeconds),
    notRecorded: sum((s) => s.notRecorded),
    byDisposition: [...counts.entries()].sort(([a, x], [b, y]) => y - x || a.localeCompare(b)).map(([disposition, count]) => ({ disposition, count })),
  };
}
