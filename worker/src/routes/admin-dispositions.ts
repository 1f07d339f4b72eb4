import { DispositionsBody } from "@dialer/shared";
import type { Hono } from "hono";
import type { AppEnv } from "../app-env";
import { requireAgent } from "../auth/middleware";
import { directory } from "../lib/stubs";
import { valid } from "../lib/validate";

/**
 * The wrap-up choices agents pick from after each call; each writes its Aircall tag on the call.
 * Admins read and replace them; agents read them (GET /api/dispositions) to show the choices.
 */
export function registerAdminDispositions(app: Hono<AppEnv>) {
  app.get("/api/dispositions", requireAgent, async (c) => c.json({ dispositions: await directory(c.env).dispositions() }));

  app.get("/api/admin/dispositions", async (c) => c.json({ dispositions: await directory(c.env).dispositions() }));

  app.put("/api/admin/dispositions", valid("json", DispositionsBody), async (c) =>
    c.json({ dispositions: await directory(c.env).putDispositions(c.req.valid("json").dispositions, c.get("actor")) }),
  );
}
