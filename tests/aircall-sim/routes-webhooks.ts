/** Webhooks CRUD: POST/GET /v1/webhooks, GET/PUT/DELETE /v1/webhooks/:id (uuid or old numeric id). */
import { randomBytes, randomUUID } from "node:crypto";
import { ALL_EVENTS, MAX_WEBHOOKS } from "./event-names";
import { badRequest, notFound, type Ctx, type Reply } from "./http";
import { isRecord } from "./json";
import { paginate } from "./pagination";
import type { WebhookRecord } from "./records";
import type { Router } from "./router";
import type { SimState } from "./state";

export function webhookObject(s: SimState, w: WebhookRecord): Record<string, unknown> {
  return {
    webhook_id: w.webhookId,
    direct_link: `${s.baseUrl}/v1/webhooks/${w.webhookId}`,
    created_at: w.createdAt,
    custom_name: w.customName,
    url: w.url,
    active: w.active,
    events: [...w.events],
    token: w.token,
  };
}

/** undefined or [] → every event; otherwise the list, checked against known names. */
function parseEvents(raw: unknown): string[] | Reply {
  if (raw === undefined || raw === null || (Array.isArray(raw) && raw.length === 0)) return [...ALL_EVENTS];
  if (!Array.isArray(raw) || !raw.every((e) => typeof e === "string")) return badRequest("events must be an array of event names");
  const unknown = raw.filter((e) => !ALL_EVENTS.includes(e));
  if (unknown.length > 0) return badRequest(`Unknown event(s): ${unknown.join(", ")}`);
  return [...new Set(raw)];
}

function validUrl(raw: unknown): raw is string {
  if (typeof raw !== "string") return false;
  return URL.canParse(raw) && /^https?:$/.test(new URL(raw).protocol);
}

function findWebhook(ctx: Ctx): WebhookRecord | undefined {
  const id = ctx.params.id ?? "";
  return ctx.s.webhooks.find((w) => w.webhookId === id || String(w.numericId) === id);
}

export function registerWebhookRoutes(r: Router): void {
  r.post("/v1/webhooks", (ctx) => {
    const body = isRecord(ctx.body) ? ctx.body : {};
    if (!validUrl(body.url)) return badRequest("url is required and must be a valid URL");
    const events = parseEvents(body.events);
    if (!Array.isArray(events)) return events;
    if (ctx.s.webhooks.length >= MAX_WEBHOOKS) return badRequest(`A company can have at most ${MAX_WEBHOOKS} webhooks`);
    const w: WebhookRecord = {
      webhookId: randomUUID(),
      numericId: ctx.s.allocateWebhookNumericId(),
      customName: typeof body.custom_name === "string" && body.custom_name ? body.custom_name : "Webhook",
      url: body.url,
      active: true,
      events,
      token: randomBytes(16).toString("hex"),
      createdAt: new Date().toISOString(),
      consecutiveFailures: 0,
    };
    ctx.s.webhooks.push(w);
    return { status: 201, body: { webhook: webhookObject(ctx.s, w) } };
  });
  r.get("/v1/webhooks", (ctx) => paginate(ctx, "webhooks", ctx.s.webhooks.map((w) => webhookObject(ctx.s, w))));
  r.get("/v1/webhooks/:id", (ctx) => {
    const w = findWebhook(ctx);
    return w ? { status: 200, body: { webhook: webhookObject(ctx.s, w) } } : notFound("Webhook not found");
  });
  r.put("/v1/webhooks/:id", (ctx) => {
    const w = findWebhook(ctx);
    if (!w) return notFound("Webhook not found");
    const body = isRecord(ctx.body) ? ctx.body : {};
    if (body.url !== undefined && !validUrl(body.url)) return badRequest("url must be a valid URL");
    if (body.active !== undefined && typeof body.active !== "boolean") return badRequest("active must be a boolean");
    const events = parseEvents(body.events);
    if (!Array.isArray(events)) return events;
    const action = ctx.query.get("events_action");
    if (action !== null && action !== "add" && action !== "remove") return badRequest("events_action must be add or remove");
    // Aircall's pitfall, kept on purpose: a PUT without `events` re-subscribes to every event.
    if (action === "add" && body.events !== undefined) w.events = [...new Set([...w.events, ...events])];
    else if (action === "remove" && body.events !== undefined) w.events = w.events.filter((e) => !events.includes(e));
    else w.events = events;
    if (typeof body.url === "string") w.url = body.url;
    if (typeof body.custom_name === "string") w.customName = body.custom_name;
    if (typeof body.active === "boolean") {
      w.active = body.active;
      if (body.active) w.consecutiveFailures = 0;
    }
    return { status: 200, body: { webhook: webhookObject(ctx.s, w) } };
  });
  r.delete("/v1/webhooks/:id", (ctx) => {
    const w = findWebhook(ctx);
    if (!w) return notFound("Webhook not found");
    ctx.s.webhooks = ctx.s.webhooks.filter((x) => x !== w);
    return { status: 200 };
  });
}
