/**
 * The one message protocol between content scripts, popup/options and the background service
 * worker. Plain TypeScript types here (content scripts must not pull zod in); the background
 * validates what it receives with the zod schemas in `messages.schema.ts`.
 */
import type { CampaignNumber, CampaignPostResult, DialerState, Stats } from "@dialer/shared"

import type { ComplianceMark } from "../compliance/marks"
import type { ScheduledView, WrapUpChoice, WrapUpPrompt, WrapUpSubmission } from "../wrapup/types"

/** A number found on a page, with what the CRM adapter knows about its contact. */
export type CapturedNumber = {
  phone: string // E.164
  name?: string
  company?: string
  sourceUrl?: string // the record's URL in the CRM
  crm?: string // adapter id: hubspot, salesforce, pipedrive, zoho, close, attio, generic
}

/** A request with no fields besides its `type`. */
export type NoFields = Record<never, never>

export type DialerCommand = "pause" | "resume" | "skip" | "stop"

/** What a request that may fail answers: `error` is the worker's message, ready to show. */
export type Result<T extends object = object> = ({ ok: true } & T) | { ok: false; error: string }

/** The signed-in agent as pages show it. */
export type AccountView = { agentId: string; name: string | null; workerUrl: string }

/** Requests sent with chrome.runtime.sendMessage, and what each answers. */
export type RequestMap = {
  "queue.add": { req: { items: CapturedNumber[] }; res: { added: number; phones: string[] } }
  "queue.phones": { req: NoFields; res: { phones: string[] } }
  /** The popup edited the queue in IndexedDB: tell tabs, and the worker if a run is going. */
  "queue.edited": { req: NoFields; res: Result }
  "dialer.command": { req: { command: DialerCommand }; res: Result }
  /** Start a run with the pending items in queue order. */
  "dialer.start": { req: { requireWrapUp?: boolean }; res: Result }
  "dialer.snapshot": { req: NoFields; res: DialerView }
  /** Resync state and history from the worker now (the popup asks when it opens). */
  "sync.now": { req: NoFields; res: Result }
  "stats.get": { req: { from: string; to?: string }; res: Result<{ stats: Stats }> }
  "auth.enroll": { req: { workerUrl: string; code: string }; res: Result<{ account: AccountView }> }
  "auth.signOut": { req: NoFields; res: Result }
  /** Send a list's pending numbers to Aircall's own Power Dialer (the agent's dialer campaign). */
  "campaign.send": { req: { listId: string }; res: Result<{ result: CampaignPostResult & { sent: number } }> }
  /** The agent's Aircall dialer campaign; `numbers` is null when there is none. */
  "campaign.get": { req: NoFields; res: Result<{ numbers: CampaignNumber[] | null }> }
  /** Empty the Aircall campaign: the lists handed to it can be dialed by our run again. */
  "campaign.clear": { req: NoFields; res: Result }
  // ---------- wrap-up (wrapup/handlers.ts) ----------
  /** The call waiting for a wrap-up now, if any (the popup and the bar show its form). */
  "wrapup.pending": { req: NoFields; res: { prompt: WrapUpPrompt | null } }
  /** The history page's correction of one entry (by its key), within 24 hours. */
  "wrapup.forEntry": { req: { key: string }; res: { prompt: WrapUpPrompt | null } }
  /** "Later": stop offering this call in the popup and the bar. */
  "wrapup.putOff": { req: { key: string }; res: Result }
  /** The agent's wrap-up of a call (from the bar: only after a real key press or click). */
  "dialer.wrapUp": { req: WrapUpSubmission; res: Result }
  "wrapup.scheduled": { req: NoFields; res: Result<{ items: ScheduledView[] }> }
  "wrapup.scheduledNow": { req: { itemId: string }; res: Result }
  "wrapup.scheduledDrop": { req: { itemId: string }; res: Result }
  /** The company's wrap-up choices (the history page shows their labels). */
  "wrapup.choices": { req: NoFields; res: { choices: WrapUpChoice[] } }
  /** Queued numbers the worker will not dial now, and why (compliance/handlers.ts). */
  "compliance.marks": { req: NoFields; res: Result<{ marks: ComplianceMark[] }> }
}
export type RequestType = keyof RequestMap
export type Request<T extends RequestType = RequestType> = { type: T } & RequestMap[T]["req"]
export type Response<T extends RequestType> = RequestMap[T]["res"]

/**
 * The live link to the worker. `online`: connected, the run shown is the worker's; `connecting`:
 * not connected yet since the extension started; `offline`: the link was lost at `since` (the run
 * shown is as it was then, and Aircall calls go on regardless).
 */
export type ConnectionStatus = "connecting" | "online" | "offline"
export type ConnectionView = { status: ConnectionStatus; since: string }

/** What the in-page bar and popup show about a run. */
export type DialerView = {
  signedIn: boolean
  state: DialerState | null
  current?: { name?: string; phone: string } | null
  next?: { name?: string; phone: string } | null
  /** Absent from older backgrounds: treat as online. */
  connection?: ConnectionView
}

/** Broadcasts from the background to content scripts (chrome.tabs.sendMessage). */
export type Broadcast =
  | { type: "queue.changed"; phones: string[] }
  | { type: "dialer.view"; view: DialerView }
