import { formatPercent } from "@dialer/shared/i18n"

import { useT } from "../i18n"
import { talkTime } from "../ui/format"
import { useTodayStats } from "./requests"
import { useRecentHistory } from "./use-live"
import { TodayWrapUps } from "../wrapup/TodayWrapUps"

/** Today's calls, answered and talk time (GET /api/stats from midnight), refreshed as calls end. */
export function TodayStats() {
  const { t, locale } = useT()
  const latest = useRecentHistory(1)[0]
  const stats = useTodayStats(true, `${latest?.key ?? ""}|${latest?.final ?? ""}|${latest?.disposition ?? ""}`)
  return (
    <section className="card today" data-testid="today-stats">
      <h2>{t("popup.today")}</h2>
      {stats.error ? (
        <p className="inline-error">{stats.error.message}</p>
      ) : (
        <dl className="stat-grid">
          <div>
            <dt>{t("popup.today.calls")}</dt>
            <dd data-testid="stat-calls">{stats.data?.calls ?? "–"}</dd>
          </div>
          <div>
            <dt>{t("popup.today.answered")}</dt>
            <dd>
              {stats.data ? `${stats.data.answered}` : "–"}
              {stats.data && stats.data.calls > 0 && (
                <small> {formatPercent(locale, stats.data.answered / stats.data.calls)}</small>
              )}
            </dd>
          </div>
          <div>
            <dt>{t("popup.today.talk")}</dt>
            <dd>{stats.data ? talkTime(stats.data.talkSeconds, locale) : "–"}</dd>
          </div>
        </dl>
      )}
      <TodayWrapUps stats={stats.data} />
    </section>
  )
}
