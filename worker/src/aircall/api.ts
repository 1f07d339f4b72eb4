/** The Aircall operations the dialer uses, typed with the shared zod schemas. */
import {
  AvailabilityResponse,
  CallResponse,
  CallsList,
  NumbersList,
  SUBSCRIBED_EVENTS,
  UserNumbersList,
  UsersV2List,
  UserV2Response,
  WebhookResponse,
  WebhooksList,
  type AircallCall,
  type AircallUserV2,
  type AircallWebhook,
  type UserNumber,
  type StartCallBody,
} from "@dialer/shared";
import type { DialResult } from "../dialer/machine-types";
import { AircallError, AircallHttp, describe } from "./client";

const PER_PAGE = 50;
const MAX_PAGES = 40;

export class AircallApi {
  constructor(readonly http: AircallHttp) {}

  /**
   * POST /v1/users/:id/calls. Sent once; the outcome is classified, never retried here (but a 429
   * placed nothing and is sent again). `stillWanted` is asked after any wait for a rate-limit slot.
   */
  async startCall(userId: number, numberId: number, to: string, stillWanted: () => boolean = () => true): Promise<DialResult> {
    const body: StartCallBody = { number_id: numberId, to };
    let res;
    try {
      res = await this.http.request("POST", `/v1/users/${userId}/calls`, { body, safe: false, stillWanted });
    } catch (err) {
      return { kind: "uncertain", message: (err as Error).message };
    }
    if (!res) return { kind: "cancelled" };
    const message = describe(res);
    if (res.status >= 200 && res.status < 300) return { kind: "sent" };
    if (res.status === 400 || res.status === 422) return { kind: "rejected", message };
    if (res.status === 405) return { kind: "unavailable", message };
    if (res.status === 401 || res.status === 403 || res.status === 404) return { kind: "refused", message };
    return { kind: "uncertain", message };
  }

  async getCall(id: string): Promise<AircallCall | null> {
    const res = await this.http.request("GET", `/v1/calls/${id}`, { safe: true });
    if (res.status === 404) return null;
    if (res.status !== 200) throw new AircallError(res.status, describe(res));
    return CallResponse.parse(res.body).call;
  }

  /** The newest outbound calls of a user to a number since `fromMs` (the start-call fallback). */
  async findOutboundCalls(userId: number, phone: string, fromMs: number): Promise<AircallCall[]> {
    const body = await this.http.json("GET", "/v1/calls/search", {
      safe: true,
      query: { user_id: userId, phone_number: phone, direction: "outbound", from: Math.floor(fromMs / 1000), order: "desc", per_page: 5 },
    });
    return CallsList.parse(body).calls;
  }

  async ping(): Promise<boolean> {
    await this.http.json("GET", "/v1/ping", { safe: true });
    return true;
  }

  /**
   * GET /v2/users/:id_or_email (V1 user reads are retired): the user without numbers, or null
   * when Aircall has no such user.
   */
  async getUserV2(idOrEmail: number | string): Promise<AircallUserV2 | null> {
    const res = await this.http.request("GET", `/v2/users/${encodeURIComponent(String(idOrEmail))}`, { safe: true });
    if (res.status === 404) return null;
    if (res.status !== 200) throw new AircallError(res.status, describe(res), res.body);
    return UserV2Response.parse(res.body).user;
  }

  async getAvailability(id: number): Promise<string> {
    return AvailabilityResponse.parse(await this.http.json("GET", `/v1/users/${id}/availability`, { safe: true })).availability;
  }

  /** One page of GET /v2/users; `next` is false on the last page. */
  async listUsersV2(page = 1): Promise<{ users: AircallUserV2[]; next: boolean }> {
    const body = UsersV2List.parse(await this.http.json("GET", "/v2/users", { safe: true, query: { per_page: PER_PAGE, page } }));
    return { users: body.users, next: !!body.meta?.next_page_link && body.users.length >= PER_PAGE };
  }

  /** Every number a user may call from: GET /v2/users/:id/numbers, all pages. */
  async listUserNumbers(userId: number | string): Promise<UserNumber[]> {
    const rows: UserNumber[] = [];
    for (let page = 1; page <= MAX_PAGES; page++) {
      const body = UserNumbersList.parse(await this.http.json("GET", `/v2/users/${encodeURIComponent(String(userId))}/numbers`, { safe: true, query: { per_page: PER_PAGE, page } }));
      rows.push(...body.numbers);
      if (!body.meta?.next_page_link || body.numbers.length < PER_PAGE) break;
    }
    return rows;
  }

  async listNumbers() {
    return NumbersList.parse(await this.http.json("GET", "/v1/numbers", { safe: true, query: { per_page: 50 } })).numbers;
  }

  async addComment(callId: string, content: string) {
    await this.http.json("POST", `/v1/calls/${callId}/comments`, { safe: false, body: { content } });
  }

  async addTags(callId: string, tagIds: number[]) {
    await this.http.json("POST", `/v1/calls/${callId}/tags`, { safe: false, body: { tags: tagIds } });
  }

  async listWebhooks() {
    return WebhooksList.parse(await this.http.json("GET", "/v1/webhooks", { safe: true, query: { per_page: 50 } })).webhooks;
  }

  async createWebhook(url: string, customName: string) {
    const body = await this.http.json("POST", "/v1/webhooks", { safe: false, body: { custom_name: customName, url, events: SUBSCRIBED_EVENTS } });
    return WebhookResponse.parse(body).webhook;
  }

  /** Always sends `events`: a PUT without it re-subscribes the webhook to every event. */
  async updateWebhook(id: string, patch: { url: string; active: boolean }) {
    const body = await this.http.json("PUT", `/v1/webhooks/${encodeURIComponent(id)}`, { safe: true, body: { ...patch, events: SUBSCRIBED_EVENTS } });
    return WebhookResponse.parse(body).webhook;
  }

  /** GET /v1/webhooks/:id, or null when Aircall no longer has it. */
  async getWebhook(id: string): Promise<AircallWebhook | null> {
    const res = await this.http.request("GET", `/v1/webhooks/${encodeURIComponent(id)}`, { safe: true });
    if (res.status === 404) return null;
    if (res.status !== 200) throw new AircallError(res.status, describe(res), res.body);
    return WebhookResponse.parse(res.body).webhook;
  }
}
