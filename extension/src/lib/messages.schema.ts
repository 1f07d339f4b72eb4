/** zod schemas for every request the background accepts (background only: never in content scripts). */
import * as z from "zod"

import { E164, MAX_QUEUE_ITEMS } from "@dialer/shared"

import { WRAP_UP_SCHEMAS } from "../wrapup/schemas"
import { capturedNumbersOrNull } from "../db/queue-input"
import type { CapturedNumber, RequestType } from "./messages"
import { httpUrl } from "./safe-url"
import { workerUrlProblem } from "./worker-url"

const Empty = z.object({}).loose()
const clip = (text: string) => text.trim().slice(0, 200)
const IsoTime = z.iso.datetime({ offset: true })

export const CapturedNumberSchema = z.object({
  phone: E164,
  name: z.string().transform(clip).optional(),
  company: z.string().transform(clip).optional(),
  sourceUrl: z.string().max(2048).refine((url) => httpUrl(url) !== undefined, "sourceUrl must be an http(s) address").optional(),
  crm: z.string().max(40).optional(),
})

const CapturedNumbers = z.array(CapturedNumberSchema).min(1).max(MAX_QUEUE_ITEMS)

/**
 * Items of queue.add: one fast loop (queue-input.ts; zod walks 10,000 items far slower, even as
 * `unknown`), and the schema above only for the message when something is wrong.
 */
function capturedNumbers(items: unknown[], ctx: z.RefinementCtx): CapturedNumber[] {
  const fast = items.length >= 1 && items.length <= MAX_QUEUE_ITEMS ? capturedNumbersOrNull(items) : null
  if (fast) return fast
  const parsed = CapturedNumbers.safeParse(items)
  if (parsed.success) return parsed.data
  for (const issue of parsed.error.issues) ctx.addIssue({ code: "custom", message: issue.message, path: issue.path })
  return z.NEVER
}

function refuseBadWorkerUrl(url: string, ctx: z.RefinementCtx): void {
  const problem = workerUrlProblem(url)
  if (problem) ctx.addIssue({ code: "custom", message: problem })
}

export const REQUEST_SCHEMAS = {
  "queue.add": z.object({ items: z.custom<unknown[]>((items) => Array.isArray(items), "items must be a list").transform(capturedNumbers) }),
  "queue.phones": Empty,
  "queue.edited": Empty,
  "dialer.command": z.object({ command: z.enum(["pause", "resume", "skip", "stop"]) }),
  "dialer.start": z.object({ requireWrapUp: z.boolean().optional() }).loose(),
  "dialer.snapshot": Empty,
  "sync.now": Empty,
  "stats.get": z.object({ from: IsoTime, to: IsoTime.optional() }),
  "auth.enroll": z.object({ workerUrl: z.string().superRefine(refuseBadWorkerUrl), code: z.string().trim().min(6).max(64) }),
  "auth.signOut": Empty,
  "campaign.send": z.object({ listId: z.string().min(1).max(64) }),
  "campaign.get": Empty,
  "campaign.clear": Empty,
  ...WRAP_UP_SCHEMAS,
  "compliance.marks": Empty,
} satisfies Record<RequestType, z.ZodType>

export const RequestEnvelope = z.object({ type: z.enum(Object.keys(REQUEST_SCHEMAS) as [RequestType, ...RequestType[]]) }).loose()
