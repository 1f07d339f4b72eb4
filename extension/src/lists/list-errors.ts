/**
 * Why a list edit was refused, in the agent's language. The list store (db/lists.ts, list-items.ts,
 * campaign-sync.ts) refuses with an English ListError; the background passes its message on as text.
 * Each known refusal is recognised here and worded from the catalogue; anything else is shown as is.
 * list-errors.test.ts reads those files and fails when a refusal is added without a wording here.
 */
import type { Translate } from "@dialer/shared/i18n"

import type { MessageKey } from "../i18n"

type Rule = { match: RegExp; key: MessageKey; params?: (m: RegExpExecArray) => Record<string, string> }

const name = (m: RegExpExecArray) => ({ name: m[1] ?? "" })

export const LIST_ERROR_RULES: Rule[] = [
  { match: /^(?:That|This) list no longer exists$/, key: "lists.error.gone" },
  { match: /^A number being dialled cannot move: wait for its call to end$/, key: "lists.error.dialingMove" },
  { match: /^Give the list a name$/, key: "lists.error.noName" },
  { match: /^A list name has at most (\d+) characters$/, key: "lists.error.tooLong", params: (m) => ({ max: m[1] ?? "" }) },
  { match: /^A list named "(.*)" already exists$/, key: "lists.error.taken", params: name },
  { match: /^Keep at least one list$/, key: "lists.error.keepOne" },
  { match: /^This list is being dialed: stop the run first$/, key: "lists.error.deleteDialing" },
  { match: /^A run is going: stop it before dialing another list$/, key: "lists.error.runGoing" },
  { match: /^"(.*)" is in Aircall's Power Dialer: clear it there first$/, key: "lists.error.inAircall", params: name },
  { match: /^"(.*)" is in Aircall's Power Dialer: clear it there before dialing it here$/, key: "lists.error.inAircallDial", params: name },
  { match: /^Our run is dialing this list: stop it before sending the list to Aircall$/, key: "lists.error.sendDialing" },
  { match: /^"(.*)" has no pending number to send$/, key: "lists.error.nothingToSend", params: name },
  { match: /^The Aircall Power Dialer is not available here$/, key: "lists.error.noApi" },
]

/** The refusal's text in the agent's language (unknown messages unchanged). */
export function listErrorText(t: Translate<MessageKey>, message: string): string {
  for (const rule of LIST_ERROR_RULES) {
    const m = rule.match.exec(message)
    if (m) return t(rule.key, rule.params?.(m))
  }
  return message
}

/** An error caught on a list page, as text for the agent. */
export function errorText(t: Translate<MessageKey>, error: unknown): string {
  return listErrorText(t, error instanceof Error ? error.message : String(error))
}
