import { DialerStartBody, QueuePutBody, WrapUpBody } from "@dialer/shared";
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
    return c.json(unwrap(await dialer.start(id, body.items, body.delaySeconds, body.requireWrapUp)));
  });

  /** The agent's wrap-up of a call of the last 24 hours (a second one corrects the first). */
  app.post("/api/dialer/wrap-up", valid("json", WrapUpBody), async (c) => {
    const { id, dialer } = mine(c);
    return c.json({ entry: unwrap(await dialer.wrapUp(id, c.req.valid("json"))) });
  });

  /** Numbers the run brings back later (retries, callbacks). */
  app.get("/api/dialer/scheduled", async (c) => {
    const { id, dialer } = mine(c);
    return c.json({ items: unwrap(await dialer.scheduledItems(id)) });
  });

  app.post("/api/dialer/scheduled/:itemId/now", async (c) => {
    const { id, dialer } = mine(c);
    return c.json(unwrap(await dialer.scheduledCommand(id, "scheduled.now", c.req.param("itemId"))));
  });

  app.delete("/api/dialer/scheduled/:itemId", async (c) => {
    const { id, dialer } = mine(c);
    unwrap(await dialer.scheduledCommand(id, "scheduled.drop", c.req.param("itemId")));
    return c.body(null, 204);
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
