import { DialerStartBody, QueuePutBody } from "@dialer/shared";
import type { Context, Hono } from "hono";
import type { AppEnv } from "../app-env";
import { requireAgent } from "../auth/middleware";
import { dialerFor } from "../lib/stubs";
import { unwrap, valid } from "../lib/validate";

const mine = (c: Context<AppEnv>) => {
  const agent = c.get("agent");
  return { id: agent.sub, dialer: dialerFor(c.env, agent.uid) };
};

/** The agent's run: every route acts on the caller's own Durable Object only. */
export function registerDialer(app: Hono<AppEnv>) {
  app.use("/api/dialer/*", requireAgent);
  app.use("/api/dialer", requireAgent);
  app.use("/api/queue", requireAgent);

  app.get("/api/dialer", async (c) => {
    const { id, dialer } = mine(c);
    return c.json(unwrap(await dialer.snapshot(id)));
  });

  app.post("/api/dialer/start", valid("json", DialerStartBody), async (c) => {
    const { id, dialer } = mine(c);
    const body = c.req.valid("json");
    return c.json(unwrap(await dialer.start(id, body.items, body.delaySeconds)));
  });

  for (const command of ["pause", "resume", "stop", "skip"] as const) {
    app.post(`/api/dialer/${command}`, async (c) => {
      const { id, dialer } = mine(c);
      return c.json(unwrap(await dialer.control(id, command)));
    });
  }

  app.get("/api/queue", async (c) => {
    const { id, dialer } = mine(c);
    return c.json({ items: unwrap(await dialer.pendingItems(id)) });
  });

  app.put("/api/queue", valid("json", QueuePutBody), async (c) => {
    const { id, dialer } = mine(c);
    return c.json({ items: unwrap(await dialer.replaceQueue(id, c.req.valid("json").items, c.req.valid("json").baseRev)) });
  });
}
