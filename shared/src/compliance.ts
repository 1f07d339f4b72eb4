/** Compliance (DESIGN "Do-not-call list", "Calling hours"): the company's list, calling hours, the agent's pre-check. */
import * as z from "zod";
import { E164 } from "./phone";

const IsoTime = z.iso.datetime({ offset: true });

// ---------- calling hours ----------
/** "HH:MM", 00:00–23:59; "24:00" is allowed as an end (midnight). */
export const HHMM = z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, "must be a time of day HH:MM (00:00–24:00)");
const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** The callee's local window: `start` ≤ time < `end`, on `days` (1 = Monday … 7 = Sunday) of the callee's week. */
export const CallingHours = z
  .object({
    start: HHMM,
    end: HHMM,
    days: z.array(z.number().int().min(1).max(7)).min(1, "days: at least one day (1 = Monday … 7 = Sunday)").max(7),
  })
  .strict()
  .refine((h) => h.start !== "24:00" && minutes(h.start) < minutes(h.end), { message: "callingHours: start must be before end (same day)" })
  .refine((h) => new Set(h.days).size === h.days.length, { message: "callingHours.days: each day once" });
export type CallingHours = z.infer<typeof CallingHours>;
export const DEFAULT_CALLING_HOURS: CallingHours = { start: "08:00", end: "21:00", days: [1, 2, 3, 4, 5, 6, 7] };

// ---------- do-not-call list ----------
export const MAX_DNC_ADD = 10_000;
export const DncReason = z.string().trim().max(200, "reason: at most 200 characters");

export const DncEntry = z.object({ phone: E164, reason: z.string().nullable(), addedAt: IsoTime, addedBy: z.string() });
export type DncEntry = z.infer<typeof DncEntry>;

/** GET /api/admin/dnc?cursor=&q=&limit=: `q` filters by digits the number contains; `cursor` is the last number of the previous page. */
export const DncListQuery = z.object({
  cursor: E164.optional(),
  q: z.string().trim().max(20).regex(/^\+?\d*$/, "q: digits to search for").optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});
export type DncListQuery = z.infer<typeof DncListQuery>;
export const DncListResponse = z.object({ items: z.array(DncEntry), nextCursor: z.string().nullable() });
export type DncListResponse = z.infer<typeof DncListResponse>;

export const DncAddBody = z
  .object({
    phones: z.array(E164).min(1, "phones: at least one number").max(MAX_DNC_ADD, `phones: at most ${MAX_DNC_ADD} numbers per request`),
    reason: DncReason.optional(),
  })
  .strict();
export type DncAddBody = z.infer<typeof DncAddBody>;
export const DncAddResponse = z.object({ added: z.number().int().nonnegative(), alreadyListed: z.number().int().nonnegative() });
export type DncAddResponse = z.infer<typeof DncAddResponse>;
export const DncPhoneParam = z.object({ phone: E164 });

// ---------- the agent's pre-check of queued numbers ----------
export const MAX_CHECK_PHONES = 1000;
export const GuardReasonCode = z.enum(["do_not_call", "outside_calling_hours"]);
export type GuardReasonCode = z.infer<typeof GuardReasonCode>;

/** POST /api/dialer/check { phones } */
export const DialerCheckBody = z
  .object({ phones: z.array(E164).min(1, "phones: at least one number").max(MAX_CHECK_PHONES, `phones: at most ${MAX_CHECK_PHONES} numbers per request`) })
  .strict();
export type DialerCheckBody = z.infer<typeof DialerCheckBody>;
export const GuardResult = z.object({
  phone: E164,
  ok: z.boolean(),
  reasonCode: GuardReasonCode.optional(),
  reason: z.string().optional(),
  /** when the number may be dialed (the calling window opens in all its zones) */
  retryAt: IsoTime.optional(),
});
export type GuardResult = z.infer<typeof GuardResult>;
export const DialerCheckResponse = z.object({ results: z.array(GuardResult) });
export type DialerCheckResponse = z.infer<typeof DialerCheckResponse>;
