import { DEFAULT_DISPOSITIONS, type Disposition, type DispositionKind, type HistoryEntry, type Stats } from "@dialer/shared";

const HOUR = 3600_000;
/**
 * Pace is counted over at least this long: two calls in a one-minute demo are not "120 calls an
 * hour". Longer runs use their own span (first dial to last hang-up).
 */
export const MIN_PACE_SPAN_MS = 15 * 60_000;

/**
 * Figures over a span of history: calls (dials that reached Aircall), answer rate, talk time, per
 * hour, and what the wrap-ups say (see wrapUpFigures). `dispositions` gives each disposition id its
 * kind (the company's list; the default set when not given).
 */
export function computeStats(entries: HistoryEntry[], from: number, to: number, dispositions: Disposition[] = DEFAULT_DISPOSITIONS): Stats {
  const calls = entries.filter((e) => e.outcome !== "skipped");
  const answered = calls.filter((e) => e.outcome === "answered");
  const startTimes = calls.map((e) => Date.parse(e.startedAt ?? "")).filter(Number.isFinite);
  const endTimes = calls.map((e) => Date.parse(e.endedAt ?? e.startedAt ?? "")).filter(Number.isFinite);
  const spanMs = startTimes.length ? Math.max(MIN_PACE_SPAN_MS, Math.max(...endTimes) - Math.min(...startTimes)) : 0;
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
    ...wrapUpFigures(calls, dispositions),
  };
}

/**
 * What the agents' wrap-ups say about the calls: conversations (a disposition of kind "connected")
 * and their talk time, voicemails, the connect rate (conversations / calls), and "not recorded":
 * answered calls nobody wrapped up. Aircall's "answered" is only "connected" — a voicemail box
 * answers too — so an answered call without a wrap-up is never counted as a conversation.
 * A disposition no longer in the list keeps its count in byDisposition but has no kind.
 */
export function wrapUpFigures(calls: HistoryEntry[], dispositions: Disposition[]) {
  const kinds = new Map<string, DispositionKind>(dispositions.map((d) => [d.id, d.kind]));
  const kindOf = (e: HistoryEntry) => (e.disposition ? kinds.get(e.disposition) : undefined);
  const conversations = calls.filter((e) => kindOf(e) === "connected");
  const counts = new Map<string, number>();
  for (const e of calls) if (e.disposition) counts.set(e.disposition, (counts.get(e.disposition) ?? 0) + 1);
  return {
    conversations: conversations.length,
    voicemails: calls.filter((e) => kindOf(e) === "voicemail").length,
    connectRate: calls.length ? conversations.length / calls.length : 0,
    conversationSeconds: conversations.reduce((sum, e) => sum + (e.talkSeconds ?? 0), 0),
    notRecorded: calls.filter((e) => e.outcome === "answered" && !e.disposition).length,
    byDisposition: [...counts.entries()].sort(([a, x], [b, y]) => y - x || a.localeCompare(b)).map(([disposition, count]) => ({ disposition, count })),
  };
}
