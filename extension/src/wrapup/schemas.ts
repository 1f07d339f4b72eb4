/** zod schemas of the wrap-up requests (background only, see lib/messages.schema.ts). */
import * as z from "zod"

import { MAX_NOTE } from "@dialer/shared"

const ItemId = z.object({ itemId: z.string().min(1).max(128) })

export const WRAP_UP_SCHEMAS = {
  "wrapup.pending": z.object({}).loose(),
  "wrapup.forEntry": z.object({ key: z.string().min(1).max(400) }),
  "wrapup.putOff": z.object({ key: z.string().min(1).max(400) }),
  "dialer.wrapUp": z.object({
    itemId: z.string().min(1).max(128),
    disposition: z.string().regex(/^[a-z0-9_-]{1,32}$/),
    note: z.string().max(MAX_NOTE).optional(),
    callbackAt: z.iso.datetime({ offset: true }).optional(),
  }),
  "wrapup.scheduled": z.object({}).loose(),
  "wrapup.scheduledNow": ItemId,
  "wrapup.scheduledDrop": ItemId,
  "wrapup.choices": z.object({}).loose(),
}
