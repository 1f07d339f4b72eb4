import * as z from "zod";
import { E164 } from "./phone";

export const DIALER_STATUSES = [
  "idle",
  "dialing",
  "ringing",
  "in_call",
  "wrap_up",
  "paused",
  "completed",
  "stopped",
] as const;
export const DialerStatus = z.enum(DIALER_STATUSES);
export type DialerStatus = z.infer<typeof DialerStatus>;

const IsoTime = z.iso.datetime({ offset: true });

export const CurrentCall = z.object({
  itemId: z.string(),
  phone: E164,
  name: z.string().optional(),
  callId: z.string().optional(),
  startedAt: IsoTime.optional(),
  answeredAt: IsoTime.optional(),
  /** the start-call waits for a slot in the company's Aircall request budget (not sent yet) */
  waitingForSlot: z.boolean().optional(),
});
export type CurrentCall = z.infer<typeof CurrentCall>;

/** What the agent's Durable Object tells the extension about its run. */
export const DialerState = z.object({
  status: DialerStatus,
  current: CurrentCall.optional(),
  remaining: z.number().int().nonnegative(),
  nextDialAt: IsoTime.optional(),
  pausedReason: z.string().optional(),
  delaySeconds: z.number().int().nonnegative(),
  /** The status the run paused from, so the UI can say "paused (countdown)" etc. */
  pausedFrom: DialerStatus.optional(),
  /** Counts for this run. */
  done: z.number().int().nonnegative().optional(),
  /** Aircall availability last reported for this agent (webhooks or REST). */
  availability: z.string().optional(),
  updatedAt: IsoTime.optional(),
  /**
   * Bumped each time the worker itself puts a number back into the queue (e.g. after a 405). A queue
   * edit says which revision it was made from (`PUT /api/queue { baseRev }`), so an edit made from an
   * older view never drops a number the worker put back.
   */
  queueRev: z.number().int().nonnegative().optional(),
  /** the run was started with requireWrapUp and waits for the wrap-up of this call */
  awaitingWrapUp: z.object({ itemId: z.string(), callId: z.string().nullable() }).optional(),
  /** numbers the run will bring back later (retries, callbacks): how many, and the next time */
  scheduled: z.number().int().nonnegative().optional(),
  nextScheduledAt: IsoTime.optional(),
});
export type DialerState = z.infer<typeof DialerState>;
