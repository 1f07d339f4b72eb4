import type { AdminHistoryRow, Agent } from "@dialer/shared";
import { useEffect, useState } from "react";
import { api, type HistoryFilters } from "./api";
import { dateTime, phone, talkTime } from "./format";
import { HistoryWrapUpCell } from "./HistoryWrapUpCell";
import { RecordingCell } from "./RecordingCell";

const OUTCOMES = [["", "All outcomes"], ["answered", "Answered"], ["no_answer", "No answer"], ["failed", "Failed"], ["skipped", "Skipped"]] as const;
const OUTCOME_LABEL: Record<string, string> = { answered: "Answered", no_answer: "No answer", failed: "Failed", skipped: "Skipped" };

function download(csv: string) {
  const url = URL.createObjectURL(new Blob([csv], { type: "text/csv" }));
  const a = Object.assign(document.createElement("a"), { href: url, download: `call-history-${new Date().toISOString().slice(0, 10)}.csv` });
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The team's calls with filters; reloads when the team's figures do. CSV export of the same filter. */
export function HistoryPanel({ agents, version }: { agents: Agent[]; version: number }) {
  const [filters, setFilters] = useState<HistoryFilters>({ agentId: "", outcome: "", from: "", to: "" });
  const [rows, setRows] = useState<AdminHistoryRow[]>([]);
  const [truncated, setTruncated] = useState(false);
  const [error, setError] = useState("");
  const set = (k: keyof HistoryFilters) => (e: { target: { value: string } }) => setFilters((f) => ({ ...f, [k]: e.target.value }));

  useEffect(() => {
    let current = true;
    api.history(filters).then(
      (r) => current && (setRows(r.items), setTruncated(r.truncated), setError("")),
      (err: Error) => current && setError(err.message),
    );
    return () => {
      current = false;
    };
  }, [filters, version]);

  return (
    <section className="card wide">
      <div className="card-head">
        <h2>Call history</h2>
        <button className="secondary" data-testid="export-csv" onClick={() => api.historyCsv(filters).then(download, (err: Error) => setError(err.message))}>
          Export CSV
        </button>
      </div>
      <div className="filters">
        <select aria-label="Agent" value={filters.agentId} onChange={set("agentId")} data-testid="filter-agent">
          <option value="">All agents</option>
          {agents.map((a) => <option key={a.agentId} value={a.agentId}>{a.name ?? `Aircall user ${a.aircallUserId}`}</option>)}
        </select>
        <select aria-label="Outcome" value={filters.outcome} onChange={set("outcome")} data-testid="filter-outcome">
          {OUTCOMES.map(([v, label]) => <option key={v} value={v}>{label}</option>)}
        </select>
        <label>From <input type="date" value={filters.from} onChange={set("from")} /></label>
        <label>To <input type="date" value={filters.to} onChange={set("to")} /></label>
      </div>
      {error && <div className="banner error">{error}</div>}
      {rows.length === 0 ? (
        <p className="empty">No calls match these filters yet.</p>
      ) : (
        <table className="table" data-testid="history">
          <thead>
            <tr><th>When</th><th>Agent</th><th>Contact</th><th>Number</th><th>Outcome</th><th className="num">Talk</th><th className="num">Duration</th><th>Wrap-up</th><th>Recording</th></tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.agentId}:${r.itemId}:${r.startedAt}`}>
                <td>{dateTime(r.startedAt ?? r.at)}</td>
                <td>{r.agentName ?? "–"}</td>
                <td>{r.name ?? <span className="muted">–</span>}</td>
                <td className="mono">{phone(r.phone)}</td>
                <td><span className={`pill outcome-${r.outcome}`} title={r.reason ?? undefined}>{OUTCOME_LABEL[r.outcome]}</span></td>
                <td className="num">{r.talkSeconds === null ? "–" : talkTime(r.talkSeconds)}</td>
                <td className="num">{r.durationSeconds === null ? "–" : talkTime(r.durationSeconds)}</td>
                <td><HistoryWrapUpCell row={r} /></td>
                <td><RecordingCell row={r} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {truncated && <p className="fine">Showing the latest 200 calls: narrow the filters or export the CSV for all of them.</p>}
    </section>
  );
}
