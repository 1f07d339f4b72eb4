import { AircallUserParam, ConnectBody } from "@dialer/shared";
import type { Hono } from "hono";
import type { AppEnv } from "../app-env";
import { aircallAvailabilities, aircallDirectory, aircallUser, connectAircall } from "../aircall/connect";
import { aircallFor } from "../aircall/factory";
import { ApiError } from "../lib/errors";
import { valid } from "../lib/validate";

/** Connect Aircall in one step, and the company's users and numbers for enrolment (the CLI holds no Aircall key). */
export function registerAdminConnect(app: Hono<AppEnv>) {
  app.post("/api/admin/connect", valid("json", ConnectBody), async (c) => {
    const url = c.req.valid("json").webhookUrl ?? `${new URL(c.req.url).origin}/webhooks/aircall`;
    return c.json(await connectAircall(c.env, aircallFor(c.env), url, c.get("actor")));
  });

  app.get("/api/admin/aircall/users", async (c) => c.json(await aircallDirectory(aircallFor(c.env))));

  /** One user by Aircall id or email, with their numbers (two V2 requests instead of the whole company). */
  app.get("/api/admin/aircall/users/:idOrEmail", valid("param", AircallUserParam), async (c) => {
    const { idOrEmail } = c.req.valid("param");
    const user = await aircallUser(aircallFor(c.env), idOrEmail);
    if (!user) throw new ApiError("not_found", `Aircall has no user "${idOrEmail}" in this company`);
    return c.json({ user });
  });

  /** Live Aircall availability of every user, for the dashboard (webhooks keep it fresh in between). */
  app.get("/api/admin/aircall/availability", async (c) => c.json(await aircallAvailabilities(aircallFor(c.env))));
}
