import { useEffect, useState } from "react"

import type { ControlAction } from "./requests"

/** The manifest's suggested keys: what the popup shows until Chrome says what the agent set. */
export const DEFAULT_SHORTCUTS: Shortcuts = { "toggle-pause": "Alt+Shift+P", skip: "Alt+Shift+S" }
export type Shortcuts = Record<"toggle-pause" | "skip", string>

/** The key (as Chrome shows it) that does a popup button's action, if any. */
export function shortcutFor(action: ControlAction, keys: Shortcuts): string | undefined {
  if (action === "pause" || action === "resume") return keys["toggle-pause"] || undefined
  if (action === "skip") return keys.skip || undefined
  return undefined
}

/** The keyboard shortcuts as set in chrome://extensions/shortcuts (an empty one is unset). */
export function useShortcuts(): Shortcuts {
  const [keys, setKeys] = useState<Shortcuts>(DEFAULT_SHORTCUTS)
  useEffect(() => {
    if (typeof chrome === "undefined" || !chrome.commands?.getAll) return
    void chrome.commands.getAll().then((commands) => {
      const next = { ...DEFAULT_SHORTCUTS }
      for (const c of commands) if (c.name === "toggle-pause" || c.name === "skip") next[c.name] = c.shortcut ?? ""
      setKeys(next)
    })
  }, [])
  return keys
}
