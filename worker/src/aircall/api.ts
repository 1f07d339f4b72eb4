/**
 * Aircall operations for setup and admin (users, numbers, webhooks), typed with the shared zod
 * schemas. The dialer's own requests (start-call, search, call reads) are in dialer/effects.ts.
 */
import {
  NumbersList,
  SUBSCRIBED_EVENTS,
  UserNumbersList,
  UsersV2List,
  UserV2Response,
  WebhookResponse,
  WebhooksList,
  type AircallUserV2,
  type AircallWebhook,
  type UserNumber,
} from "@dialer/shared";
import { AircallError, AircallHttp, describe } from "./client";

const PER_PAGE = 50;
const MAX_PAGES = 40;

export class AircallApi {
  constructor(readonly http: AircallHttp) {}

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
