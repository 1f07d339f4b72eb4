/**
 * Writing to Aircall besides calls themselves: tags (GET/POST /v1/tags, GET/DELETE /v1/tags/:id;
 * names unique company-wide) and Insight Cards on a live call (POST /v1/calls/:id/insight_cards,
 * 201 while the call is live, 400 once it ended, under 10 KB). Comments and tags on a call are in
 * routes-calls.ts; they show in GET /v1/calls/:id and in call.ended.
 */
import { badRequest, intParam, notFound, type Ctx, type Reply } from "./http";
import { isRecord } from "./json";
import type { TagRecord } from "./records";
import type { Router } from "./router";

export const INSIGHT_CARD_MAX_BYTES = 10 * 1024;
const CARD_LINE_TYPES = new Set(["title", "shortText", "user"]);
const DEFAULT_TAG_COLOR = "#7A7A7A";

export interface InsightCardRecord {
  callId: string;
  contents: unknown[];
  postedAt: number;
}

declare module "./state" {
  interface SimState {
    /** Insight Cards posted to calls, in order (Aircall shows them in Workspace; the API cannot read them back). */
    insightCards?: InsightCardRecord[];
    /** The last tag id handed out (ids are never reused, even after a DELETE). */
    lastTagId?: number;
  }
}

const tagObject = (t: TagRecord) => ({ id: t.id, name: t.name, color: t.color, description: null });
const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

function findTag(ctx: Ctx): TagRecord | undefined {
  const id = intParam(ctx.params.id);
  return id === undefined ? undefined : ctx.s.tags.find((t) => t.id === id);
}

function createTag(ctx: Ctx): Reply {
  const body = isRecord(ctx.body) ? ctx.body : {};
  const name = typeof body.name === "string" ? body.name.trim() : "";
  if (!name) return badRequest("name is required");
  if (name.length > 64) return badRequest("name is too long (64 characters at most)");
  const color = body.color === undefined ? DEFAULT_TAG_COLOR : body.color;
  if (typeof color !== "string" || !/^#[0-9a-fA-F]{6}$/.test(color)) return badRequest("color must be a hex color like #00B388");
  if (ctx.s.tags.some((t) => sameName(t.name, name))) return badRequest("Name has already been taken");
  const id = Math.max(ctx.s.lastTagId ?? 0, ...ctx.s.tags.map((t) => t.id)) + 1;
  ctx.s.lastTagId = id;
  const tag: TagRecord = { id, name, color };
  ctx.s.tags.push(tag);
  return { status: 201, body: { tag: tagObject(tag) } };
}

function postInsightCard(ctx: Ctx): Reply {
  const call = ctx.s.findCall(ctx.params.id ?? "");
  if (!call || Date.now() < call.gettableAt) return notFound("Call not found");
  if (call.status === "done") return badRequest("Insight cards can only be posted to ongoing calls");
  const contents = isRecord(ctx.body) ? ctx.body.contents : undefined;
  if (!Array.isArray(contents) || contents.length === 0) return badRequest("contents must be a non-empty array");
  for (const line of contents) {
    if (!isRecord(line) || typeof line.type !== "string" || !CARD_LINE_TYPES.has(line.type)) return badRequest("each content needs a type: title, shortText or user");
    if (line.type !== "user" && typeof line.text !== "string") return badRequest(`a ${line.type} content needs a text`);
  }
  if (Buffer.byteLength(JSON.stringify(ctx.body), "utf8") >= INSIGHT_CARD_MAX_BYTES) return badRequest("Insight card payload must be under 10KB");
  (ctx.s.insightCards ??= []).push({ callId: call.id.toString(), contents, postedAt: Date.now() });
  return { status: 201 };
}

export function registerCallWriteRoutes(r: Router): void {
  // GET /v1/tags (paginated) is in routes-users.ts.
  r.post("/v1/tags", createTag);
  r.get("/v1/tags/:id", (ctx) => {
    const t = findTag(ctx);
    return t ? { status: 200, body: { tag: tagObject(t) } } : notFound("Tag not found");
  });
  r.delete("/v1/tags/:id", (ctx) => {
    const t = findTag(ctx);
    if (!t) return notFound("Tag not found");
    ctx.s.tags = ctx.s.tags.filter((x) => x !== t);
    return { status: 204 };
  });
  r.post("/v1/calls/:id/insight_cards", postInsightCard);
}
