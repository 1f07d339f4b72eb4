/**
 * What the in-page bar shows, worked out from the background's view (pure, so it is tested
 * without a page): one line of status, the call or countdown, one notice at most (a failed
 * command, then the connection, then why the run is paused), the next contact and whether the
 * buttons can act.
 */
import type { Locale } from "@dialer/shared/i18n"

import { contentTranslatorFor } from "../i18n/content-catalogue"
import { activeLocale } from "../i18n/locale"
import type { DialerView } from "../lib/messages"
import { clockNow, connectionMessage, explainError, heldWhileOffline, isFrozen, timeOfDay, type UserMessage } from "../lib/user-messages"
import { pausedText } from "../ui/pause-words"
import { clock, prettyPhone, secondsSince, statusLabel, toneOf, type Tone } from "../ui/format"
import { isCountingDown } from "../ui/run-status"

export type BarModel = {
  tone: Tone | "offline"
  label: string
  call: { name: string; phone: string; timer: string } | null
  countdown: string | null
  notice: UserMessage | null
  next: string | null
  paused: boolean
  /** Why the buttons cannot act now; null when they can. */
  held: string | null
  frozen: boolean
}

export function barModel(view: DialerView, wallNow: number, commandError: string | null = null, locale: Locale = activeLocale()): BarModel {
  const t = contentTranslatorFor(locale)
  const state = view.state!
  const connection = view.connection
  const frozen = isFrozen(connection)
  const now = clockNow(connection, wallNow)
  const countingDown = isCountingDown(state)
  const current = state.current
  const since = current ? secondsSince(current.answeredAt ?? current.startedAt, now) : null
  const untilNext = countingDown ? Math.max(0, Math.ceil(-(secondsSince(state.nextDialAt, now) ?? 0))) : null
  const paused = state.status === "paused"
  const reason = paused && state.pausedReason ? { id: "paused", what: pausedText(state.pausedReason, locale) } : null
  const notice = (commandError ? explainError(commandError, locale) : null) ?? connectionMessage(connection, locale) ?? reason
  return {
    tone: frozen ? "offline" : toneOf(state.status, countingDown),
    label: frozen
      ? t(connection?.status === "offline" ? "run.offline" : "run.connecting")
      : countingDown
        ? t("run.nextCall")
        : statusLabel(state.status, locale),
    call: current
      ? {
          name: view.current?.name ?? current.name ?? t("run.unknownContact"),
          phone: prettyPhone(current.phone),
          timer: since === null ? "" : clock(since) + (frozen && connection ? t("bar.asOf", { time: timeOfDay(connection.since, locale) }) : ""),
        }
      : null,
    countdown: untilNext === null ? null : frozen ? t("bar.pausedOffline") : t("bar.countdown", { count: untilNext }),
    notice,
    next: view.next ? view.next.name ?? prettyPhone(view.next.phone) : null,
    paused,
    held: frozen ? heldWhileOffline(locale) : null,
    frozen,
  }
}
