import type { Translate } from "@dialer/shared/i18n"

import type { MessageKey } from "../i18n"

/** Talk time in the agent's language: 42 → "42s" / "42 s", 95 → "1m 35s" / "1 min 35 s", 3725 → "1h 2m" / "1 h 2 min". */
export function duration(t: Translate<MessageKey>, totalSeconds: number): string {
  const s = Math.max(0, Math.round(totalSeconds))
  if (s < 60) return t("history.duration.s", { s })
  const h = Math.floor(s / 3600)
  const m = Math.floor((s % 3600) / 60)
  return h > 0 ? t("history.duration.hm", { h, m }) : t("history.duration.ms", { m, s: s % 60 })
}
