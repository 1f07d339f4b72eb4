import type { HistoryEntry, Stats } from "@dialer/shared";

const HOUR = 3600_000;

/** Figures over a span of history: calls (dials that reached Aircall), answer rate, talk time, per hour. */
export function computeStats(entries: HistoryEntry[], from: number, to: number): Stats {
  const calls = entries.filter((e) => e.outcome !== "skipped");
  const answered = calls.filter((e) => e.outcome === "answered");
  const startTimes = calls.map((e) => Date.parse(e.startedAt ?? "")).filter(Number.isFinite);
  const endTimes = calls.map((e) => Date.parse(e.endedAt ?? e.startedAt ?? "")).filter(Number.isFinite);
  const spanMs = startTimes.length ? Math.max(60_000, Math.max(...endTimes) - Math.min(...startTimes)) : 0;
  const byHour = new Map<number, { calls: number; answered: number }>();
  for (const e of calls) {
    const t = Date.parse(e.startedAt ?? "");
    if (!Number.isFinite(t)) continue;
    const hour = Math.floor(t / HOUR) * HOUR;
    const bucket = byHour.get(hour) ?? { calls: 0, answered: 0 };
    bucket.calls++;
    if (e.outcome === "answered") bucket.answered++;
    byHour.set(hour, bucket);
  }
  return {
    from: new Date(from).toISOString(),
    to: new Date(to).toISOString(),
    calls: calls.length,
    answered: answered.length,
    noAnswer: calls.filter((e) => e.outcome === "no_answer").length,
    failed: calls.filter((e) => e.outcome === "failed").length,
    skipped: entries.length - calls.length,
    answerRate: calls.length ? answered.length / calls.length : 0,
    talkSeconds: answered.reduce((sum, e) => sum + (e.talkSeconds ?? 0), 0),
    callsPerHour: spanMs ? Math.round((calls.length / (spanMs / HOUR)) * 10) / 10 : 0,
    byHour: [...byHour.entries()]
      .sort(([a], [b]) => a - b)
      .map(([hour, b]) => ({ hour: new Date(hour).toISOString(), ...b })),
  };
}
