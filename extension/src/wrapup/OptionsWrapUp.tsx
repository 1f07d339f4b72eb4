/** The options page's "After each call" section. */
import { RequireWrapUpToggle } from "./RequireWrapUpToggle"

export function OptionsWrapUp() {
  return (
    <section className="card" data-testid="options-wrapup">
      <h2>After each call</h2>
      <RequireWrapUpToggle testId="options-require-wrapup" />
      <p className="muted">
        Otherwise the countdown to the next dial keeps running while you pick what happened (keys 1–9, Enter). The note and the disposition's tag are
        written on the call in Aircall; you can correct a wrap-up from the history page for 24 hours.
      </p>
    </section>
  )
}
