import type { DialerDB } from "../db/db"
import { readDialerState } from "../db/runtime"
import type { DialerCommand } from "../lib/messages"

/** Keyboard shortcut names, as declared under `commands` in the manifest. */
export const SHORTCUTS = { togglePause: "toggle-pause", skip: "skip" } as const

/** Which dialer command a shortcut means right now, or null when it does nothing in this state. */
export async function commandForShortcut(db: DialerDB, shortcut: string): Promise<DialerCommand | null> {
  const state = await readDialerState(db)
  if (!state) return null
  if (shortcut === SHORTCUTS.skip) return ["dialing", "ringing", "in_call", "wrap_up", "paused"].includes(state.status) ? "skip" : null
  if (shortcut !== SHORTCUTS.togglePause) return null
  if (state.status === "paused") return "resume"
  return ["dialing", "ringing", "in_call", "wrap_up"].includes(state.status) ? "pause" : null
}
