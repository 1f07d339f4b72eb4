/**
 * "Connect Aircall in one step": check the API key, list the company's users and numbers, and
 * register (or find and update) the worker's webhook, keeping its token inside the worker.
 * Safe to run again: it never creates a second webhook for the same worker.
 */
import {
  AircallId,
  NumbersWithUsersList,
  SUBSCRIBED_EVENTS,
  WebhooksList,
  type AircallDirectoryResponse,
  type AircallNumber,
  type AircallUserSummary,
  type AircallUserV2,
  type AircallWebhook,
  type AvailabilitiesResponse,
  type ConnectResponse,
  type NumberSummary,
  type NumberWithUsers,
} from "@dialer/shared";
import * as z from "zod";
import { ApiError } from "../lib/errors";
import { directory } from "../lib/stubs";
import { settings } from "../settings";
import type { AircallApi } from "./api";
import { AircallError } from "./client";
import { forgetWebhookToken, WEBHOOK_SETTING, type StoredWebhook } from "./webhook-token";

const PER_PAGE = 50;
const MAX_PAGES = 40; // 2,000 users or numbers is far beyond a dialer team
export const WEBHOOK_NAME = "Power dialer";

/** Aircall's refusals and outages as API errors the admin can act on (never a 500). */
export function explainAircallError(err: unknown): never {
  if (err instanceof z.ZodError) throw new ApiError("aircall_unavailable", `Aircall answered in an unexpected shape: ${err.issues[0]?.message ?? "invalid"}`);
  if (!(err instanceof AircallError)) throw err;
  if (err.status === 401 || err.status === 403)
    throw new ApiError("aircall_refused", `Aircall refused the API credentials (${err.message}). Check AIRCALL_API_ID and AIRCALL_API_TOKEN (Aircall Dashboard > Integrations & API > API Keys) and set them again with wrangler secret put.`);
  if (err.status === 0 || err.status >= 500 || err.status === 429) throw new ApiError("aircall_unavailable", `Aircall is not answering properly: ${err.message}`);
  throw new ApiError("bad_request", `Aircall said no: ${err.message}`);
}

async function allPages<S extends z.ZodType>(api: AircallApi, path: string, schema: S, pick: (page: z.infer<S>) => unknown[]) {
  const rows: unknown[] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const body = schema.parse(await api.http.json("GET", path, { safe: true, query: { per_page: PER_PAGE, page } }));
    const items = pick(body);
    rows.push(...items);
    const meta = (body as { meta?: { next_page_link?: string | null } }).meta;
    if (!meta?.next_page_link || items.length < PER_PAGE) break;
  }
  return rows;
}

const toNumber = (n: AircallNumber): NumberSummary => ({ id: Number(n.id), name: n.name ?? null, digits: n.digits ?? n.e164_digits ?? null, country: n.country ?? null });

const toUser = (u: AircallUserV2, numbers: NumberSummary[]): AircallUserSummary => ({
  id: Number(u.id),
  name: u.name ?? null,
  email: u.email ?? null,
  availability: u.availability_status ?? null,
  numbers,
});

/** Every user of the company: GET /v2/users, all pages (V1 user reads are retired). */
async function allUsers(api: AircallApi): Promise<AircallUserV2[]> {
  const users: AircallUserV2[] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const { users: rows, next } = await api.listUsersV2(page);
    users.push(...rows);
    if (!next) break;
  }
  return users;
}

/** `fn` over `items`, at most `limit` at a time, results in order. */
async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/**
 * Each user's numbers. When every number of GET /v1/numbers names its users, that answers it
 * without another request; otherwise GET /v2/users/:id/numbers per user.
 */
async function numbersOfUsers(api: AircallApi, users: AircallUserV2[], numbers: NumberWithUsers[]): Promise<NumberSummary[][]> {
  if (numbers.every((n) => Array.isArray(n.users))) {
    return users.map((u) => numbers.filter((n) => n.users!.some((x) => x.id === u.id)).map(toNumber));
  }
  return mapLimit(users, 4, async (u) => (await api.listUserNumbers(u.id)).map(toNumber));
}

/** Every user (with the numbers they may call from) and every number of the company. */
export async function aircallDirectory(api: AircallApi): Promise<AircallDirectoryResponse> {
  try {
    const [users, numbers] = await Promise.all([
      allUsers(api),
      allPages(api, "/v1/numbers", NumbersWithUsersList, (b) => b.numbers) as Promise<NumberWithUsers[]>,
    ]);
    const owned = await numbersOfUsers(api, users, numbers);
    return { users: users.map((u, i) => toUser(u, owned[i]!)), numbers: numbers.map(toNumber) };
  } catch (err) {
    explainAircallError(err);
  }
}

/** One user by id or email (GET /v2/users/:id_or_email) with their numbers; null if Aircall has none. */
export async function aircallUser(api: AircallApi, idOrEmail: string): Promise<AircallUserSummary | null> {
  try {
    const user = await api.getUserV2(idOrEmail);
    if (!user) return null;
    return toUser(user, (await api.listUserNumbers(user.id)).map(toNumber));
  } catch (err) {
    explainAircallError(err);
  }
}

