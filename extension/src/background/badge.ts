import type { DialerState } from "@dialer/shared"

export type Badge = { text: string; color: string }

export const BADGE_COLORS = {
  live: "#16a34a", // dialing, ringing, in a call
  waiting: "#d97706", // paused, countdown to the next dial, wrap-up
  idle: "#64748b",
  signedOut: "#94a3b8",
} as const

/** Count of pending numbers on the toolbar icon, coloured by what the run is doing. */
export function badgeFor(state: DialerState | null, pending: number, signedIn: boolean): Badge {
  const text = pending > 0 ? (pending > 999 ? "999+" : String(pending)) : ""
  if (!signedIn) return { text, color: BADGE_COLORS.signedOut }
  const countingDown = !!state?.nextDialAt && !state.current && state.status !== "stopped" && state.status !== "completed"
  if (countingDown) return { text: text || "…", color: BADGE_COLORS.waiting }
  switch (state?.status) {
    case "dialing":
    case "ringing":
    case "in_call":
      return { text: text || "•", color: BADGE_COLORS.live }
    case "paused":
    case "wrap_up":
      return { text: text || "❚❚", color: BADGE_COLORS.waiting }
    default:
      return { text, color: BADGE_COLORS.idle }
  }
}

/** Apply a badge (chrome.action), skipping identical updates. */
let shown = ""
export async function showBadge(badge: Badge): Promise<void> {
  const key = `${badge.text}|${badge.color}`
  if (key === shown) return
  shown = key
  await chrome.action.setBadgeBackgroundColor({ color: badge.color })
  await chrome.action.setBadgeText({ text: badge.text })
}
