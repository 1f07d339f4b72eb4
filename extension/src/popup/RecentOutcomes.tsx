import { openHistoryPage } from "../lib/pages"
import { talkTime } from "../ui/format"
import { reasonText } from "../ui/reason-words"
import { displayPhone } from "../ui/phone"
import { useT } from "../i18n"
import { useRecentHistory } from "./use-live"

/** The last few calls, newest first, from the history mirrored into IndexedDB. */
export function RecentOutcomes() {
  const { t, locale } = useT()
  const entries = useRecentHistory(3)
  if (entries.length === 0) return null
  return (
    <section className="card recent" data-testid="recent-outcomes">
      <div className="recent-head">
        <h2>{t("popup.recent")}</h2>
        <button className="small ghost" onClick={openHistoryPage} data-testid="open-history">
          {t("popup.allCalls")}
        </button>
      </div>
      <ul className="recent-list">
        {entries.map((e) => (
          <li key={e.key} className="recent-item">
            <span className="row-contact">
              <span className="row-name">{e.name ?? t("run.unknown")}</span>
              <span className="row-phone">{displayPhone(e.phone)}</span>
            </span>
            <span className="recent-talk">{e.talkSeconds ? talkTime(e.talkSeconds, locale) : ""}</span>
            <span className={`chip outcome-${e.outcome}`} title={reasonText(e.reasonCode, e.reason, locale)}>
              {t(`popup.outcome.${e.outcome}`)}
            </span>
          </li>
        ))}
      </ul>
    </section>
  )
}
