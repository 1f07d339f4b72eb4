import { useEffect, useState } from "react"

import { db } from "../db/db"
import { clearQueue } from "../db/queue-edit"
import { QueueList } from "./QueueList"
import { notifyQueueEdited } from "./requests"
import type { QueueSnapshot } from "./use-live"

/** Counts, the clear button (asks once more before clearing) and the list itself. */
export function QueuePanel({ queue, running }: { queue: QueueSnapshot; running: boolean }) {
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
        <h2>Queue</h2>
        <div className="counts" data-testid="queue-counts">
          <span className="count pending" title="Pending">
            {queue.pending} pending
          </span>
          {queue.held > 0 && (
            <span className="count held" title="Include or confirm these before they are dialed" data-testid="queue-held">
              {queue.held} to review
            </span>
          )}
          <span className="count done" title="Done">
            {queue.done} done
          </span>
          <span className="count failed" title="Failed">
            {queue.failed} failed
          </span>
        </div>
        <button
          className={`small ${confirming ? "danger" : "ghost"}`}
          disabled={queue.rows.length === 0}
          onClick={() => void clear()}
          data-testid="queue-clear">
          {confirming ? `Clear ${queue.rows.length}?` : "Clear"}
        </button>
      </div>
      {queue.rows.length === 0 ? (
        <p className="muted empty" data-testid="queue-empty">
          No numbers yet. On a CRM page, click <span className="queue-glyph">+ Queue</span> next to a number.
        </p>
      ) : (
        <QueueList rows={queue.rows} running={running} />
      )}
    </section>
  )
}
