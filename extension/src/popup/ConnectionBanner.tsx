import { useState } from "react"

import type { ConnectionView } from "../lib/messages"
import { sendRequest } from "../lib/runtime"
import { connectionMessage } from "../lib/user-messages"
import { MessageBox } from "./MessageBox"
import { useT } from "../i18n"

/** "Offline since 12:03. Reconnecting…" with a Retry now button; nothing while online. */
export function ConnectionBanner({ connection }: { connection: ConnectionView | undefined }) {
  const { t, locale } = useT()
  const [retrying, setRetrying] = useState(false)
  const message = connectionMessage(connection, locale)
  if (!message) return null
  const retry = () => {
    setRetrying(true)
    void sendRequest({ type: "sync.now" }).finally(() => setRetrying(false))
  }
  return (
    <MessageBox message={message} tone="offline" testId="connection-banner" role="status">
      {connection?.status === "offline" && (
        <button className="small" onClick={retry} disabled={retrying} data-testid="connection-retry">
          {retrying ? t("popup.retrying") : t("popup.retryNow")}
        </button>
      )}
    </MessageBox>
  )
}
