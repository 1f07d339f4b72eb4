import { talkTime } from "../ui/format"
import { useTodayStats } from "./requests"
import { useRecentHistory } from "./use-live"
import { TodayWrapUps } from "../wrapup/TodayWrapUps"

/** Today's calls, answered and talk time (GET /api/stats from midnight), refreshed as calls end. */
export function TodayStats() {
  const latest = useRecentHistory(1)[0]
  const stats = useTodayStats(true, `${latest?.key ?? ""}|${latest?.final ?? ""}|${latest?.disposition ?? ""}`)
  return (
    <section className="card today" data-testid="today-stats">
      <h2>Today</h2>
      {stats.error ? (
        <p className="inline-error">{stats.error.message}</p>
      ) : (
        <dl className="stat-grid">
          <div>
            <dt>Calls</dt>
            <dd data-testid="stat-calls">{stats.data?.calls ?? "–"}</dd>
          </div>
          <div>
            <dt>Answered</dt>
            <dd>
              {stats.data ? `${stats.data.answered}` : "–"}
              {stats.data && stats.data.calls > 0 && (
                <small> {Math.round((stats.data.answered / stats.data.calls) * 100)}%</small>
              )}
            </dd>
          </div>
          <div>
            <dt>Talk time</dt>
            <dd>{stats.data ? talkTime(stats.data.talkSeconds) : "–"}</dd>
          </div>
        </dl>
      )}
      <TodayWrapUps stats={stats.data} />
    </section>
  )
}