const AvailabilitiesList = z.looseObject({ users: z.array(z.looseObject({ id: AircallId, availability: z.string() })) });
let availabilityCache: { value: AvailabilitiesResponse; until: number } | undefined;
const AVAILABILITY_CACHE_MS = 8_000; // open dashboards share one Aircall request per 8 s (each asks at most every 10 s)

/** GET /v1/users/availabilities, the fine-grained states (in_call, after_call_work, …), briefly cached. */
export async function aircallAvailabilities(api: AircallApi, now = Date.now()): Promise<AvailabilitiesResponse> {
  if (availabilityCache && now < availabilityCache.until) return availabilityCache.value;
  try {
    const rows = (await allPages(api, "/v1/users/availabilities", AvailabilitiesList, (b) => b.users)) as { id: string; availability: string }[];
    const value = { users: rows.map((r) => ({ id: Number(r.id), availability: r.availability })), at: new Date(now).toISOString() };
    availabilityCache = { value, until: now + AVAILABILITY_CACHE_MS };
    return value;
  } catch (err) {
    explainAircallError(err);
  }
}

/** The webhook to reuse: the one connect stored, else one already pointing at `url`. */
export function findOurWebhook(hooks: AircallWebhook[], stored: StoredWebhook | null, url: string): AircallWebhook | undefined {
  return (stored && hooks.find((h) => h.webhook_id === stored.webhookId)) || hooks.find((h) => h.url === url);
}

/** Every webhook of the company (GET /v1/webhooks, all pages). */
export async function listWebhooks(api: AircallApi): Promise<AircallWebhook[]> {
  return (await allPages(api, "/v1/webhooks", WebhooksList, (b) => b.webhooks)) as AircallWebhook[];
}

/** Creates or updates the webhook; ONLY the dialer's events, always active. */
async function ensureWebhook(api: AircallApi, stored: StoredWebhook | null, url: string) {
  const hooks = await listWebhooks(api);
  const existing = findOurWebhook(hooks, stored, url);
  if (!existing) return { webhook: await api.createWebhook(url, WEBHOOK_NAME), action: "created" as const };
  const webhook = await api.updateWebhook(existing.webhook_id, { url, active: true });
  return { webhook, action: existing.active ? ("updated" as const) : ("reactivated" as const) };
}

export async function connectAircall(env: Env, api: AircallApi, url: string, actor: string): Promise<ConnectResponse> {
  const dir = directory(env);
  try {
    await api.ping();
  } catch (err) {
    const status = err instanceof AircallError ? err.status : 0;
    const reason = status === 401 || status === 403 ? `Aircall refused the credentials (${status})` : status ? `Aircall answered ${status}` : "Aircall did not answer";
    await dir.audit(actor, "aircall.connect.failed", { reason });
    explainAircallError(err);
  }
  const company = await aircallDirectory(api);
  let result: Awaited<ReturnType<typeof ensureWebhook>>;
  try {
    result = await ensureWebhook(api, (await dir.getSetting(WEBHOOK_SETTING)) as StoredWebhook | null, url);
  } catch (err) {
    explainAircallError(err);
  }
  const { webhook, action } = result;
  await dir.putSetting(WEBHOOK_SETTING, { webhookId: webhook.webhook_id, token: webhook.token, url: webhook.url } satisfies StoredWebhook);
  forgetWebhookToken();
  await dir.webhookConnected({ webhookId: webhook.webhook_id, url: webhook.url, active: webhook.active }, action);
  const missing = SUBSCRIBED_EVENTS.filter((e) => !webhook.events.includes(e));
  await dir.audit(actor, "aircall.connected", { webhookId: webhook.webhook_id, url: webhook.url, action, users: company.users.length, numbers: company.numbers.length, missingEvents: missing });
  return { ok: true, ...company, webhook: { id: webhook.webhook_id, url: webhook.url, active: webhook.active, events: webhook.events }, action, warnings: warningsFor(env, webhook) };
}

function warningsFor(env: Env, webhook: AircallWebhook): string[] {
  const warnings: string[] = [];
  const envToken = settings(env).AIRCALL_WEBHOOK_TOKEN;
  // A local webhook (http, the simulator) is not Aircall's: pnpm dev's own token var is expected there.
  if (envToken && envToken !== webhook.token && webhook.url.startsWith("https://"))
    warnings.push("AIRCALL_WEBHOOK_TOKEN is set on the worker and wins over the token connect stored, so this webhook's deliveries are refused: remove it (wrangler secret delete AIRCALL_WEBHOOK_TOKEN).");
  if (!webhook.url.startsWith("https://")) warnings.push("Aircall delivers only to https URLs with a valid certificate: this URL suits a local simulator only.");
  return warnings;
}
