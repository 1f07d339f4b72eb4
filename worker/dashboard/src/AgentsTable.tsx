import type { TeamRow } from "@dialer/shared";
import { useState } from "react";
import { agentsApi } from "./api";
import { IssuedCode } from "./EnrolPanel";
import { AVAILABILITY_LABEL, clock, percent, phone, shownAvailability, STATUS_LABEL, talkTime, timeOfDay } from "./format";
import { useNow } from "./use-team";

/** A new one-time code for an agent (the old one stops working), shown under the row. */
function NewCode({ row }: { row: TeamRow }) {
  const [issued, setIssued] = useState<{ code: string; expiresAt: string } | null>(null);
  const [error, setError] = useState("");
  const name = row.agent.name ?? `Aircall user ${row.agent.aircallUserId}`;
  return (
    <>
      <button
        className="ghost small"
        data-testid="new-code"
        aria-label={`New code for ${name}`}
        onClick={() =>
          agentsApi.newCode(row.agent.agentId).then(
            (r) => (setIssued({ code: r.enrollmentCode, expiresAt: r.expiresAt }), setError("")),
            (err: Error) => setError(err.message),
          )
        }>
        New code
      </button>
      {issued && <IssuedCode name={name} code={issued.code} expiresAt={issued.expiresAt} />}
      {error && <span className="fine" role="alert">{error}</span>}
    </>
  );
}

function Current({ row, now }: { row: TeamRow; now: number }) {
  const { state } = row;
  const c = state.current;
  if (c) {
    const since = c.answeredAt ?? c.startedAt;
    return (
      <span>
        {c.name ? <strong>{c.name}</strong> : null} <span className="mono">{phone(c.phone)}</span>
        {since && <span className="muted"> · {clock(now - Date.parse(since))}</span>}
      </span>
    );
  }
  if (state.status === "paused" && state.pausedReason) return <span className="muted">{state.pausedReason}</span>;
  if (state.nextDialAt) return <span className="muted">next call in {clock(Date.parse(state.nextDialAt) - now)}</span>;
  return <span className="muted">–</span>;
}

function Availability({ value }: { value: string | undefined }) {
  if (!value) return <span className="muted">unknown</span>;
  return <span className={`pill avail-${value}`} data-testid="availability">{AVAILABILITY_LABEL[value] ?? value}</span>;
}

export function AgentsTable({ rows, availability }: { rows: TeamRow[]; availability: Map<number, string> }) {
  const now = useNow();
  return (
    <section className="card wide">
      <div className="card-head">
        <h2>Agents</h2>
        <span className="muted">{rows.filter((r) => !["idle", "completed", "stopped"].includes(r.state.status)).length} dialing now · {rows.length} enrolled</span>
      </div>
      {rows.length === 0 ? (
        <p className="empty">No agents yet. Enrol one below (or with <code>pnpm admin agents add --aircall-user &lt;email&gt;</code>).</p>
      ) : (
        <table className="table" data-testid="agents">
          <thead>
            <tr>
              <th>Agent</th><th>Dialer</th><th>Current call</th><th className="num">Queue</th><th>Aircall</th>
              <th className="num">Calls today</th><th className="num">Answered</th><th className="num">Talk time</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.agent.agentId} data-testid={`agent-${row.agent.agentId}`}>
                <td>
                  <div className="agent-name">{row.agent.name ?? `Aircall user ${row.agent.aircallUserId}`}{row.agent.role === "admin" && <span className="tag">admin</span>}</div>
                  <div className="fine">{row.agent.enrolledAt ? `user ${row.agent.aircallUserId} · number ${row.agent.numberId}` : "not signed in yet"}</div>
                  <NewCode row={row} />
                </td>
                <td><span className={`pill status-${row.state.status}`} data-testid="dialer-status">{STATUS_LABEL[row.state.status]}</span></td>
                <td><Current row={row} now={now} /></td>
                <td className="num">{row.state.remaining}</td>
                <td><Availability value={shownAvailability(availability.get(row.agent.aircallUserId) ?? row.state.availability, row.state.status)} /></td>
                <td className="num">{row.stats.calls}</td>
                <td className="num">{row.stats.calls ? percent(row.stats.answerRate) : "–"}</td>
                <td className="num">{talkTime(row.stats.talkSeconds)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {rows.length > 0 && <p className="fine">Updated live · last state change {timeOfDay(rows.map((r) => r.state.updatedAt ?? "").sort().pop())}</p>}
    </section>
  );
}
