import { useT } from "../i18n"

/** The footer of the options page: the privacy page (what is stored where, each permission justified). */
export function PrivacyLink() {
  const { t } = useT()
  return (
    <footer className="options-footer">
      <a href={chrome.runtime.getURL("tabs/privacy.html")} target="_blank" rel="noreferrer" data-testid="privacy-link">
        {t("options.privacyLink")}
      </a>
    </footer>
  )
}
