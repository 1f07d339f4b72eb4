/** The footer of the options page: the privacy page (what is stored where, each permission justified). */
export function PrivacyLink() {
  return (
    <footer className="options-footer">
      <a href={chrome.runtime.getURL("tabs/privacy.html")} target="_blank" rel="noreferrer" data-testid="privacy-link">
        Privacy and permissions
      </a>
    </footer>
  )
}
