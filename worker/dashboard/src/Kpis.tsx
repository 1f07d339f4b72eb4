import type { Stats, TeamStatsResponse } from "@dialer/shared";
import { count, percent, talkTime } from "./format";
import { useT } from "./i18n";

type Period = "today" | "week";
const PERIOD_TITLE = { today: "kpi.today", week: "kpi.week" } as const;
/** Test ids stay English whatever the language: kpi-today-calls, kpi-this-week-talk-time… */
const PERIOD_ID: Record<Period, string> = { today: "today", week: "this-week" };

function Figures({ period, stats }: { period: Period; stats: Stats | undefined }) {
  const { t, locale } = useT();
  const n = (v: number) => count(locale, v);
  const items: [id: string, label: string, value: string, hint: string][] = stats
    ? [
        [
          "calls",
          t("kpi.calls"),
          n(stats.calls),
          [
            t("kpi.answeredCount", { count: stats.answered }),
            t("kpi.noAnswerCount", { count: stats.noAnswer }),
            ...(stats.failed ? [t("kpi.failedCount", { count: stats.failed })] : []),
          ].join(" · "),
        ],
        ["answered", t("kpi.answered"), percent(locale, stats.answerRate), t("kpi.ofCalls", { count: stats.calls })],
        [
          "talk-time",
          t("kpi.talkTime"),
          talkTime(locale, stats.talkSeconds),
          stats.answered ? t("kpi.perAnswered", { duration: talkTime(locale, Math.round(stats.talkSeconds / stats.answered)) }) : t("kpi.noAnswered"),
        ],
        ["calls-hour", t("kpi.callsPerHour"), n(stats.callsPerHour), t("kpi.paceHint")],
      ]
    : [];
  const title = t(PERIOD_TITLE[period]);
  return (
    <section className="card kpis" aria-label={title}>
      <h2>{title}</h2>
      <div className="kpi-row">
        {stats ? (
          items.map(([id, label, value, hint]) => (
            <div className="kpi" key={id} data-testid={`kpi-${PERIOD_ID[period]}-${id}`}>
              <div className="kpi-label">{label}</div>
              <div className="kpi-value">{value}</div>
              <div className="kpi-hint">{hint}</div>
            </div>
          ))
        ) : (
          <div className="muted">{t("common.loading")}</div>
        )}
      </div>
    </section>
  );
}

export function Kpis({ today, week }: { today: TeamStatsResponse | null; week: TeamStatsResponse | null }) {
  return (
    <>
      <Figures period="today" stats={today?.total} />
      <Figures period="week" stats={week?.total} />
    </>
  );
}
