import { ConnectBody } from "@dialer/shared";
import type { Hono } from "hono";
import type { AppEnv } from "../app-env";
import { aircallAvailabilities, aircallDirectory, connectAircall } from "../aircall/connect";
import { aircallFor } from "../aircall/factory";
import { valid } from "../lib/validate";

/** Connect Aircall in one step, and the company's users and numbers for enrolment (the CLI holds no Aircall key). */
export function registerAdminConnect(app: Hono<AppEnv>) {
  app.post("/api/admin/connect", valid("json", ConnectBody), async (c) => {
    const url = c.req.valid("json").webhookUrl ?? `${new URL(c.req.url).origin}/webhooks/aircall`;
    return c.json(await connectAircall(c.env, aircallFor(c.env), url, c.get("actor")));
  });

  app.get("/api/admin/aircall/users", async (c) => c.json(await aircallDirectory(aircallFor(c.env))));

  /** Live Aircall availability of every user, for the dashboard (webhooks keep it fresh in between). */
  app.get("/api/admin/aircall/availability", async (c) => c.json(await aircallAvailabilities(aircallFor(c.env))));
}
