/** Why the worker skipped a number, under its outcome in the history page (the full reason on hover). */
import type { Locale } from "@dialer/shared/i18n"

import { activeLocale, translatorFor, useLocale } from "../i18n"
import "./compliance.css"

/** "on the do-not-call list", "outside calling hours — dial after 08:00 their time", or the reason itself. */
export function skipLabel(reason: string, locale: Locale = activeLocale()): string {
  const t = translatorFor(locale)
  if (/do-not-call list/.test(reason)) return t("compliance.skip.dnc")
  const after = /Dial after (\d{2}:\d{2}) their time/.exec(reason)?.[1]
  if (/^Outside calling hours/.test(reason)) return after ? t("compliance.skip.after", { time: after }) : t("compliance.skip.hours")
  if (/calling hours cannot be checked/.test(reason)) return t("compliance.skip.noZone")
  return reason.length > 80 ? `${reason.slice(0, 79)}…` : reason
}

export function SkippedReason({ outcome, reason }: { outcome: string; reason: string | null | undefined }) {
  const locale = useLocale()
  if (outcome !== "skipped" || !reason) return null
  return (
    <div className="skip-reason" title={reason} data-testid="skip-reason">
      {skipLabel(reason, locale)}
    </div>
  )
}
