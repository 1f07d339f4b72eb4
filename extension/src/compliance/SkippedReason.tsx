/** Why the worker skipped a number, under its outcome in the history page (the full reason on hover). */
import "./compliance.css"

/** "on the do-not-call list", "outside calling hours — dial after 08:00 their time", or the reason itself. */
export function skipLabel(reason: string): string {
  if (/do-not-call list/.test(reason)) return "On the do-not-call list"
  const after = /Dial after (\d{2}:\d{2}) their time/.exec(reason)?.[1]
  if (/^Outside calling hours/.test(reason)) return after ? `Outside calling hours — dial after ${after} their time` : "Outside calling hours"
  if (/calling hours cannot be checked/.test(reason)) return "Not dialed: its time zone is unknown"
  return reason.length > 80 ? `${reason.slice(0, 79)}…` : reason
}

export function SkippedReason({ outcome, reason }: { outcome: string; reason: string | null | undefined }) {
  if (outcome !== "skipped" || !reason) return null
  return (
    <div className="skip-reason" title={reason} data-testid="skip-reason">
      {skipLabel(reason)}
    </div>
  )
}
