import { MAX_DELAY_SECONDS } from "@dialer/shared"

/**
 * The delay field's text read as seconds between calls: a whole number from 0 to the maximum.
 * Anything else is refused with a reason, never quietly changed ("-3" is not 3, 100000 is not 50).
 */
export function parseDelay(text: string): { seconds: number } | { error: string } {
  const t = text.trim()
  if (t === "") return { error: `Enter the seconds to wait between calls (0–${MAX_DELAY_SECONDS}).` }
  if (!/^\d+$/.test(t)) return { error: `Use a whole number of seconds from 0 to ${MAX_DELAY_SECONDS}.` }
  const seconds = Number(t)
  if (seconds > MAX_DELAY_SECONDS) return { error: `At most ${MAX_DELAY_SECONDS} seconds.` }
  return { seconds }
}
