import { CampaignPostBody } from "@dialer/shared";
import type { Context, Hono } from "hono";
import * as z from "zod";
import type { AppEnv } from "../app-env";
import { AircallError } from "../aircall/client";
import { DialerCampaign } from "../aircall/dialer-campaign";
import { aircallFor } from "../aircall/factory";
import { requireAgent } from "../auth/middleware";
import { ApiError } from "../lib/errors";
import { dialerFor } from "../lib/stubs";
import { valid } from "../lib/validate";

/** The caller's own Aircall dialer campaign (their Aircall user id comes from the access token). */
const campaignOf = (c: Context<AppEnv>) => new DialerCampaign(aircallFor(c.env).http, c.get("agent").uid);

const NONE = "no Aircall Power Dialer campaign for this agent";

/** Aircall's failures as API errors: refused credentials, or Aircall not answering properly. */
async function aircall<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof z.ZodError) throw new ApiError("aircall_unavailable", "Aircall answered the campaign request in an unexpected shape");
    if (!(err instanceof AircallError)) throw err;
    if (err.status === 401 || err.status === 403) throw new ApiError("aircall_refused", `Aircall refused the worker's API key (${err.message})`);
    throw new ApiError("aircall_unavailable", `Aircall is not answering properly: ${err.message}`);
  }
}

/** Aircall's own Power Dialer: fill, read and clear the agent's dialer campaign. */
export function registerCampaign(app: Hono<AppEnv>) {
  app.post("/api/dialer/campaign", requireAgent, valid("json", CampaignPostBody), async (c) => {
    const items = c.req.valid("json").items;
    const result = await aircall(() => campaignOf(c).add(items.map((i) => i.phone)));
    // The agent's dialer records the calls they make from the campaign in Aircall Workspace.
    const agent = c.get("agent");
    await dialerFor(c.env, agent.uid).campaignRemember(agent.sub, items);
    return c.json(result);
  });

  app.get("/api/dialer/campaign", requireAgent, async (c) => {
    const numbers = await aircall(() => campaignOf(c).list());
    if (!numbers) throw new ApiError("not_found", NONE);
    return c.json({ numbers });
  });

  app.delete("/api/dialer/campaign", requireAgent, async (c) => {
    const cleared = await aircall(() => campaignOf(c).clear());
    await dialerFor(c.env, c.get("agent").uid).campaignForget(c.get("agent").sub);
    if (cleared && cleared.failed > 0) {
      throw new ApiError("aircall_unavailable", `Aircall kept ${cleared.failed} of ${cleared.failed + cleared.removed} numbers; try again`);
    }
    return c.body(null, 204);
  });
}
