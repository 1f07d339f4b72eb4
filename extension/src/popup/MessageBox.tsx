import { type ReactNode, useId, useState } from "react"

import { useT } from "../i18n"
import type { UserMessage } from "../lib/user-messages"

type Props = {
  message: UserMessage
  tone: "error" | "offline"
  testId: string
  /** Buttons after the text (Retry, Dismiss). */
  children?: ReactNode
  /** "alert" for failures the agent caused, "status" for states that come and go (announced politely). */
  role?: "alert" | "status"
}

/** A message from the catalogue: what happened, what to do, and the technical detail behind a click. */
export function MessageBox({ message, tone, testId, children, role = "alert" }: Props) {
  const { t } = useT()
  const [open, setOpen] = useState(false)
  const detailId = useId()
  return (
    <div className={`banner message ${tone}`} role={role} data-testid={testId} data-message-id={message.id}>
      <div className="message-text">
        <strong className="message-what">{message.what}</strong>
        {message.todo && <span className="message-todo"> {message.todo}</span>}
        {message.detail && (
          <>
            {" "}
            <button
              type="button"
              className="link-button"
              aria-expanded={open}
              aria-controls={detailId}
              data-testid={`${testId}-details`}
              onClick={() => setOpen(!open)}>
              {open ? t("popup.hideDetails") : t("common.details")}
            </button>
            {open && (
              <code id={detailId} className="message-detail" data-testid={`${testId}-detail`}>
                {message.detail}
              </code>
            )}
          </>
        )}
      </div>
      {children}
    </div>
  )
}
