/** Aircall's list envelope: {"meta": {...}, "<plural>": [...]}; per_page 20 by default, 50 max. */
import type { Ctx, Reply } from "./http";
import { badRequest, intParam } from "./http";

export const DEFAULT_PER_PAGE = 20;
export const MAX_PER_PAGE = 50;

export function paginate(ctx: Ctx, key: string, items: unknown[]): Reply {
  const rawPage = ctx.query.get("page");
  const rawPer = ctx.query.get("per_page");
  const page = rawPage === null ? 1 : intParam(rawPage);
  const perPage = rawPer === null ? DEFAULT_PER_PAGE : intParam(rawPer);
  if (page === undefined || page < 1) return badRequest("page must be a positive integer");
  if (perPage === undefined || perPage < 1) return badRequest("per_page must be a positive integer");
  const per = Math.min(perPage, MAX_PER_PAGE);
  const slice = items.slice((page - 1) * per, page * per);
  const link = (p: number): string => {
    const q = new URLSearchParams(ctx.query);
    q.set("page", String(p));
    q.set("per_page", String(per));
    return `${ctx.s.baseUrl}${ctx.path}?${q.toString()}`;
  };
  const meta = {
    count: slice.length,
    total: items.length,
    current_page: page,
    per_page: per,
    next_page_link: page * per < items.length ? link(page + 1) : null,
    previous_page_link: page > 1 ? link(page - 1) : null,
  };
  return { status: 200, body: { meta, [key]: slice } };
}
