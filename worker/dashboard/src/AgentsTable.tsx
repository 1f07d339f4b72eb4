import type { TeamRow } from "@dialer/shared";
import { useState } from "react";
import { agentsApi } from "./api";
import { IssuedCode } from "./EnrolPanel";
import { errorText } from "./errors";
import { availabilityLabel, clock, count, NONE, percent, phone, shownAvailability, statusLabel, talkTime, timeOfDay } from "./format";
import { useT, type T } from "./i18n";
import { rich } from "./i18n/rich";
import { useNow } from "./use-team";

const agentName = (t: T, row: TeamRow) => row.agent.name ?? t("common.aircallUser", { id: String(row.agent.aircallUserId) });

/** A new one-time code for an agent (the old one stops working), shown under the row. */
function NewCode({ row }: { row: TeamRow }) {
  const { t } = useT();
  const [issued, setIssued] = useState<{ code: string; expiresAt: string } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const name = agentName(t, row);
  return (
    <>
      <button
        className="ghost small"
        data-testid="new-code"
        aria-label={t("agents.newCodeFor", { name })}
        onClick={() =>
          agentsApi.newCode(row.agent.agentId).then(
            (r) => (setIssued({ code: r.enrollmentCode, expiresAt: r.expiresAt }), setError(null)),
            (err: unknown) => setError(err),
          )
        }>
        {t("agents.newCode")}
      </button>
      {issued && <IssuedCode name={name} code={issued.code} expiresAt={issued.expiresAt} />}
      {error !== null && <span className="fine" role="alert">{errorText(t, error)}</span>}
    </>
  );
}

function Current({ row, now }: { row: TeamRow; now: number }) {
  const { t } = useT();
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
  if (state.nextDialAt) return <span className="muted">{t("agents.nextCall", { time: clock(Date.parse(state.nextDialAt) - now) })}</span>;
  return <span className="muted">{NONE}</span>;
}

function Availability({ value }: { value: string | undefined }) {
  const { t } = useT();
  if (!value) return <span className="muted">{t("availability.unknown")}</span>;
  return <span className={`pill avail-${value}`} data-testid="availability">{availabilityLabel(t, value)}</span>;
}

export function AgentsTable({ rows, availability }: { rows: TeamRow[]; availability: Map<number, string> }) {
  const { t, locale } = useT();
  const now = useNow();
  const dialing = rows.filter((r) => !["idle", "completed", "stopped"].includes(r.state.status)).length;
  return (
    <section className="card wide">
      <div className="card-head">
        <h2>{t("agents.title")}</h2>
        <span className="muted">{t("agents.summary", { dialing, count: rows.length })}</span>
      </div>
      {rows.length === 0 ? (
        <p className="empty">{rich(t("agents.empty"), { command: <code>pnpm admin agents add --aircall-user &lt;email&gt;</code> })}</p>
      ) : (
        <table className="table" data-testid="agents">
          <thead>
            <tr>
              <th>{t("agents.col.agent")}</th><th>{t("agents.col.dialer")}</th><th>{t("agents.col.current")}</th><th className="num">{t("agents.col.queue")}</th>
              <th>{t("agents.col.aircall")}</th><th className="num">{t("agents.col.callsToday")}</th><th className="num">{t("agents.col.answered")}</th>
              <th className="num">{t("agents.col.talkTime")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.agent.agentId} data-testid={`agent-${row.agent.agentId}`}>
                <td>
                  <div className="agent-name">{agentName(t, row)}{row.agent.role === "admin" && <span className="tag">{t("agents.admin")}</span>}</div>
                  <div className="fine">
                    {row.agent.enrolledAt ? t("agents.ids", { userId: String(row.agent.aircallUserId), numberId: String(row.agent.numberId) }) : t("agents.notSignedIn")}
                  </div>
                  <NewCode row={row} />
                </td>
                <td><span className={`pill status-${row.state.status}`} data-testid="dialer-status">{statusLabel(t, row.state.status)}</span></td>
                <td><Current row={row} now={now} /></td>
                <td className="num">{count(locale, row.state.remaining)}</td>
                <td><Availability value={shownAvailability(availability.get(row.agent.aircallUserId) ?? row.state.availability, row.state.status)} /></td>
                <td className="num">{count(locale, row.stats.calls)}</td>
                <td className="num">{row.stats.calls ? percent(locale, row.stats.answerRate) : NONE}</td>
                <td className="num">{talkTime(locale, row.stats.talkSeconds)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {rows.length > 0 && <p className="fine">{t("agents.updated", { time: timeOfDay(locale, rows.map((r) => r.state.updatedAt ?? "").sort().pop()) })}</p>}
    </section>
  );
}
