import { MAX_DELAY_SECONDS } from "@dialer/shared"
import type { Translate } from "@dialer/shared/i18n"

import { translatorFor, type MessageKey } from "../i18n"

/**
 * The delay field's text read as seconds between calls: a whole number from 0 to the maximum.
 * Anything else is refused with a reason, never quietly changed ("-3" is not 3, 100000 is not 50).
 */
export function parseDelay(text: string, t: Translate<MessageKey> = translatorFor("en")): { seconds: number } | { error: string } {
  const max = String(MAX_DELAY_SECONDS) // "3600", as the field is typed (not "3,600")
  const trimmed = text.trim()
  if (trimmed === "") return { error: t("options.delay.empty", { max }) }
  if (!/^\d+$/.test(trimmed)) return { error: t("options.delay.notWhole", { max }) }
  const seconds = Number(trimmed)
  if (seconds > MAX_DELAY_SECONDS) return { error: t("options.delay.tooLong", { max }) }
  return { seconds }
}
