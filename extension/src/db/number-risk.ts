/**
 * Number types that cost the company (or the callee) more than a normal call: never dialed until
 * the agent confirms each one in the popup. Classifying needs libphonenumber's "max" metadata
 * (about 150 kB): only the background and extension pages import this file, never content scripts.
 */
import { parsePhoneNumberFromString } from "libphonenumber-js/max"

export const NUMBER_RISKS = ["premium_rate", "shared_cost"] as const
export type NumberRisk = (typeof NUMBER_RISKS)[number]

const BY_TYPE: Record<string, NumberRisk> = { PREMIUM_RATE: "premium_rate", SHARED_COST: "shared_cost" }

/** The costly type of an E.164 number, or null for ordinary (or unknown) numbers. */
export function numberRisk(e164: string): NumberRisk | null {
  const type = parsePhoneNumberFromString(e164)?.getType()
  return (type && BY_TYPE[type]) ?? null
}
