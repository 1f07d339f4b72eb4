import type { DialerState } from "@dialer/shared"

import { useLocale } from "../i18n"
import { announcement } from "./run-words"

/**
 * A polite live region: screen readers hear each change of the run's state ("Ringing Ann Lee.",
 * "Call ended. Next call: Cy Diaz.") once. Its text never holds the ticking timer, so re-renders
 * leave the DOM as it was and nothing is repeated. Visually hidden.
 */
export function RunAnnouncer({ state, next, offline }: { state: DialerState | null; next: string | null; offline: boolean }) {
  return (
    <p className="sr-only" role="status" aria-live="polite" data-testid="run-announcement">
      {announcement(state, next, offline, useLocale())}
    </p>
  )
}
