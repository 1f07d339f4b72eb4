/** Display helpers shared by the popup, options page and in-page bar (no zod, no heavy deps). */
import type { DialerStatus } from "@dialer/shared"
import type { Locale } from "@dialer/shared/i18n"

import { activeLocale } from "../i18n/locale"
import { contentTranslatorFor } from "../i18n/content-catalogue"

/** A run status in the agent's language: "In call" / "Appel en cours". */
export function statusLabel(status: DialerStatus, locale: Locale = activeLocale()): string {
  return contentTranslatorFor(locale)(`run.status.${status}`)
}

/** Colour family of a status: live (green), waiting (amber), idle (grey). */
export type Tone = "live" | "waiting" | "idle"

export function toneOf(status: DialerStatus | undefined, countingDown = false): Tone {
  if (status === "dialing" || status === "ringing" || status === "in_call") return "live"
  if (status === "paused" || status === "wrap_up" || countingDown) return "waiting"
  return "idle"
}

/** 75 → "1:15", 3725 → "1:02:05". */
export function clock(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds))
  const h = Math.floor(s / 3600)
  const m = Math.floor((s % 3600) / 60)
  const ss = String(s % 60).padStart(2, "0")
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${ss}` : `${m}:${ss}`
}

/** 3725 → "1h 2m" / "1 h 2 min", 95 → "1m 35s" / "1 min 35 s", 42 → "42s" / "42 s". */
export function talkTime(totalSeconds: number, locale: Locale = activeLocale()): string {
  const t = contentTranslatorFor(locale)
  const s = Math.max(0, Math.round(totalSeconds))
  if (s < 60) return t("run.duration.s", { s })
  const h = Math.floor(s / 3600)
  const m = Math.floor((s % 3600) / 60)
  return h > 0 ? t("run.duration.hm", { h, m }) : t("run.duration.ms", { m, s: s % 60 })
}

/** Seconds between an ISO time and now (negative in the future); null when absent. */
export function secondsSince(iso: string | undefined | null, now: number): number | null {
  if (!iso) return null
  const at = Date.parse(iso)
  return Number.isNaN(at) ? null : (now - at) / 1000
}

/**
 * "+15551234567" → "+1 555 123 4567". Other countries stay E.164 here: grouping them needs
 * metadata (libphonenumber), which pages use through ui/phone.ts but the in-page bar cannot afford.
 */
export function prettyPhone(e164: string): string {
  const us = /^\+1(\d{3})(\d{3})(\d{4})$/.exec(e164)
  return us ? `+1 ${us[1]} ${us[2]} ${us[3]}` : e164
}
