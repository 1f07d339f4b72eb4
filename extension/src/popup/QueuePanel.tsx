import { useEffect, useState } from "react"

import { db } from "../db/db"
import { clearQueue } from "../db/queue-edit"
import { useT } from "../i18n"
import { QueueList } from "./QueueList"
import { notifyQueueEdited } from "./requests"
import type { QueueSnapshot } from "./use-live"

/** Counts, the clear button (asks once more before clearing) and the list itself. */
export function QueuePanel({ queue, running }: { queue: QueueSnapshot; running: boolean }) {
  const { t } = useT()
  // Counts as plain digits ("10000 pending"): the queue's figures are read and compared as written.
  const [confirming, setConfirming] = useState(false)
  useEffect(() => {
    if (!confirming) return
    const timer = setTimeout(() => setConfirming(false), 4000)
    return () => clearTimeout(timer)
  }, [confirming])

  const clear = async () => {
    if (!confirming) return setConfirming(true)
    setConfirming(false)
    await clearQueue(db)
    await notifyQueueEdited()
  }

  return (
    <section className="card queue" data-testid="queue-panel">
      <div className="section-head">
        <h2>{t("popup.queue")}</h2>
        {!queue.loading && (
          <div className="counts" data-testid="queue-counts">
            <span className="count pending" title={t("popup.count.pendingTitle")}>
              {t("popup.count.pending", { count: String(queue.pending) })}
            </span>
            {queue.held > 0 && (
              <span className="count held" title={t("popup.count.heldTitle")} data-testid="queue-held">
                {t("popup.count.held", { count: String(queue.held) })}
              </span>
            )}
            <span className="count done" title={t("popup.count.doneTitle")}>
              {t("popup.count.done", { count: String(queue.done) })}
            </span>
            <span className="count failed" title={t("popup.count.failedTitle")}>
              {t("popup.count.failed", { count: String(queue.failed) })}
            </span>
          </div>
        )}
        <button
          className={`small ${confirming ? "danger" : "ghost"}`}
          disabled={queue.rows.length === 0}
          onClick={() => void clear()}
          data-testid="queue-clear">
          {confirming ? t("popup.clearConfirm", { count: String(queue.rows.length) }) : t("popup.clear")}
        </button>
      </div>
      {queue.loading ? (
        <p className="muted empty" role="status" data-testid="queue-loading">
          {t("popup.queueLoading")}
        </p>
      ) : queue.rows.length === 0 ? (
        <p className="muted empty" data-testid="queue-empty">
          {t("popup.emptyBefore")} <span className="queue-glyph">{t("page.queue")}</span> {t("popup.emptyAfter")}
        </p>
      ) : (
        <QueueList rows={queue.rows} running={running} />
      )}
    </section>
  )
}
