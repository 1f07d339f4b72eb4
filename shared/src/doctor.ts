/**
 * `pnpm admin doctor`: what the worker reports about its own deployment. Secrets are described by
 * presence and length only, never by value.
 */
import * as z from "zod";

const IsoTime = z.iso.datetime({ offset: true });

export const DoctorSecret = z.object({
  name: z.string(),
  present: z.boolean(),
  length: z.number().int().nonnegative(),
  /** 0 when any length will do (Aircall's own credentials) */
  minLength: z.number().int().nonnegative(),
  /** false: optional (AIRCALL_WEBHOOK_TOKEN, which `pnpm admin connect` stores in the worker instead) */
  required: z.boolean(),
});
export type DoctorSecret = z.infer<typeof DoctorSecret>;

export const DoctorReport = z.object({
  /** the worker's clock when it answered */
  serverTime: IsoTime,
  secrets: z.array(DoctorSecret),
  /** ALLOWED_ORIGINS, split */
  allowedOrigins: z.array(z.string()),
  /** AIRCALL_RATE_LIMIT_PER_MIN */
  rateLimitPerMin: z.number().int(),
  aircall: z.object({
    keyValid: z.boolean(),
    /** why the key check failed, in Aircall's words */
    error: z.string().nullable(),
    /** X-AircallApi-Limit of the check's answer: the company's requests per minute */
    limitPerMin: z.number().int().nullable(),
    /** Aircall's Date header minus the worker's clock, ms (null without a Date header) */
    clockSkewMs: z.number().nullable(),
  }),
  webhook: z.object({
    /** the address Aircall should deliver to: this worker's /webhooks/aircall */
    expectedUrl: z.string(),
    /** the webhook `connect` stored in the worker, if any */
    storedId: z.string().nullable(),
    /** found in Aircall (by the stored id, else by the expected URL) */
    found: z.boolean(),
    id: z.string().nullable(),
    url: z.string().nullable(),
    active: z.boolean().nullable(),
    missingEvents: z.array(z.string()),
    error: z.string().nullable(),
  }),
});
export type DoctorReport = z.infer<typeof DoctorReport>;

export const DoctorAgent = z.object({
  agentId: z.string(),
  name: z.string().nullable(),
  aircallUserId: z.number().int(),
  numberId: z.number().int(),
  /** ok: the user exists in Aircall (V2) and may call from the agent's number */
  user: z.enum(["ok", "missing", "error"]),
  number: z.enum(["ok", "missing", "unknown"]),
  error: z.string().nullable(),
});
export type DoctorAgent = z.infer<typeof DoctorAgent>;
export const DoctorAgentResponse = z.object({ agent: DoctorAgent });
