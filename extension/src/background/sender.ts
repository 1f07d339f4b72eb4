/**
 * What content scripts (running in CRM pages) may ask: add numbers (which never reach a running
 * dial without the agent's approval in the popup), which numbers are queued, the in-page bar's view,
 * and the bar's Pause and Stop, which can only end dialing. Starting, resuming and skipping,
 * queue edits, sign-in and settings stay with extension pages (and the keyboard shortcuts).
 *
 * Page script cannot message the background at all; this list bounds what a compromised page
 * renderer, which could speak as our content script, can do.
 */
/**
 * The bar's wrap-up: read the call waiting for one, send it (the bar sends only after a real key
 * press or click, see wrapup/WrapUpForm.tsx), put it off. It never dials: a callback comes back only
 * for a call of the agent's last 24 hours. Corrections and scheduled numbers stay with extension pages.
 */
const WRAP_UP_FROM_PAGES = ["wrapup.pending", "dialer.wrapUp", "wrapup.putOff"]

const FROM_PAGES = new Set(["queue.add", "queue.phones", "dialer.snapshot", "dialer.command", ...WRAP_UP_FROM_PAGES])
const COMMANDS_FROM_PAGES = new Set(["pause", "stop"])

type Sender = { id?: string; tab?: unknown; url?: string }
type Message = { type?: unknown; command?: unknown } | null | undefined

export function fromExtensionPage(sender: Sender, extensionId: string): boolean {
  return sender.id === extensionId && (sender.tab === undefined || !!sender.url?.startsWith(`chrome-extension://${extensionId}/`))
}

export function allowedFrom(sender: Sender, extensionId: string, message: Message): boolean {
  if (fromExtensionPage(sender, extensionId)) return true
  if (sender.id !== extensionId) return false
  const type = typeof message?.type === "string" ? message.type : ""
  if (!FROM_PAGES.has(type)) return false
  return type !== "dialer.command" || COMMANDS_FROM_PAGES.has(String(message?.command))
}
