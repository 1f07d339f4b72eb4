/**
 * Why the worker ended or skipped a call, in the agent's language, by the stable code history
 * entries carry (`reasonCode`). Unknown codes keep the worker's own words (`reason`).
 */
import type { Locale } from "@dialer/shared/i18n"

import { translatorFor, type MessageKey } from "../i18n/catalogue"
import { activeLocale } from "../i18n/locale"

const BY_CODE: Record<string, MessageKey> = {
  skipped_by_agent: "run.reason.skipped_by_agent",
  transferred: "run.reason.transferred",
  max_attempts: "run.reason.max_attempts",
  do_not_call: "compliance.skip.dnc",
  outside_calling_hours: "compliance.skip.hours",
}

export function reasonText(code: string | null | undefined, reason: string | null | undefined, locale: Locale = activeLocale()): string | undefined {
  const key = code ? BY_CODE[code] : undefined
  if (key) return translatorFor(locale)(key)
  return reason ?? undefined
}
