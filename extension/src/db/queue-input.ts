/**
 * The items of a `queue.add` ("Add all" sends up to 10,000), checked field by field in one loop.
 * In the extension's service worker zod cannot compile its object parsers (the page's CSP forbids
 * `new Function`), and `z.array(CapturedNumberSchema)` took ~200 ms for 10,000 items there. This
 * applies the same rules as CapturedNumberSchema (messages.schema.ts) and answers null on the first
 * item that breaks one; the caller then runs the zod schema for its error message. The phone rule is
 * the shared E164 schema itself (a string check stays cheap). queue-input.test.ts compares both.
 */
import { E164 } from "@dialer/shared"

import type { CapturedNumber } from "../lib/messages"
import { httpUrl } from "../lib/safe-url"

const clip = (text: string) => text.trim().slice(0, 200)

function optionalString(value: unknown): value is string | undefined {
  return value === undefined || typeof value === "string"
}

/** The items as CapturedNumberSchema would output them, or null when any item is invalid. */
export function capturedNumbersOrNull(items: readonly unknown[]): CapturedNumber[] | null {
  const out: CapturedNumber[] = new Array(items.length)
  for (let i = 0; i < items.length; i++) {
    const item = items[i]
    if (typeof item !== "object" || item === null || Array.isArray(item)) return null
    const { phone, name, company, sourceUrl, crm } = item as Record<string, unknown>
    if (typeof phone !== "string" || !E164.safeParse(phone).success) return null
    if (!optionalString(name) || !optionalString(company) || !optionalString(sourceUrl) || !optionalString(crm)) return null
    if (sourceUrl !== undefined && (sourceUrl.length > 2048 || httpUrl(sourceUrl) === undefined)) return null
    if (crm !== undefined && crm.length > 40) return null
    const captured: CapturedNumber = { phone }
    if (name !== undefined) captured.name = clip(name)
    if (company !== undefined) captured.company = clip(company)
    if (sourceUrl !== undefined) captured.sourceUrl = sourceUrl
    if (crm !== undefined) captured.crm = crm
    out[i] = captured
  }
  return out
}
