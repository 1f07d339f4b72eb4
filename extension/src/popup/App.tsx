import { isCountingDown, isRunActive } from "../ui/run-status"
import { openOptionsPage } from "../lib/pages"
import { toneOf } from "../ui/format"
import { isFrozen } from "../lib/user-messages"
import { ListPicker } from "../lists/ListPicker"
import { ConnectionBanner } from "./ConnectionBanner"
import { ErrorBanner } from "./ErrorBanner"
import { QueuePanel } from "./QueuePanel"
import { RecentOutcomes } from "./RecentOutcomes"
import { useSyncOnOpen } from "./requests"
import { RunPanel } from "./RunPanel"
import { TodayStats } from "./TodayStats"
import { useConnection } from "./use-connection"
import { useAccount, useDialerState, useQueue } from "./use-live"
import { RunAnnouncer } from "./RunAnnouncer"
import { ShortcutsHelp } from "./ShortcutsHelp"
import { useShortcuts } from "./use-shortcuts"
import { nextContact, statusWord } from "./run-words"
import { useT } from "../i18n"
import { PopupSchedule } from "../wrapup/PopupSchedule"
import { PopupWrapUp } from "../wrapup/PopupWrapUp"
import { PopupComplianceMarks } from "../compliance/PopupComplianceMarks"

export function App() {
  const { t, locale } = useT()
  const account = useAccount()
  const state = useDialerState()
  const queue = useQueue()
  const link = useConnection()
  const connection = account ? link : undefined // signed out: nothing to be connected to
  useSyncOnOpen(!!account)
  const status = state?.status ?? "idle"
  const countingDown = isCountingDown(state)
  const next = nextContact(queue.rows, state?.current, locale)
  const keys = useShortcuts()

  return (
    <main className="popup" data-testid="popup">
      <header className="popup-header">
        <h1>{t("popup.title")}</h1>
        {account && (
          <span className={`pill tone-${isFrozen(connection) ? "idle" : toneOf(status, countingDown)}`} data-testid="run-status">
            {isFrozen(connection) ? t("run.offline") : statusWord(state, locale)}
          </span>
        )}
        <button className="icon-button" onClick={openOptionsPage} title={t("popup.options")} aria-label={t("popup.options")}>
          ⚙
        </button>
      </header>

      {account === null && (
        <section className="card signed-out" data-testid="signed-out">
          <p>{t("popup.signedOut")}</p>
          <button className="primary" onClick={openOptionsPage}>
            {t("popup.openOptions")}
          </button>
        </section>
      )}
      <ConnectionBanner connection={connection} />
      <ErrorBanner connection={connection} />
      {account && <PopupWrapUp />}
      {account && <RunAnnouncer state={state ?? null} next={next} offline={isFrozen(connection)} />}
      {account && <RunPanel state={state ?? null} pending={queue.pending} connection={connection} next={next} />}
      <ListPicker running={isRunActive(state)} />
      {account && <PopupSchedule />}
      {account && <PopupComplianceMarks />}
      <QueuePanel queue={queue} running={isRunActive(state)} />
      {account && <RecentOutcomes />}
      {account && <TodayStats />}
      <ShortcutsHelp keys={keys} />
    </main>
  )
}
