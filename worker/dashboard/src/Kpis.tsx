import type { Stats, TeamStatsResponse } from "@dialer/shared";
import { percent, talkTime } from "./format";

function Figures({ title, stats }: { title: string; stats: Stats | undefined }) {
  const items: [string, string, string][] = stats
    ? [
        ["Calls", String(stats.calls), `${stats.answered} answered · ${stats.noAnswer} no answer${stats.failed ? ` · ${stats.failed} failed` : ""}`],
        ["Answered", percent(stats.answerRate), `of ${stats.calls} call${stats.calls === 1 ? "" : "s"}`],
        ["Talk time", talkTime(stats.talkSeconds), stats.answered ? `${talkTime(Math.round(stats.talkSeconds / stats.answered))} per answered call` : "no answered calls yet"],
        ["Calls / hour", String(stats.callsPerHour), "team pace while dialing (over 15 min at least)"],
      ]
    : [];
  return (
    <section className="card kpis" aria-label={title}>
      <h2>{title}</h2>
      <div className="kpi-row">
        {stats
          ? items.map(([label, value, hint]) => (
              <div className="kpi" key={label} data-testid={`kpi-${title.toLowerCase().replace(/\s/g, "-")}-${label.toLowerCase().replace(/\W+/g, "-")}`}>
                <div className="kpi-label">{label}</div>
                <div className="kpi-value">{value}</div>
                <div className="kpi-hint">{hint}</div>
              </div>
            ))
          : <div className="muted">Loading…</div>}
      </div>
    </section>
  );
}

export function Kpis({ today, week }: { today: TeamStatsResponse | null; week: TeamStatsResponse | null }) {
  return (
    <>
      <Figures title="Today" stats={today?.total} />
      <Figures title="This week" stats={week?.total} />
    </>
  );
}
