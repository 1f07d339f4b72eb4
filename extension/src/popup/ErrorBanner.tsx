import { db } from "../db/db"
import { writeError } from "../db/runtime"
import { useLastError } from "./use-live"

/** The last error from the worker (its own message), until dismissed or the next success. */
export function ErrorBanner() {
  const message = useLastError()
  if (!message) return null
  return (
    <div className="banner error" role="alert" data-testid="error-banner">
      <span>{message}</span>
      <button className="icon-button" aria-label="Dismiss" onClick={() => void writeError(db, null)}>
        ×
      </button>
    </div>
  )
}
