import { useT } from "../i18n"

/** Beside a setting IT set by policy: why it cannot be changed here. */
export function ManagedNote() {
  const { t } = useT()
  return (
    <small className="managed-note" data-testid="managed-note">
      {t("options.managed")}
    </small>
  )
}
