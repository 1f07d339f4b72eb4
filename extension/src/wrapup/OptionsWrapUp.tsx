/** The options page's "After each call" section. */
import { useT } from "../i18n"
import { RequireWrapUpToggle } from "./RequireWrapUpToggle"

export function OptionsWrapUp() {
  const { t } = useT()
  return (
    <section className="card" data-testid="options-wrapup">
      <h2>{t("wrapup.options.title")}</h2>
      <RequireWrapUpToggle testId="options-require-wrapup" />
      <p className="muted">{t("wrapup.options.explain")}</p>
    </section>
  )
}
