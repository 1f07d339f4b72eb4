import { openHistoryPage } from "../lib/pages"
import { talkTime } from "../ui/format"
import { displayPhone } from "../ui/phone"
import { useRecentHistory } from "./use-live"

const OUTCOME_LABEL = { answered: "Answered", no_answer: "No answer", failed: "Failed", skipped: "Skipped" } as const

/** The last few calls, newest first, from the history mirrored into IndexedDB. */
export function RecentOutcomes() {
  const entries = useRecentHistory(3)
  if (entries.length === 0) return null
  return (
    <section className="card recent" data-testid="recent-outcomes">
      <div className="recent-head">
        <h2>Last calls</h2>
        <button className="small ghost" onClick={openHistoryPage} data-testid="open-history">
          All calls
        </button>
      </div>
      <ul className="recent-list">
        {entries.map((e) => (
          <li key={e.key} className="recent-item">
            <span className="row-contact">
              <span className="row-name">{e.name ?? "Unknown"}</span>
              <span className="row-phone">{displayPhone(e.phone)}</span>
            </span>
            <span className="recent-talk">{e.talkSeconds ? talkTime(e.talkSeconds) : ""}</span>
            <span className={`chip outcome-${e.outcome}`} title={e.reason ?? undefined}>
              {OUTCOME_LABEL[e.outcome]}
            </span>
          </li>
        ))}
      </ul>
    </section>
  )
}
