/**
 * What the worker's compliance guard says about queued numbers (POST /api/dialer/check), kept by the
 * background so the popup can mark them before the run: on the do-not-call list, or outside calling
 * hours until `retryAt`. The worker asks again right before each call: these marks only inform.
 */
import type { GuardResult } from "@dialer/shared"
import type { Locale } from "@dialer/shared/i18n"

import { translatorFor } from "../i18n/catalogue"
import { activeLocale } from "../i18n/locale"

export type ComplianceMark = GuardResult & { checkedAt: number }

/** A mark is asked again after this long (the list or the settings may have changed). */
export const MARK_TTL_MS = 5 * 60_000
const BATCH = 1000

export class ComplianceMarks {
  private readonly marks = new Map<string, ComplianceMark>()

  constructor(
    private readonly check: (phones: string[]) => Promise<GuardResult[]>,
    private readonly now: () => number = Date.now,
  ) {}

  private fresh(mark: ComplianceMark | undefined, now: number): boolean {
    if (!mark || now - mark.checkedAt > MARK_TTL_MS) return false
    return !(mark.retryAt && Date.parse(mark.retryAt) <= now) // the window has opened since
  }

  /** Asks the worker about the numbers without a fresh mark (≤ 1,000 a request); the marks of all `phones`. */
  async refresh(phones: string[]): Promise<ComplianceMark[]> {
    const unique = [...new Set(phones)]
    const now = this.now()
    const stale = unique.filter((p) => !this.fresh(this.marks.get(p), now))
    for (let i = 0; i < stale.length; i += BATCH) {
      const results = await this.check(stale.slice(i, i + BATCH))
      for (const r of results) this.marks.set(r.phone, { ...r, checkedAt: now })
    }
    return unique.flatMap((p) => this.marks.get(p) ?? [])
  }
}

/** The popup's words for a mark: "on the do-not-call list", "outside calling hours — dial after 08:00 their time". */
export function markLabel(mark: GuardResult, locale: Locale = activeLocale()): string {
  const t = translatorFor(locale)
  if (mark.ok) return ""
  if (mark.reasonCode === "do_not_call") return t("compliance.mark.dnc")
  const after = /Dial after (\d{2}:\d{2}) their time/.exec(mark.reason ?? "")?.[1]
  if (after) return t("compliance.mark.after", { time: after })
  if (!mark.retryAt) return t("compliance.mark.noZone")
  return t("compliance.mark.hours")
}
