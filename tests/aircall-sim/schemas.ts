/** zod schemas for what library users and the control API hand to the simulator. */
import * as z from "zod";
import { AVAILABILITIES } from "./types";

const Ms = z.number().int().nonnegative();

export const ScriptEntrySchema = z.object({
  outcome: z.enum(["answered", "no_answer", "busy", "voicemail"]),
  ringMs: Ms.optional(),
  talkMs: Ms.optional(),
  endedDelayMs: Ms.optional(),
  createdDelayMs: Ms.optional(),
});

export const ScriptSchema = z.record(z.string(), z.union([ScriptEntrySchema, z.array(ScriptEntrySchema)]));

const Calls = z.number().int().positive().optional();

export const StartCallFaultSchema = z
  .object({
    status: z.number().int().min(200).max(599).optional(),
    delayMs: Ms.optional(),
    placeCall: z.boolean().optional(),
    timeout: z.boolean().optional(),
  })
  .strict()
  .refine((f) => f.status !== undefined || f.delayMs !== undefined || f.placeCall !== undefined || f.timeout !== undefined, {
    message: "a start-call fault needs status, delayMs, placeCall or timeout",
  });

export const WebhookFaultSchema = z.discriminatedUnion("webhook", [
  z.object({ webhook: z.literal("drop"), event: z.string().min(1), calls: Calls }).strict(),
  z.object({ webhook: z.literal("duplicate"), calls: Calls }).strict(),
  z.object({ webhook: z.literal("ended_before_hungup"), calls: Calls }).strict(),
  z.object({ webhook: z.literal("never_end"), mode: z.enum(["silent", "stuck"]).optional(), calls: Calls }).strict(),
  z.object({ webhook: z.literal("no_created"), calls: Calls }).strict(),
  z.object({ webhook: z.literal("reorder"), calls: Calls }).strict(),
  z.object({ webhook: z.literal("delay"), maxMs: Ms.optional(), calls: Calls }).strict(),
  z.object({ webhook: z.literal("transfer"), afterMs: Ms.optional(), calls: Calls }).strict(),
  z.object({ webhook: z.literal("unknown_values"), calls: Calls }).strict(),
]);

const Rate = z.number().min(0).max(1).optional();
export const FaultRatesSchema = z
  .object({
    start5xxPlaced: Rate,
    start5xxNotPlaced: Rate,
    startTimeoutPlaced: Rate,
    startTimeoutNotPlaced: Rate,
    webhookDrop: Rate,
    webhookDuplicate: Rate,
    webhookDelay: Rate,
    webhookReorder: Rate,
    transfer: Rate,
    unknownValues: Rate,
  })
  .strict()
  .refine(
    (r) => (r.start5xxPlaced ?? 0) + (r.start5xxNotPlaced ?? 0) + (r.startTimeoutPlaced ?? 0) + (r.startTimeoutNotPlaced ?? 0) <= 1,
    { message: "the start-call rates must add up to at most 1" },
  );

export const FaultSchema = z.union([WebhookFaultSchema, StartCallFaultSchema]);
export const FaultsBodySchema = z.union([FaultSchema, z.array(FaultSchema)]);

export const TimingsSchema = z
  .object({
    createdDelayMs: Ms,
    ringMs: Ms,
    talkMs: Ms,
    endedDelayMs: Ms,
    wrapUpMs: Ms.nullable(),
    reorderGapMs: Ms,
    webhookTimeoutMs: Ms,
    webhookRetries: z.number().int().min(0).max(20),
    webhookRetryBaseMs: Ms,
    ratePerMinute: z.number().int().positive(),
    resetUnit: z.enum(["seconds", "ms"]),
    userEventSpelling: z.enum(["v1", "v2", "both"]),
    webhookUrl: z.url().nullable(),
    webhookToken: z.string(),
    listDelayMs: Ms,
    listJitterMs: Ms,
    getCallDelayMs: Ms,
    startTimeoutMs: Ms,
    webhookDelayMaxMs: Ms,
    externalLoadPerMin: z.number().int().nonnegative(),
    seed: z.number().int(),
    faultRates: FaultRatesSchema,
    beforeResetGraceMs: Ms,
  })
  .partial()
  .strict();

export const AvailabilityBodySchema = z.object({ availability: z.enum(AVAILABILITIES as [string, ...string[]]) });

/** "path.to.field: message; …" for a 400 answer. */
export function zodMessage(err: z.ZodError): string {
  return err.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; ");
}

export const WorkspaceBodySchema = z.object({ connected: z.boolean() }).strict();
export const OutageBodySchema = z.object({ ms: Ms }).strict();
