/**
 * What content scripts (running in CRM pages) may ask: add numbers, which are queued, and the
 * in-page bar's view and controls. Starting runs, signing in and settings stay with extension pages.
 */
const FROM_PAGES = new Set(["queue.add", "queue.phones", "dialer.snapshot", "dialer.command"])

type Sender = { id?: string; tab?: unknown; url?: string }

export function allowedFrom(sender: Sender, extensionId: string, type: string | undefined): boolean {
  const fromExtensionPage = sender.id === extensionId && (sender.tab === undefined || !!sender.url?.startsWith(`chrome-extension://${extensionId}/`))
  return fromExtensionPage || FROM_PAGES.has(type ?? "")
}
