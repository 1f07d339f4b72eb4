/** The admin API beyond agent CRUD: connect Aircall, team figures, history, audit, the live hub. */
import * as z from "zod";
import { Agent, HistoryEntry, Outcome, Stats } from "./api";
import { DialerState } from "./state";
import { CallingHours, DEFAULT_CALLING_HOURS } from "./compliance";

const IsoTime = z.iso.datetime({ offset: true });

// ---------- connect Aircall ----------
export const ConnectBody = z.object({
  /** Where Aircall should deliver; default: this worker's origin + /webhooks/aircall. */
  webhookUrl: z.url({ protocol: /^https?$/, message: "webhookUrl: must be an http(s) URL" }).max(2048).optional(),
});
export type ConnectBody = z.infer<typeof ConnectBody>;

export const NumberSummary = z.object({
  id: z.number().int(),
  name: z.string().nullable(),
  digits: z.string().nullable(),
  country: z.string().nullable(),
});
export type NumberSummary = z.infer<typeof NumberSummary>;

export const AircallUserSummary = z.object({
  id: z.number().int(),
  name: z.string().nullable(),
  email: z.string().nullable(),
  availability: z.string().nullable(),
  numbers: z.array(NumberSummary),
});
export type AircallUserSummary = z.infer<typeof AircallUserSummary>;

export const AircallDirectoryResponse = z.object({ users: z.array(AircallUserSummary), numbers: z.array(NumberSummary) });
export type AircallDirectoryResponse = z.infer<typeof AircallDirectoryResponse>;

/** Each Aircall user's live availability (available, offline, do_not_disturb, in_call, after_call_work, …). */
export const AvailabilitiesResponse = z.object({ users: z.array(z.object({ id: z.number().int(), availability: z.string() })), at: IsoTime });
export type AvailabilitiesResponse = z.infer<typeof AvailabilitiesResponse>;

export const WebhookSummary = z.object({ id: z.string(), url: z.string(), active: z.boolean(), events: z.array(z.string()) });
export type WebhookSummary = z.infer<typeof WebhookSummary>;

export const ConnectResponse = AircallDirectoryResponse.extend({
  ok: z.literal(true),
  webhook: WebhookSummary,
  /** what connect did to the webhook: created it, or found and updated it (re-activated when it was off) */
  action: z.enum(["created", "updated", "reactivated"]),
  /** things the admin should fix (e.g. an AIRCALL_WEBHOOK_TOKEN secret that overrides the stored token) */
  warnings: z.array(z.string()),
});
export type ConnectResponse = z.infer<typeof ConnectResponse>;

// ---------- team, stats ----------
export const TeamRow = z.object({ agent: Agent, state: DialerState, stats: Stats });
export type TeamRow = z.infer<typeof TeamRow>;
export const TeamResponse = z.object({ agents: z.array(TeamRow) });
export type TeamResponse = z.infer<typeof TeamResponse>;

export const TeamStatsResponse = z.object({
  from: IsoTime,
  to: IsoTime,
  /** the whole team; callsPerHour is the sum of the agents' rates */
  total: Stats,
  agents: z.array(z.object({ agentId: z.string(), name: z.string().nullable(), stats: Stats })),
});
export type TeamStatsResponse = z.infer<typeof TeamStatsResponse>;

export const NewCodeResponse = z.object({ enrollmentCode: z.string(), expiresAt: IsoTime });

// ---------- history across the team ----------
export const AdminHistoryQuery = z.object({
  agentId: z.uuid("agentId: must be an agent id").optional(),
  outcome: Outcome.optional(),
  from: IsoTime.optional(),
  to: IsoTime.optional(),
  limit: z.coerce.number().int().min(1).max(10_000).default(500),
});
export type AdminHistoryQuery = z.infer<typeof AdminHistoryQuery>;

