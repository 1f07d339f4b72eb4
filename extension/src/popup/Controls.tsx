import type { DialerState, DialerStatus } from "@dialer/shared"

import { db } from "../db/db"
import { writeError } from "../db/runtime"
import { heldWhileOffline } from "../lib/user-messages"
import { useT, type MessageKey } from "../i18n"
import { useEffect, useState } from "react"

import { canSkip, skipDuringCall } from "../ui/run-status"
import { type ControlAction, useDialerControl } from "./requests"
import { callGoesOn, stopCallNote } from "./run-words"
import { shortcutFor, useShortcuts } from "./use-shortcuts"

const LIVE: DialerStatus[] = ["dialing", "ringing", "in_call", "wrap_up"]

/** Which buttons make sense in a status. */
export function enabledActions(state: DialerState, pending: number): Set<ControlAction> {
  const skip: ControlAction[] = canSkip(state) ? ["skip"] : []
  if (state.status === "paused") return new Set<ControlAction>(["resume", "stop", ...skip])
  if (LIVE.includes(state.status)) return new Set<ControlAction>(["pause", "stop", ...skip])
  return new Set(pending > 0 ? ["start"] : [])
}

const BUTTONS: { action: ControlAction; label: MessageKey; kind: string }[] = [
  { action: "start", label: "popup.control.start", kind: "primary" },
  { action: "pause", label: "popup.control.pause", kind: "" },
  { action: "resume", label: "popup.control.resume", kind: "primary" },
  { action: "skip", label: "popup.control.skip", kind: "" },
  { action: "stop", label: "popup.control.stop", kind: "danger" },
]

/**
 * Start, Pause/Resume, Skip, Stop. Offline they are held (disabled, with the reason): the worker
 * cannot hear them. A failure shows once, in the popup's error banner; a success clears it.
 */
export function Controls({ state, pending, offline = false }: { state: DialerState; pending: number; offline?: boolean }) {
  const { t, locale } = useT()
  const control = useDialerControl(() => void writeError(db, null))
  const keys = useShortcuts()
  const status = state.status
  const enabled = enabledActions(state, pending)
  const paused = status === "paused"
  const running = paused || LIVE.includes(status)
  // Stop during a call asks once more and says what happens to the call (Aircall keeps it).
  const [confirmStop, setConfirmStop] = useState(false)
  const onCall = !!state.current && running
  useEffect(() => {
    if (!onCall) setConfirmStop(false)
  }, [onCall])
  const press = (action: ControlAction) => {
    if (action === "stop" && onCall && !confirmStop) return setConfirmStop(true)
    setConfirmStop(false)
    control.mutate(action)
  }
  // Idle: Start alone. During a run: Pause (or Resume), Skip, Stop.
  const shown = BUTTONS.filter((b) =>
    running ? b.action !== "start" && b.action !== (paused ? "pause" : "resume") : b.action === "start",
  )
  if (confirmStop) {
    const who = state.current?.name ?? null
    return (
      <div className="stop-confirm" role="alertdialog" aria-labelledby="stop-confirm-text" data-testid="stop-confirm">
        <p id="stop-confirm-text">
          {t("popup.stopQuestion")} {callGoesOn(who, locale)} {stopCallNote(locale)}
        </p>
        <div className="controls">
          <button className="danger" data-testid="stop-confirm-yes" disabled={control.isPending || offline} onClick={() => press("stop")} autoFocus>
            {t("popup.stopYes")}
          </button>
          <button data-testid="stop-confirm-no" onClick={() => setConfirmStop(false)}>
            {t("popup.stopNo")}
          </button>
        </div>
      </div>
    )
  }
  return (
    <div className="controls">
      {shown.map((b) => (
        <button
          key={b.action}
          className={b.kind}
          data-testid={`control-${b.action}`}
          disabled={!enabled.has(b.action) || control.isPending || offline}
          title={
            offline
              ? heldWhileOffline(locale)
              : b.action === "skip" && state.current
                ? skipDuringCall(locale)
                : shortcutFor(b.action, keys) && t("popup.control.withKey", { label: t(b.label), key: shortcutFor(b.action, keys) ?? "" })
          }
          aria-keyshortcuts={shortcutFor(b.action, keys)}
          onClick={() => press(b.action)}>
          {t(b.label)}
        </button>
      ))}
    </div>
  )
}
