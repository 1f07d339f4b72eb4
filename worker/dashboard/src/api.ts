/** The dashboard's client of the admin API. Types come from the shared contract (types only: no zod in the bundle). */
import type { AircallUserResponse, CreateAgentBody, CreateAgentResponse } from "@dialer/shared";
import type { AdminSettings, DncAddResponse, DncListResponse, SettingsResponse } from "@dialer/shared";
import type { AdminHistoryResponse, AdminServerMessage, AuditEntry, AvailabilitiesResponse, TeamResponse, TeamStatsResponse, WebhookHealthResponse } from "@dialer/shared";

const KEY = "dialer.admin.token";

export const session = {
  get: () => sessionStorage.getItem(KEY) ?? "",
  set: (token: string) => sessionStorage.setItem(KEY, token),
  clear: () => sessionStorage.removeItem(KEY),
};

/** The worker's refusal: its status, its error code and its (English) message, "" when it gave none. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code = "",
  ) {
    super(message);
  }
}

async function request<T>(path: string, init: RequestInit = {}, token = session.get()): Promise<T> {
  const res = await fetch(path, { ...init, headers: { authorization: `Bearer ${token}`, ...init.headers } });
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
    throw new HttpError(res.status, body?.error?.message ?? "", body?.error?.code);
  }
  return (res.headers.get("content-type")?.includes("json") ? res.json() : res.text()) as Promise<T>;
}

export type HistoryFilters = { agentId: string; outcome: string; from: string; to: string };

function historyQuery(f: HistoryFilters, limit: number) {
  const q = new URLSearchParams({ limit: String(limit) });
  if (f.agentId) q.set("agentId", f.agentId);
  if (f.outcome) q.set("outcome", f.outcome);
  if (f.from) q.set("from", new Date(`${f.from}T00:00:00`).toISOString());
  if (f.to) q.set("to", new Date(new Date(`${f.to}T00:00:00`).getTime() + 86_400_000).toISOString());
  return q;
}

const span = (from: Date, to?: Date) => `from=${from.toISOString()}${to ? `&to=${to.toISOString()}` : ""}`;

export const api = {
  /** Checks a token before keeping it. */
  check: (token: string) => request<TeamResponse>("/api/admin/team", {}, token),
  team: (from: Date) => request<TeamResponse>(`/api/admin/team?${span(from)}`),
  stats: (from: Date) => request<TeamStatsResponse>(`/api/admin/stats?${span(from)}`),
  history: (f: HistoryFilters) => request<AdminHistoryResponse>(`/api/admin/history?${historyQuery(f, 200)}`),
  historyCsv: (f: HistoryFilters) => request<string>(`/api/admin/history.csv?${historyQuery(f, 10_000)}`),
  availability: () => request<AvailabilitiesResponse>("/api/admin/aircall/availability"),
  audit: () => request<{ entries: AuditEntry[] }>("/api/admin/audit?limit=8"),
  ticket: () => request<{ ticket: string }>("/api/admin/ws-ticket", { method: "POST" }),
  webhookHealth: () => request<WebhookHealthResponse>("/api/admin/webhook-health"),
  checkWebhook: () => request<WebhookHealthResponse>("/api/admin/webhook-health/check", { method: "POST" }),
};

/** Opens the live feed; the caller reconnects on close. */
export async function openFeed(onMessage: (m: AdminServerMessage) => void): Promise<WebSocket> {
  const { ticket } = await api.ticket();
  const ws = new WebSocket(`${location.origin.replace(/^http/, "ws")}/api/admin/ws?ticket=${encodeURIComponent(ticket)}`);
  ws.addEventListener("message", (e) => onMessage(JSON.parse(String(e.data)) as AdminServerMessage));
  return ws;
}

// ---------- compliance: do-not-call list and calling hours ----------
export const complianceApi = {
  dncPage: (q: string, cursor?: string | null) => {
    const query = new URLSearchParams({ limit: "50", ...(q ? { q } : {}), ...(cursor ? { cursor } : {}) });
    return request<DncListResponse>(`/api/admin/dnc?${query}`);
  },
  dncAdd: (phones: string[], reason?: string) =>
    request<DncAddResponse>("/api/admin/dnc", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ phones, ...(reason ? { reason } : {}) }) }),
  dncRemove: (phone: string) => request<string>(`/api/admin/dnc/${encodeURIComponent(phone)}`, { method: "DELETE" }),
  settings: () => request<SettingsResponse>("/api/admin/settings"),
  putSettings: (settings: Partial<AdminSettings>) =>
    request<SettingsResponse>("/api/admin/settings", { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify({ settings }) }),
};

/** A call's recording, read from Aircall at the moment of asking (its URLs expire after an hour). */
export const recordingApi = {
  fresh: (callId: string) => request<{ callId: string; url: string; expiresAt: string }>(`/api/admin/calls/${encodeURIComponent(callId)}/recording`),
};

/** Enrolling agents from the dashboard (the same routes as `pnpm admin agents add` / `agents code`). */
export const agentsApi = {
  findUser: (who: string) => request<AircallUserResponse>(`/api/admin/aircall/users/${encodeURIComponent(who)}`),
  add: (body: CreateAgentBody) =>
    request<CreateAgentResponse>("/api/admin/agents", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }),
  newCode: (agentId: string) => request<{ enrollmentCode: string; expiresAt: string }>(`/api/admin/agents/${encodeURIComponent(agentId)}/code`, { method: "POST" }),
};