export const AdminHistoryRow = HistoryEntry.extend({ agentId: z.string(), agentName: z.string().nullable() });
export type AdminHistoryRow = z.infer<typeof AdminHistoryRow>;
export const AdminHistoryResponse = z.object({ items: z.array(AdminHistoryRow), truncated: z.boolean() });
export type AdminHistoryResponse = z.infer<typeof AdminHistoryResponse>;

// ---------- audit ----------
export const AuditEntry = z.object({ id: z.number().int(), at: IsoTime, actor: z.string(), action: z.string(), detail: z.record(z.string(), z.unknown()) });
export type AuditEntry = z.infer<typeof AuditEntry>;
export const AuditResponse = z.object({ entries: z.array(AuditEntry) });

// ---------- the dashboard's WebSocket (server → dashboard) ----------
export const AdminAgentState = z.object({ type: z.literal("agent.state"), agentId: z.string(), state: DialerState });
/** An agent was added or removed: reload the team. */
export const AdminTeamChanged = z.object({ type: z.literal("team.changed") });
export const AdminServerMessage = z.discriminatedUnion("type", [AdminAgentState, AdminTeamChanged, z.object({ type: z.literal("pong") })]);
export type AdminServerMessage = z.infer<typeof AdminServerMessage>;

// ---------- one Aircall user (V2: by id or email) ----------
/** GET /api/admin/aircall/users/:idOrEmail (an Aircall user id or email address). */
export const AircallUserParam = z.object({
  idOrEmail: z.string().trim().max(254).regex(/^(\d{1,19}|[^\s/@]+@[^\s/@]+)$/, "must be an Aircall user id or an email address"),
});
export const AircallUserResponse = z.object({ user: AircallUserSummary });
export type AircallUserResponse = z.infer<typeof AircallUserResponse>;

// ---------- the Aircall webhook's health ----------
/**
 * What the worker knows of its Aircall webhook (Aircall disables one after repeated failed
 * deliveries). `state`: ok (active, ours), reactivated / recreated (it was off or gone and the
 * worker turned it back on), not_connected (run connect first), error (the check failed).
 */
export const WebhookHealth = z.object({
  state: z.enum(["unknown", "ok", "reactivated", "recreated", "not_connected", "error"]),
  webhookId: z.string().nullable(),
  url: z.string().nullable(),
  /** Aircall's `active` at the last check (null before any check) */
  active: z.boolean().nullable(),
  lastCheckAt: IsoTime.nullable(),
  lastCheckReason: z.string().nullable(),
  lastReactivatedAt: IsoTime.nullable(),
  reactivations: z.number().int().nonnegative(),
  /** calls the dialer found through the REST API whose webhooks never came (since connect) */
  missingWebhookCalls: z.number().int().nonnegative(),
  lastError: z.string().nullable(),
});
export type WebhookHealth = z.infer<typeof WebhookHealth>;
export const WebhookHealthResponse = z.object({ health: WebhookHealth });
export type WebhookHealthResponse = z.infer<typeof WebhookHealthResponse>;

// ---------- admin settings ----------
/**
 * The company's settings, kept by the worker. Call history and audit rows older than
 * `historyRetentionMonths` are deleted every night. `callingHours`: the callee's local window,
 * checked in every time zone the number may be in before each call. `localPresence`: call from the
 * agent's Aircall number that best matches the callee's country / area code.
 */
export const AdminSettings = z.object({
  historyRetentionMonths: z.number().int().min(1).max(120),
  callingHours: CallingHours,
  localPresence: z.boolean(),
});
export type AdminSettings = z.infer<typeof AdminSettings>;
export const DEFAULT_ADMIN_SETTINGS: AdminSettings = { historyRetentionMonths: 13, callingHours: DEFAULT_CALLING_HOURS, localPresence: false };
/** PUT /api/admin/settings { settings }: only the fields given change; unknown fields are refused. */
export const PutSettingsBody = z.object({ settings: AdminSettings.partial().strict() }).strict();
export type PutSettingsBody = z.infer<typeof PutSettingsBody>;
export const SettingsResponse = z.object({ settings: AdminSettings });
export type SettingsResponse = z.infer<typeof SettingsResponse>;
