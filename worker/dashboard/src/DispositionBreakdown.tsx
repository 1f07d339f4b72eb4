/**
 * Today's wrap-ups per agent: conversations (people reached), connect rate = conversations / calls,
 * voicemails, calls nobody wrapped up ("not recorded": answered by someone or a voicemail box, never
 * counted as a conversation), and each disposition's count.
 */
import type { Disposition, Stats, TeamStatsResponse } from "@dialer/shared";
import { useEffect, useState } from "react";
import { dispositionsApi } from "./dispositions-api";
import { percent } from "./format";

export function DispositionBreakdown({ today, version }: { today: TeamStatsResponse | null; version: number }) {
  const [list, setList] = useState<Disposition[]>([]);
  useEffect(() => {
    dispositionsApi.get().then((r) => setList(r.dispositions), () => setList([]));
  }, [version]);
  if (!today) return null;
  const rows: { key: string; name: string; stats: Stats }[] = [
    ...today.agents.map((a) => ({ key: a.agentId, name: a.name ?? a.agentId, stats: a.stats })),
    { key: "team", name: "Team", stats: today.total },
  ];
  const seen = new Set(rows.flatMap((r) => (r.stats.byDisposition ?? []).map((d) => d.disposition)));
  const columns = [...list.map((d) => d.id), ...[...seen].filter((id) => !list.some((d) => d.id === id))];
  const label = (id: string) => list.find((d) => d.id === id)?.label ?? id;
  return (
    <section className="card wide" aria-label="Wrap-ups today" data-testid="disposition-breakdown">
      <div className="card-head">
        <h2>Wrap-ups today</h2>
        <span className="muted">Connect rate counts people reached (a "Reached a person" disposition), not voicemail boxes.</span>
      </div>
      <table className="table">
        <thead>
          <tr>
            <th>Agent</th><th className="num">Calls</th><th className="num">Conversations</th><th className="num">Connect rate</th>
            <th className="num">Voicemails</th><th className="num" title="Answered calls nobody wrapped up">Not recorded</th>
            {columns.map((id) => <th key={id} className="num">{label(id)}</th>)}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const counts = new Map((r.stats.byDisposition ?? []).map((d) => [d.disposition, d.count]));
            return (
              <tr key={r.key} className={r.key === "team" ? "total" : undefined} data-testid={`breakdown-${r.key}`}>
                <td>{r.key === "team" ? <strong>Team</strong> : r.name}</td>
                <td className="num">{r.stats.calls}</td>
                <td className="num" data-testid="breakdown-conversations">{r.stats.conversations ?? 0}</td>
                <td className="num" data-testid="breakdown-connect-rate">{r.stats.calls ? percent(r.stats.connectRate ?? 0) : "–"}</td>
                <td className="num">{r.stats.voicemails ?? 0}</td>
                <td className="num" data-testid="breakdown-not-recorded">{r.stats.notRecorded ?? 0}</td>
                {columns.map((id) => <td key={id} className="num">{counts.get(id) ?? 0}</td>)}
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
