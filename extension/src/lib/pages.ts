/** Thin wrappers over extension page APIs used by the popup and options page. */
export function openOptionsPage(): void {
  void chrome.runtime.openOptionsPage()
}

export function extensionManifest(): chrome.runtime.Manifest {
  return chrome.runtime.getManifest()
}

export function openHistoryPage(): void {
  void chrome.tabs.create({ url: chrome.runtime.getURL("tabs/history.html") })
}
