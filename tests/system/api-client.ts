/** A small typed client of the worker's HTTP API and WebSocket, for the dev script, tests and benchmarks. */
import { CreateAgentResponse, DialerState, EnrollResponse, HistoryResponse, ServerMessage, type QueueItem } from "@dialer/shared";
import WebSocket from "ws";
import { LOCAL } from "./start-system";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`HTTP ${status}: ${JSON.stringify(body)}`);
  }
}

export async function request<T = unknown>(url: string, init: { method?: string; token?: string; json?: unknown } = {}): Promise<T> {
  const headers: Record<string, string> = {};
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  if (init.json !== undefined) headers["content-type"] = "application/json";
  const res = await fetch(url, { method: init.method ?? "GET", headers, body: init.json === undefined ? undefined : JSON.stringify(init.json) });
  const text = await res.text();
  const body = text ? JSON.parse(text) : null;
  if (!res.ok) throw new ApiError(res.status, body);
  return body as T;
}

export class AdminClient {
  constructor(
    readonly base: string,
    readonly token = LOCAL.adminToken,
  ) {}
  createAgent(aircallUserId: number, numberId: number, name?: string) {
    return request(`${this.base}/api/admin/agents`, { method: "POST", token: this.token, json: { aircallUserId, numberId, name } }).then((b) => CreateAgentResponse.parse(b));
  }
  listAgents() {
    return request<{ agents: { agentId: string; aircallUserId: number; name: string | null }[] }>(`${this.base}/api/admin/agents`, { token: this.token });
  }
  newCode(agentId: string) {
    return request<{ enrollmentCode: string; expiresAt: string }>(`${this.base}/api/admin/agents/${agentId}/code`, { method: "POST", token: this.token });
  }
  /** The agent's code, creating the agent when it doesn't exist yet (re-runs are safe). */
  async ensureAgent(aircallUserId: number, numberId: number, name: string): Promise<{ agentId: string; enrollmentCode: string }> {
    const existing = (await this.listAgents()).agents.find((a) => a.aircallUserId === aircallUserId);
    if (existing) return { agentId: existing.agentId, enrollmentCode: (await this.newCode(existing.agentId)).enrollmentCode };
    return this.createAgent(aircallUserId, numberId, name);
  }
}

export class AgentClient {
  private constructor(
    readonly base: string,
    private accessToken: string,
    readonly agentId: string,
  ) {}

  static async enroll(base: string, code: string) {
    const session = EnrollResponse.parse(await request(`${base}/api/auth/enroll`, { method: "POST", json: { code } }));
    return new AgentClient(base, session.accessToken, session.agent.agentId);
  }

  start(items: QueueItem[], delaySeconds?: number) {
    return request(`${this.base}/api/dialer/start`, { method: "POST", token: this.accessToken, json: { items, delaySeconds } }).then((b) => DialerState.parse(b));
  }
  command(cmd: "pause" | "resume" | "skip" | "stop") {
    return request(`${this.base}/api/dialer/${cmd}`, { method: "POST", token: this.accessToken }).then((b) => DialerState.parse(b));
  }
  state() {
    return request(`${this.base}/api/dialer`, { token: this.accessToken }).then((b) => DialerState.parse(b));
  }
  history(limit = 100) {
    return request(`${this.base}/api/history?limit=${limit}`, { token: this.accessToken }).then((b) => HistoryResponse.parse(b));
  }
  stats() {
    return request<Record<string, unknown>>(`${this.base}/api/stats`, { token: this.accessToken });
  }

  /** Opens the agent's WebSocket (ticket auth) and calls `onMessage` with each validated message. */
  async socket(onMessage: (m: ServerMessage) => void): Promise<WebSocket> {
    const { ticket } = await request<{ ticket: string }>(`${this.base}/api/auth/ws-ticket`, { method: "POST", token: this.accessToken });
    const ws = new WebSocket(`${this.base.replace(/^http/, "ws")}/api/ws?ticket=${encodeURIComponent(ticket)}`);
    ws.on("message", (data) => onMessage(ServerMessage.parse(JSON.parse(String(data)))));
    await new Promise<void>((res, rej) => {
      ws.once("open", () => res());
      ws.once("error", rej);
    });
    return ws;
  }
}
