/** Open the Lists and Contacts extension pages in a tab. */
export function openListsPage(): void {
  void chrome.tabs.create({ url: chrome.runtime.getURL("tabs/lists.html") })
}

export function openContactsPage(): void {
  void chrome.tabs.create({ url: chrome.runtime.getURL("tabs/contacts.html") })
}

/** Tell the background the active list changed: tabs re-mark queued numbers, the worker hears during a run. */
export function notifyListsChanged(): Promise<unknown> {
  return chrome.runtime.sendMessage({ type: "queue.edited" })
}
