import { DncAddBody, DncAddResponse, DncListQuery, DncListResponse, DncPhoneParam } from "@dialer/shared";
import type { Hono } from "hono";
import type { AppEnv } from "../app-env";
import { ApiError } from "../lib/errors";
import { directory } from "../lib/stubs";
import { valid } from "../lib/validate";

/**
 * The company's do-not-call list (behind the admin gate of /api/admin/*): page through it, add
 * numbers (≤ 10,000 a request), take one off. Every change is audited by the Directory.
 */
export function registerAdminDnc(app: Hono<AppEnv>) {
  app.get("/api/admin/dnc", valid("query", DncListQuery), async (c) => c.json(DncListResponse.parse(await directory(c.env).dncList(c.req.valid("query")))));

  app.post("/api/admin/dnc", valid("json", DncAddBody), async (c) => {
    const { phones, reason } = c.req.valid("json");
    return c.json(DncAddResponse.parse(await directory(c.env).dncAdd(phones, reason ?? null, c.get("actor"))));
  });

  app.delete("/api/admin/dnc/:phone", valid("param", DncPhoneParam), async (c) => {
    const { phone } = c.req.valid("param");
    if (!(await directory(c.env).dncRemove(phone, c.get("actor")))) throw new ApiError("not_found", `${phone} is not on the do-not-call list`);
    return c.body(null, 204);
  });
}
