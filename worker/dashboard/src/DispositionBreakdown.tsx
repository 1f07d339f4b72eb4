/**
 * Today's wrap-ups per agent: conversations (people reached), connect rate = conversations / calls,
 * voicemails, calls nobody wrapped up ("not recorded": answered by someone or a voicemail box, never
 * counted as a conversation), and each disposition's count.
 */
import type { Disposition, Stats, TeamStatsResponse } from "@dialer/shared";
import { useEffect, useState } from "react";
import { dispositionsApi } from "./dispositions-api";
import { count, NONE, percent } from "./format";
import { useT } from "./i18n";

export function DispositionBreakdown({ today, version }: { today: TeamStatsResponse | null; version: number }) {
  const { t, locale } = useT();
  const n = (v: number) => count(locale, v);
  const [list, setList] = useState<Disposition[]>([]);
  useEffect(() => {
    dispositionsApi.get().then((r) => setList(r.dispositions), () => setList([]));
  }, [version]);
  if (!today) return null;
  const rows: { key: string; name: string; stats: Stats }[] = [
    ...today.agents.map((a) => ({ key: a.agentId, name: a.name ?? a.agentId, stats: a.stats })),
    { key: "team", name: t("breakdown.team"), stats: today.total },
  ];
  const seen = new Set(rows.flatMap((r) => (r.stats.byDisposition ?? []).map((d) => d.disposition)));
  const columns = [...list.map((d) => d.id), ...[...seen].filter((id) => !list.some((d) => d.id === id))];
  const label = (id: string) => list.find((d) => d.id === id)?.label ?? id;
  return (
    <section className="card wide" aria-label={t("breakdown.title")} data-testid="disposition-breakdown">
      <div className="card-head">
        <h2>{t("breakdown.title")}</h2>
        <span className="muted">{t("breakdown.intro")}</span>
      </div>
      <table className="table breakdown">
        <thead>
          <tr>
            <th>{t("common.agent")}</th><th className="num">{t("breakdown.col.calls")}</th><th className="num">{t("breakdown.col.conversations")}</th>
            <th className="num">{t("breakdown.col.connectRate")}</th><th className="num">{t("breakdown.col.voicemails")}</th>
            <th className="num" title={t("breakdown.col.notRecordedHint")}>{t("breakdown.col.notRecorded")}</th>
            {columns.map((id) => <th key={id} className="num">{label(id)}</th>)}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const counts = new Map((r.stats.byDisposition ?? []).map((d) => [d.disposition, d.count]));
            return (
              <tr key={r.key} className={r.key === "team" ? "total" : undefined} data-testid={`breakdown-${r.key}`}>
                <td>{r.key === "team" ? <strong>{r.name}</strong> : r.name}</td>
                <td className="num">{n(r.stats.calls)}</td>
                <td className="num" data-testid="breakdown-conversations">{n(r.stats.conversations ?? 0)}</td>
                <td className="num" data-testid="breakdown-connect-rate">{r.stats.calls ? percent(locale, r.stats.connectRate ?? 0) : NONE}</td>
                <td className="num">{n(r.stats.voicemails ?? 0)}</td>
                <td className="num" data-testid="breakdown-not-recorded">{n(r.stats.notRecorded ?? 0)}</td>
                {columns.map((id) => <td key={id} className="num">{n(counts.get(id) ?? 0)}</td>)}
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
