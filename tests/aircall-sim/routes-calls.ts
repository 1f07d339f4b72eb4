/** Calls: retrieve, list, search, comment, tag. */
import { digitsOnly } from "@dialer/shared";
import { badRequest, intParam, notFound, type Ctx, type Reply } from "./http";
import { isRecord } from "./json";
import { paginate } from "./pagination";
import { unixSeconds, type CallRecord } from "./records";
import type { Router } from "./router";
import { callObject, callWebhookData } from "./serialize";
import { dispatch } from "./webhook-sender";

export const MAX_COMMENTS = 5;

type Filter = (c: CallRecord) => boolean;

/** from/to (UNIX seconds on started_at) and order, shared by list and search. */
function listCalls(ctx: Ctx, extra: Filter[]): Reply {
  const filters = [...extra];
  for (const key of ["from", "to"] as const) {
    const raw = ctx.query.get(key);
    if (raw === null) continue;
    const v = intParam(raw);
    if (v === undefined) return badRequest(`${key} must be a UNIX timestamp in seconds`);
    filters.push(key === "from" ? (c) => c.startedAt >= v : (c) => c.startedAt <= v);
  }
  const order = ctx.query.get("order") ?? "asc";
  if (order !== "asc" && order !== "desc") return badRequest("order must be asc or desc");
  // Aircall lists a call only some seconds after it exists (listDelayMs + jitter).
  const now = Date.now();
  const calls = [...ctx.s.calls.values()].filter((c) => now >= c.listableAt && filters.every((f) => f(c)));
  calls.sort((a, b) => a.startedAt - b.startedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  if (order === "desc") calls.reverse();
  return paginate(ctx, "calls", calls.map((c) => callObject(ctx.s, c)));
}

function searchFilters(ctx: Ctx): Filter[] | Reply {
  const q = ctx.query;
  const filters: Filter[] = [];
  const userId = q.get("user_id");
  if (userId !== null) {
    const id = intParam(userId);
    if (id === undefined) return badRequest("user_id must be an integer");
    // The agent who placed the call, or the user it was transferred to.
    filters.push((c) => c.userId === id || c.transfer?.toUserId === id);
  }
  const phone = q.get("phone_number");
  if (phone !== null) filters.push((c) => digitsOnly(c.to) === digitsOnly(phone));
  const direction = q.get("direction");
  if (direction !== null) {
    if (direction !== "inbound" && direction !== "outbound") return badRequest("direction must be inbound or outbound");
    filters.push(() => direction === "outbound");
  }
  const tags = [...q.getAll("tags[]"), ...q.getAll("tags")].map((t) => intParam(t));
  if (tags.some((t) => t === undefined)) return badRequest("tags[] must be tag ids");
  if (tags.length > 0) filters.push((c) => tags.every((t) => t !== undefined && c.tagIds.includes(t)));
  return filters;
}

function withCall(handler: (ctx: Ctx, call: CallRecord) => Reply): (ctx: Ctx) => Reply {
  return (ctx) => {
    const call = ctx.s.findCall(ctx.params.id ?? "");
    return call && Date.now() >= call.gettableAt ? handler(ctx, call) : notFound("Call not found");
  };
}

export function registerCallRoutes(r: Router): void {
  r.get("/v1/calls", (ctx) => listCalls(ctx, []));
  r.get("/v1/calls/search", (ctx) => {
    const filters = searchFilters(ctx);
    return Array.isArray(filters) ? listCalls(ctx, filters) : filters;
  });
  r.get("/v1/calls/:id", withCall((ctx, call) => ({ status: 200, body: { call: callObject(ctx.s, call) } })));
  r.post("/v1/calls/:id/comments", withCall((ctx, call) => {
    const content = isRecord(ctx.body) ? ctx.body.content : undefined;
    if (typeof content !== "string" || content.trim() === "") return badRequest("content is required");
    if (call.comments.length >= MAX_COMMENTS) {
      return badRequest(`Maximum of ${MAX_COMMENTS} notes per call reached`);
    }
    call.comments.push({ id: ctx.s.allocateCommentId(), content, postedAt: unixSeconds() });
    notify(ctx, call, "call.commented");
    return { status: 201 };
  }));
  r.post("/v1/calls/:id/tags", withCall((ctx, call) => {
    const tags = isRecord(ctx.body) ? ctx.body.tags : undefined;
    if (!Array.isArray(tags) || tags.length === 0 || !tags.every((t) => Number.isInteger(t))) {
      return badRequest("tags must be a non-empty array of tag ids");
    }
    const ids = tags as number[];
    const unknown = ids.filter((id) => !ctx.s.tags.some((t) => t.id === id));
    if (unknown.length > 0) return badRequest(`Unknown tag id(s): ${unknown.join(", ")}`);
    for (const id of ids) if (!call.tagIds.includes(id)) call.tagIds.push(id);
    notify(ctx, call, "call.tagged");
    return { status: 201 };
  }));
}

function notify(ctx: Ctx, call: CallRecord, event: string): void {
  const callId = call.id.toString();
  call.events.push(dispatch(ctx.s, "call", event, callWebhookData(ctx.s, call), { callId }));
}
