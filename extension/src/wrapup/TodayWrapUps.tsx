/** The popup's "Today" line about wrap-ups: people reached (connect rate), voicemails, calls not wrapped up. */
import type { Stats } from "@dialer/shared"

export function TodayWrapUps({ stats }: { stats: Stats | undefined }) {
  if (!stats || stats.calls === 0 || stats.conversations === undefined) return null
  const rate = Math.round((stats.connectRate ?? 0) * 100)
  return (
    <p className="muted today-wrapups" data-testid="stat-wrapups" title="Conversations: calls wrapped up as a person reached. Not recorded: answered calls with no wrap-up.">
      {stats.conversations} conversation{stats.conversations === 1 ? "" : "s"} ({rate}%) · {stats.voicemails ?? 0} voicemail{stats.voicemails === 1 ? "" : "s"}
      {stats.notRecorded ? ` · ${stats.notRecorded} not recorded` : ""}
    </p>
  )
}
