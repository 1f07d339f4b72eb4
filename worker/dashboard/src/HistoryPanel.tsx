import type { AdminHistoryRow, Agent } from "@dialer/shared";
import { useEffect, useState } from "react";
import { api, type HistoryFilters } from "./api";
import { errorText } from "./errors";
import { dateTime, NONE, phone, talkTime } from "./format";
import { useT, type T } from "./i18n";
import { HistoryWrapUpCell } from "./HistoryWrapUpCell";
import { RecordingCell } from "./RecordingCell";

const OUTCOMES = ["answered", "no_answer", "failed", "skipped"] as const;
const LIMIT = 200; // what api.history asks for
const outcomeLabel = (t: T, outcome: string) => ((OUTCOMES as readonly string[]).includes(outcome) ? t(`outcome.${outcome as (typeof OUTCOMES)[number]}`) : outcome);

function download(t: T, csv: string) {
  const url = URL.createObjectURL(new Blob([csv], { type: "text/csv" }));
  const a = Object.assign(document.createElement("a"), { href: url, download: t("history.csvName", { date: new Date().toISOString().slice(0, 10) }) });
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The team's calls with filters; reloads when the team's figures do. CSV export of the same filter. */
export function HistoryPanel({ agents, version }: { agents: Agent[]; version: number }) {
  const { t, locale } = useT();
  const [filters, setFilters] = useState<HistoryFilters>({ agentId: "", outcome: "", from: "", to: "" });
  const [rows, setRows] = useState<AdminHistoryRow[]>([]);
  const [truncated, setTruncated] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const set = (k: keyof HistoryFilters) => (e: { target: { value: string } }) => setFilters((f) => ({ ...f, [k]: e.target.value }));

  useEffect(() => {
    let current = true;
    api.history(filters).then(
      (r) => current && (setRows(r.items), setTruncated(r.truncated), setError(null)),
      (err: unknown) => current && setError(err),
    );
    return () => {
      current = false;
    };
  }, [filters, version]);

  return (
    <section className="card wide">
      <div className="card-head">
        <h2>{t("history.title")}</h2>
        <button className="secondary" data-testid="export-csv" onClick={() => api.historyCsv(filters).then((csv) => download(t, csv), (err: unknown) => setError(err))}>
          {t("common.exportCsv")}
        </button>
      </div>
      <div className="filters">
        <select aria-label={t("common.agent")} value={filters.agentId} onChange={set("agentId")} data-testid="filter-agent">
          <option value="">{t("history.allAgents")}</option>
          {agents.map((a) => <option key={a.agentId} value={a.agentId}>{a.name ?? t("common.aircallUser", { id: String(a.aircallUserId) })}</option>)}
        </select>
        <select aria-label={t("history.outcome")} value={filters.outcome} onChange={set("outcome")} data-testid="filter-outcome">
          <option value="">{t("history.allOutcomes")}</option>
          {OUTCOMES.map((v) => <option key={v} value={v}>{outcomeLabel(t, v)}</option>)}
        </select>
        <label>{t("history.from")} <input type="date" value={filters.from} onChange={set("from")} /></label>
        <label>{t("history.to")} <input type="date" value={filters.to} onChange={set("to")} /></label>
      </div>
      {error !== null && <div className="banner error">{errorText(t, error)}</div>}
      {rows.length === 0 ? (
        <p className="empty">{t("history.empty")}</p>
      ) : (
        <table className="table" data-testid="history">
          <thead>
            <tr>
              <th>{t("history.col.when")}</th><th>{t("common.agent")}</th><th>{t("history.col.contact")}</th><th>{t("common.number")}</th><th>{t("history.col.outcome")}</th>
              <th className="num">{t("history.col.talk")}</th><th className="num">{t("history.col.duration")}</th><th>{t("history.col.wrapUp")}</th><th>{t("history.col.recording")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.agentId}:${r.itemId}:${r.startedAt}`}>
                <td>{dateTime(locale, r.startedAt ?? r.at)}</td>
                <td>{r.agentName ?? NONE}</td>
                <td>{r.name ?? <span className="muted">{NONE}</span>}</td>
                <td className="mono">{phone(r.phone)}</td>
                <td><span className={`pill outcome-${r.outcome}`} title={r.reason ?? undefined}>{outcomeLabel(t, r.outcome)}</span></td>
                <td className="num">{r.talkSeconds === null ? NONE : talkTime(locale, r.talkSeconds)}</td>
                <td className="num">{r.durationSeconds === null ? NONE : talkTime(locale, r.durationSeconds)}</td>
                <td><HistoryWrapUpCell row={r} /></td>
                <td><RecordingCell row={r} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {truncated && <p className="fine">{t("history.truncated", { limit: LIMIT })}</p>}
    </section>
  );
}
