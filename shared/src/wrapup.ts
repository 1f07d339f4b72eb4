/**
 * After each call: dispositions (the admin's list), the agent's wrap-up, retries and callbacks.
 * A disposition maps to an Aircall tag written on the call; its kind says what it means for figures
 * and what happens next (do_not_call lists the number, callback and retry bring it back).
 */
import * as z from "zod";
import { DEFAULT_DISPOSITION_LABELS } from "./disposition-labels";
import { QueueItem } from "./api";

const IsoTime = z.iso.datetime({ offset: true });

export const DISPOSITION_KINDS = ["connected", "voicemail", "no_answer", "bad_number", "do_not_call", "callback"] as const;
export const DispositionKind = z.enum(DISPOSITION_KINDS);
export type DispositionKind = z.infer<typeof DispositionKind>;

export const Disposition = z.object({
  id: z.string().regex(/^[a-z0-9_-]{1,32}$/, "lowercase letters, digits, - and _ (1–32)"),
  label: z.string().trim().min(1).max(40),
  kind: DispositionKind,
  /** the Aircall tag written on the call (default: the label) */
  tag: z.string().trim().min(1).max(40).optional(),
  /** dial the number again this long later, at most this many attempts in all */
  retry: z.object({ afterMinutes: z.number().int().min(1).max(60 * 24 * 30), maxAttempts: z.number().int().min(1).max(20) }).optional(),
});
export type Disposition = z.infer<typeof Disposition>;

export const Dispositions = z
  .array(Disposition)
  .min(1)
  .max(30)
  .refine((d) => new Set(d.map((x) => x.id)).size === d.length, { message: "disposition ids must be unique" });

export const DispositionsBody = z.object({ dispositions: Dispositions });
export const DispositionsResponse = z.object({ dispositions: z.array(Disposition) });

/** Without configuration: one of every kind. */
const LABEL = DEFAULT_DISPOSITION_LABELS.en;
export const DEFAULT_DISPOSITIONS: Disposition[] = [
  { id: "connected", label: LABEL.connected, kind: "connected" },
  { id: "voicemail", label: LABEL.voicemail, kind: "voicemail", retry: { afterMinutes: 24 * 60, maxAttempts: 3 } },
  { id: "no_answer", label: LABEL.no_answer, kind: "no_answer", retry: { afterMinutes: 120, maxAttempts: 3 } },
  { id: "bad_number", label: LABEL.bad_number, kind: "bad_number" },
  { id: "do_not_call", label: LABEL.do_not_call, kind: "do_not_call" },
  { id: "callback", label: LABEL.callback, kind: "callback" },
];

export const MAX_NOTE = 2000;

export const WrapUpBody = z.object({
  itemId: z.string().min(1).max(128),
  disposition: z.string().min(1).max(32),
  note: z.string().max(MAX_NOTE).optional(),
  callbackAt: IsoTime.optional(),
});
export type WrapUpBody = z.infer<typeof WrapUpBody>;

/** A number the agent's Durable Object brings back into the queue at `dueAt` (a retry or a callback). */
export const ScheduledItem = z.object({
  item: QueueItem,
  dueAt: IsoTime,
  why: z.enum(["retry", "callback"]),
  /** dials of this number so far */
  attempts: z.number().int().nonnegative(),
  /** true once due: waiting in the run's queue (or for the next run) */
  due: z.boolean(),
});
export type ScheduledItem = z.infer<typeof ScheduledItem>;
export const ScheduledResponse = z.object({ items: z.array(ScheduledItem) });
