import { useT } from "../i18n"
import type { Shortcuts } from "./use-shortcuts"

/** The popup's help line: the run's keyboard shortcuts, and where to change them. */
export function ShortcutsHelp({ keys }: { keys: Shortcuts }) {
  const { t } = useT()
  const key = (k: string) => (k ? <kbd>{k}</kbd> : <span className="muted">{t("popup.keys.notSet")}</span>)
  return (
    <details className="help" data-testid="shortcuts-help">
      <summary>{t("popup.keys.title")}</summary>
      <ul>
        <li>
          {key(keys["toggle-pause"])} {t("popup.keys.pause")}
        </li>
        <li>
          {key(keys.skip)} {t("popup.keys.skip")}
        </li>
        <li>
          {t("popup.keys.queue")} <kbd>↑</kbd>/<kbd>↓</kbd> {t("popup.keys.move")} <kbd>Alt</kbd>+<kbd>↑</kbd>/<kbd>↓</kbd> {t("popup.keys.reorder")}{" "}
          <kbd>{t("popup.key.enter")}</kbd> {t("popup.keys.open")} <kbd>{t("popup.key.delete")}</kbd> {t("popup.keys.remove")}
        </li>
      </ul>
      <p className="muted">{t("popup.keys.change")}</p>
    </details>
  )
}
