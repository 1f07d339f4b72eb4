/** The popup's "Today" line about wrap-ups: people reached (connect rate), voicemails, calls not wrapped up. */
import type { Stats } from "@dialer/shared"
import { formatPercent } from "@dialer/shared/i18n"

import { useT } from "../i18n"

export function TodayWrapUps({ stats }: { stats: Stats | undefined }) {
  const { t, locale } = useT()
  if (!stats || stats.calls === 0 || stats.conversations === undefined) return null
  const rate = formatPercent(locale, stats.connectRate ?? 0)
  return (
    <p className="muted today-wrapups" data-testid="stat-wrapups" title={t("wrapup.today.title")}>
      {t("wrapup.today.conversations", { count: stats.conversations })} ({rate}) · {t("wrapup.today.voicemails", { count: stats.voicemails ?? 0 })}
      {stats.notRecorded ? ` · ${t("wrapup.today.notRecorded", { count: stats.notRecorded })}` : ""}
    </p>
  )
}
