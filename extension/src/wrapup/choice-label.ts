/**
 * A disposition's name in the agent's language. The company's own dispositions are shown as the
 * admin wrote them; the built-in ones (shared DEFAULT_DISPOSITIONS, kept with their English label)
 * are translated. No zod here: the in-page panel bundles it.
 */
import type { Translate } from "@dialer/shared/i18n"

import type { ContentKey } from "../i18n/content-catalogue"

/** The built-in dispositions' English labels, by id (the same as shared/src/wrapup.ts). */
export const BUILT_IN_LABELS: Record<string, string> = {
  connected: "Connected",
  voicemail: "Left voicemail",
  no_answer: "No answer",
  bad_number: "Bad number",
  do_not_call: "Do not call",
  callback: "Call back",
}

export function choiceLabel(choice: { id: string; label: string }, t: Translate<ContentKey>): string {
  return BUILT_IN_LABELS[choice.id] === choice.label ? t(`wrapup.disposition.${choice.id}` as ContentKey) : choice.label
}
