import { PutSettingsBody } from "@dialer/shared";
import type { Hono } from "hono";
import type { AppEnv } from "../app-env";
import { directory } from "../lib/stubs";
import { valid } from "../lib/validate";

/** The company's settings: `historyRetentionMonths` (call history and audit older than that are deleted nightly). */
export function registerAdminSettings(app: Hono<AppEnv>) {
  app.get("/api/admin/settings", async (c) => c.json({ settings: await directory(c.env).getAdminSettings() }));

  app.put("/api/admin/settings", valid("json", PutSettingsBody), async (c) => {
    const settings = await directory(c.env).putAdminSettings(c.req.valid("json").settings, c.get("actor"));
    // local presence switched on: read the agents' Aircall numbers now rather than at their first dial
    if (c.req.valid("json").settings.localPresence === true) c.executionCtx.waitUntil(directory(c.env).refreshAllCallerNumbers());
    return c.json({ settings });
  });
}
