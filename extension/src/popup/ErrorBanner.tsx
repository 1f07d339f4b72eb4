import { db } from "../db/db"
import { writeError } from "../db/runtime"
import type { ConnectionView } from "../lib/messages"
import { explainError, isFrozen } from "../lib/user-messages"
import { MessageBox } from "./MessageBox"
import { useT } from "../i18n"
import { useLastError } from "./use-live"

/**
 * The last failure, in plain words (technical detail behind "Details"), until dismissed or the
 * next success. While offline a "can't reach" failure is not repeated: the connection banner says it.
 */
export function ErrorBanner({ connection }: { connection?: ConnectionView }) {
  const { t, locale } = useT()
  const raw = useLastError()
  if (!raw) return null
  const message = explainError(raw, locale)
  if (message.id === "offline" && isFrozen(connection)) return null
  return (
    <MessageBox message={message} tone="error" testId="error-banner">
      <button className="icon-button" aria-label={t("popup.dismiss")} onClick={() => void writeError(db, null)}>
        ×
      </button>
    </MessageBox>
  )
}
