import type { DialerState, HistoryEntry, Outcome } from "@dialer/shared"
import type { LanguageSetting } from "@dialer/shared/i18n"

import type { NumberRisk } from "./number-risk"

/** A person captured from a CRM page, keyed by E.164. */
export type ContactRow = {
  phone: string
  name?: string
  company?: string
  sourceUrl?: string
  crm?: string
  /** Extra spreadsheet columns kept at import ("Source: webinar; Owner: Ann"). */
  notes?: string
  createdAt: string
}

export const QUEUE_STATUSES = ["pending", "dialing", "done", "failed", "skipped"] as const
export type QueueStatus = (typeof QUEUE_STATUSES)[number]

/**
 * How a list is dialed: by our worker's run ("run"), or handed to Aircall's own Power Dialer
 * ("aircall": its numbers are in the agent's Aircall dialer campaign, so our run never dials it).
 */
export type ListMode = "run" | "aircall"

/** A named list of numbers ("Webinar leads"); one of them is the active queue of a run. */
export type ListRow = {
  id: string
  name: string
  position: number
  createdAt: string
  mode: ListMode
  /** When the list was last sent to Aircall's Power Dialer (mode "aircall"). */
  sentToAircallAt?: string
}

/** One number in a list; `phone` is unique per list (dedupe by E.164). */
export type QueueRow = {
  id: string
  /** The list the row belongs to (rows stored before lists existed moved into the first one). */
  listId: string
  phone: string
  position: number
  status: QueueStatus
  attempts: number
  name?: string
  sourceUrl?: string
  addedAt: string
  lastOutcome: Outcome | null
  /** Added from a page while a run was going: never sent to the worker until the agent includes it in the popup. */
  awaitingApproval?: boolean
  /** A costly number type (null when ordinary); absent on rows stored before numbers were classified. */
  risk?: NumberRisk | null
  /** The agent confirmed this costly number in the popup. */
  riskConfirmed?: boolean
}

/** A history entry mirrored from the worker; `key` = `${itemId}|${startedAt}`. */
export type HistoryRow = HistoryEntry & { key: string }

export type Settings = {
  workerUrl: string
  defaultCountry: string
  delaySeconds: number
  /** Extra origin match patterns ("https://crm.example.com/*") the agent enabled. */
  enabledSites: string[]
  /** The interface's language: "auto" (the browser's) or one the agent picked in Options. */
  language: LanguageSetting
}
export type SettingsRow = Settings & { key: "main" }

/** The signed-in agent as the UI shows it (no tokens here). */
export type Account = { agentId: string; name: string | null; workerUrl: string }

/** Small live values the popup and bar read: the run's state and who is signed in. */
export type RuntimeRow =
  | { key: "dialer"; state: DialerState | null; receivedAt: string }
  | { key: "account"; account: Account | null }
  | { key: "error"; message: string | null; at: string }
  /** The list "+ Queue", "Add all" and the run use. */
  | { key: "activeList"; listId: string }
  /** Secrets kept out of chrome.storage.local (see vault.ts). */
  | { key: `vault:${string}`; value: unknown }

/**
 * A big add kept in compact form (columns of strings) until its rows are written: written in the
 * add's own transaction, so the numbers are durable when the add answers; the rows and contacts
 * follow in the next transaction (queue-stage.ts), which is created before the answer is sent.
 */
export type StagedRow = {
  id: string
  listId: string
  addedAt: string
  awaitingApproval: boolean
  /** The new queue rows: ids (known up front), positions, and which captured number each is (its phone, name and source). */
  rows: { ids: string[]; positions: number[]; captured: number[] }
  /** Every captured number, in order, for the contacts upsert. */
  contacts: { phones: string[]; names: (string | undefined)[]; companies: (string | undefined)[]; sourceUrls: (string | undefined)[]; crms: (string | undefined)[] }
}
