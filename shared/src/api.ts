import * as z from "zod";
import { E164 } from "./phone";

const IsoTime = z.iso.datetime({ offset: true });
const PositiveId = z.number().int().positive();

// ---------- queue items ----------
export const QueueItem = z.object({
  id: z.string().min(1).max(128),
  phone: E164,
  name: z.string().max(200).optional(),
  /** The record's page in the CRM: http(s) only (never javascript:, data:, file:...). */
  sourceUrl: z.url({ protocol: /^https?$/, error: "sourceUrl: must be an http(s) URL" }).max(2048).optional(),
});
export type QueueItem = z.infer<typeof QueueItem>;

export const MAX_QUEUE_ITEMS = 10_000;
export const MAX_DELAY_SECONDS = 3600;

const QueueItems = z
  .array(QueueItem)
  .max(MAX_QUEUE_ITEMS)
  .refine((items) => new Set(items.map((i) => i.id)).size === items.length, {
    message: "item ids must be unique",
  });

export const DialerStartBody = z.object({
  items: QueueItems.refine((items) => items.length > 0, { message: "the queue is empty" }),
  delaySeconds: z.number().int().min(0).max(MAX_DELAY_SECONDS).optional(),
  /** after a connected call, wait in wrap_up (no countdown) until the agent submits the wrap-up */
  requireWrapUp: z.boolean().optional(),
});
export type DialerStartBody = z.infer<typeof DialerStartBody>;

export const QueuePutBody = z.object({
  items: QueueItems,
  /** the `queueRev` of the state the edit was made from (see DialerState.queueRev) */
  baseRev: z.number().int().nonnegative().optional(),
});
export type QueuePutBody = z.infer<typeof QueuePutBody>;

export const QueueResponse = z.object({ items: z.array(QueueItem) });
export type QueueResponse = z.infer<typeof QueueResponse>;


// ---------- admin ----------
export const Role = z.enum(["agent", "admin"]);
export type Role = z.infer<typeof Role>;

export const CreateAgentBody = z.object({
  aircallUserId: PositiveId,
  numberId: PositiveId,
  name: z.string().min(1).max(200).optional(),
  role: Role.optional(),
});
export type CreateAgentBody = z.infer<typeof CreateAgentBody>;

export const CreateAgentResponse = z.object({
  agentId: z.string(),
  enrollmentCode: z.string(),
  expiresAt: IsoTime,
});
export type CreateAgentResponse = z.infer<typeof CreateAgentResponse>;

export const Agent = z.object({
  agentId: z.string(),
  aircallUserId: z.number().int(),
  numberId: z.number().int(),
  name: z.string().nullable(),
  role: Role,
  createdAt: IsoTime,
  enrolledAt: IsoTime.nullable(),
});
export type Agent = z.infer<typeof Agent>;

export const AgentsResponse = z.object({ agents: z.array(Agent) });

// ---------- auth ----------
export const EnrollBody = z.object({ code: z.string().min(6).max(64) });
export const EnrollResponse = z.object({
  accessToken: z.string(),
  refreshToken: z.string(),
  agent: Agent,
});
export type EnrollResponse = z.infer<typeof EnrollResponse>;

export const RefreshBody = z.object({ refreshToken: z.string().min(10).max(256) });
export const RefreshResponse = z.object({ accessToken: z.string(), refreshToken: z.string() });
export type RefreshResponse = z.infer<typeof RefreshResponse>;

export const WsTicketResponse = z.object({ ticket: z.string() });

/** Claims inside an access JWT. */
export const AccessClaims = z.object({
  sub: z.string(),
  /** the agent's Aircall user id: names the agent's Durable Object */
  uid: z.number().int(),
  role: Role,
  aud: z.literal("access"),
  exp: z.number(),
  iat: z.number(),
});
export type AccessClaims = z.infer<typeof AccessClaims>;

// ---------- history & stats ----------
export const Outcome = z.enum(["answered", "no_answer", "failed", "skipped"]);
export type Outcome = z.infer<typeof Outcome>;

export const HistoryEntry = z.object({
  itemId: z.string(),
  /** When the item was handled: the dial, or the skip. Always set; orders the history. */
  at: IsoTime,
  phone: z.string(),
  name: z.string().nullable(),
  callId: z.string().nullable(),
  outcome: Outcome,
  startedAt: IsoTime.nullable(),
  answeredAt: IsoTime.nullable(),
  endedAt: IsoTime.nullable(),
  durationSeconds: z.number().int().nullable(),
  talkSeconds: z.number().int().nullable(),
  /** Why a dial failed or was skipped (Aircall's troubleshoot text, "skipped by agent", ...). */
  reason: z.string().nullable().optional(),
  recordingUrl: z.string().nullable().optional(),
  /** A stable code for why: skipped_by_agent, rejected_by_aircall, transferred, ... (null when none). */
  reasonCode: z.string().nullable().optional(),
  /** the agent's wrap-up: a disposition id, a note, a callback time */
  disposition: z.string().nullable().optional(),
  note: z.string().nullable().optional(),
  callbackAt: IsoTime.nullable().optional(),
  /** when a deferred number may be dialed again (a retry, a callback, calling hours) */
  retryAt: IsoTime.nullable().optional(),
  /** the Aircall number the call went out from, when not the agent's own (local presence) */
  numberId: z.number().int().nullable().optional(),
  /** true once call.ended (or the REST fallback) gave the final figures */
  final: z.boolean().optional(),
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;

export const HistoryQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(64).optional(),
});
export const HistoryResponse = z.object({
  items: z.array(HistoryEntry),
  nextCursor: z.string().nullable(),
});
export type HistoryResponse = z.infer<typeof HistoryResponse>;

export const StatsQuery = z.object({
  from: IsoTime.optional(),
  to: IsoTime.optional(),
});
export const Stats = z.object({
  from: IsoTime,
  to: IsoTime,
  calls: z.number().int(),
  answered: z.number().int(),
  noAnswer: z.number().int(),
  failed: z.number().int(),
  skipped: z.number().int(),
  answerRate: z.number(),
  talkSeconds: z.number().int(),
  /** dials per hour of the span they happened in */
  callsPerHour: z.number(),
  /** calls per hour bucket: ISO hour → count */
  byHour: z.array(z.object({ hour: IsoTime, calls: z.number().int(), answered: z.number().int() })),
  /** calls whose wrap-up says a person was reached (a disposition of kind "connected") */
  conversations: z.number().int().optional(),
  /** calls wrapped up as a voicemail (kind "voicemail") */
  voicemails: z.number().int().optional(),
  /** conversations / calls: people reached, not voicemail boxes */
  connectRate: z.number().optional(),
  /** talk time of conversations only */
  conversationSeconds: z.number().int().optional(),
  /** answered calls with no wrap-up: a person or a voicemail box, nobody said (never counted as a conversation) */
  notRecorded: z.number().int().optional(),
  /** calls per disposition id (wrapped-up calls only), most first */
  byDisposition: z.array(z.object({ disposition: z.string(), count: z.number().int() })).optional(),
});
export type Stats = z.infer<typeof Stats>;
