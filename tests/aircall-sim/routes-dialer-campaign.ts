/**
 * Aircall's own Power Dialer: each user's one dialer campaign (aircall-api facts §6).
 * GET/POST/DELETE /v1/users/:id/dialer_campaign, GET/POST /v1/users/:id/dialer_campaign/phone_numbers
 * (items under `numbers`), DELETE …/phone_numbers/:phone_number_id (no bulk clear). A batch holding
 * a number already in the campaign is refused whole with 422 "already imported". A number counts as
 * `called` once the user has placed a call to it since it was added. Campaigns live on the user
 * record, so a reset (which re-seeds users) empties them.
 */
import { appError, badRequest, intParam, notFound, type Ctx, type Reply } from "./http";
import { isRecord } from "./json";
import { displayFormat, isE164, sameNumber } from "./phone";
import type { UserRecord } from "./records";
import type { Router } from "./router";
import type { SimState } from "./state";

/** `addedAt` in epoch ms; calls carry `startedAt` in unix seconds. */
type CampaignNumber = { id: number; number: string; addedAt: number; created_at: string };
type Campaign = { id: number; number_id: string | null; created_at: string; numbers: CampaignNumber[] };

const campaigns = new WeakMap<UserRecord, Campaign>();
let nextId = 1;

function userOf(ctx: Ctx): UserRecord | undefined {
  const id = intParam(ctx.params.id);
  return id === undefined ? undefined : ctx.s.users.get(id);
}

/** The campaign's phone numbers from the request body, or the 400 explaining what is wrong. */
function phonesOf(ctx: Ctx): string[] | Reply {
  const list = isRecord(ctx.body) ? ctx.body.phone_numbers : undefined;
  if (!Array.isArray(list) || list.length === 0) return badRequest("phone_numbers must be a non-empty array");
  const bad = list.find((p) => !isE164(p));
  if (bad !== undefined) return appError(422, "Unprocessable Entity", `Phone number ${String(bad)} is invalid`);
  return list as string[];
}

function called(s: SimState, user: UserRecord, n: CampaignNumber): boolean {
  for (const c of s.calls.values()) if (c.userId === user.id && c.startedAt * 1000 >= Math.floor(n.addedAt / 1000) * 1000 && sameNumber(c.to, n.number)) return true;
  return false;
}

function numberObject(s: SimState, user: UserRecord, n: CampaignNumber) {
  return { id: n.id, number: displayFormat(n.number), called: called(s, user, n), created_at: n.created_at };
}

function add(campaign: Campaign, phones: string[]): void {
  const now = Date.now();
  for (const p of phones) campaign.numbers.push({ id: nextId++, number: p, addedAt: now, created_at: new Date(now).toISOString() });
}

const noUser = (): Reply => notFound("User not found");
const noCampaign = (): Reply => notFound("Dialer campaign not found");

export function registerDialerCampaignRoutes(r: Router): void {
  r.get("/v1/users/:id/dialer_campaign", (ctx) => {
    const user = userOf(ctx);
    if (!user) return noUser();
    const c = campaigns.get(user);
    if (!c) return noCampaign();
    return { status: 200, body: { dialer_campaign: { id: c.id, number_id: c.number_id, created_at: c.created_at, phone_numbers: c.numbers.map((n) => numberObject(ctx.s, user, n)) } } };
  });

  r.post("/v1/users/:id/dialer_campaign", (ctx) => {
    const user = userOf(ctx);
    if (!user) return noUser();
    if (campaigns.has(user)) return appError(422, "Unprocessable Entity", "User already has a dialer campaign");
    const phones = phonesOf(ctx);
    if (!Array.isArray(phones)) return phones;
    const numberId = isRecord(ctx.body) && ctx.body.number_id !== undefined ? String(ctx.body.number_id) : null;
    const campaign: Campaign = { id: nextId++, number_id: numberId, created_at: new Date().toISOString(), numbers: [] };
    add(campaign, [...new Set(phones)]);
    campaigns.set(user, campaign);
    return { status: 204 };
  });

  r.delete("/v1/users/:id/dialer_campaign", (ctx) => {
    const user = userOf(ctx);
    if (!user) return noUser();
    if (!campaigns.delete(user)) return noCampaign();
    return { status: 204 };
  });

  r.get("/v1/users/:id/dialer_campaign/phone_numbers", (ctx) => {
    const user = userOf(ctx);
    if (!user) return noUser();
    const c = campaigns.get(user);
    if (!c) return noCampaign();
    return { status: 200, body: { numbers: c.numbers.map((n) => numberObject(ctx.s, user, n)) } };
  });

  r.post("/v1/users/:id/dialer_campaign/phone_numbers", (ctx) => {
    const user = userOf(ctx);
    if (!user) return noUser();
    const c = campaigns.get(user);
    if (!c) return noCampaign();
    const phones = phonesOf(ctx);
    if (!Array.isArray(phones)) return phones;
    const dup = phones.find((p, i) => phones.indexOf(p) !== i || c.numbers.some((n) => sameNumber(n.number, p)));
    if (dup !== undefined) return appError(422, "Unprocessable Entity", `Phone number ${dup} already imported`);
    add(c, phones);
    return { status: 204 };
  });

  r.delete("/v1/users/:id/dialer_campaign/phone_numbers/:phoneNumberId", (ctx) => {
    const user = userOf(ctx);
    if (!user) return noUser();
    const c = campaigns.get(user);
    if (!c) return noCampaign();
    const id = intParam(ctx.params.phoneNumberId);
    const at = c.numbers.findIndex((n) => n.id === id);
    if (at < 0) return notFound("Phone number not found");
    c.numbers.splice(at, 1);
    return { status: 204 };
  });
}
