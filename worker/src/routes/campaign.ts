import { CampaignPostBody } from "@dialer/shared";
import type { Context, Hono } from "hono";
import * as z from "zod";
import type { AppEnv } from "../app-env";
import { AircallError } from "../aircall/client";
import { DialerCampaign } from "../aircall/dialer-campaign";
import { aircallFor } from "../aircall/factory";
import { requireAgent } from "../auth/middleware";
import { ApiError } from "../lib/errors";
import { dialerFor, directory } from "../lib/stubs";
import { unwrap, valid } from "../lib/validate";

/** The caller's own Aircall dialer campaign (their Aircall user id comes from the access token). */
const campaignOf = (c: Context<AppEnv>) => new DialerCampaign(aircallFor(c.env).http, c.get("agent").uid);

const NONE = "no Aircall Power Dialer campaign for this agent";

/** Statuses of a run that is going (paused included: Resume dials its queue). */
const RUN_GOING = new Set(["dialing", "ringing", "in_call", "wrap_up", "paused"]);

/**
 * Our run and Aircall's Power Dialer never dial the same numbers at once: while a run goes, numbers
 * of its queue (or of its current call) are refused with 409 before anything reaches Aircall.
 */
async function refuseNumbersOfRun(c: Context<AppEnv>, phones: string[]): Promise<void> {
  const agent = c.get("agent");
  const dialer = dialerFor(c.env, agent.uid);
  const state = unwrap(await dialer.snapshot(agent.sub));
  if (!RUN_GOING.has(state.status)) return;
  const inRun = new Set(unwrap(await dialer.pendingItems(agent.sub)).map((i) => i.phone));
  if (state.current?.phone) inRun.add(state.current.phone);
  const clash = phones.filter((p) => inRun.has(p));
  if (clash.length === 0) return;
  const shown = clash.slice(0, 3).join(", ") + (clash.length > 3 ? ", …" : "");
  throw new ApiError("conflict", `${clash.length} of these numbers are in your running queue (${shown}): stop the run before sending them to Aircall's Power Dialer`);
}

/** A token outlives its agent's removal by minutes: the agent's dialer (which the directory keeps in step) says whether it still may. */
async function stillEnrolled(c: Context<AppEnv>): Promise<void> {
  const agent = c.get("agent");
  unwrap(await dialerFor(c.env, agent.uid).snapshot(agent.sub));
}

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
    await refuseNumbersOfRun(c, items.map((i) => i.phone));
    // Aircall's dialer runs no guard of ours: a number on the do-not-call list never reaches it.
    const listed = new Set(await directory(c.env).dncListedOf(items.map((i) => i.phone)));
    const allowed = items.filter((i) => !listed.has(i.phone));
    const refused = [...listed].map((phone) => ({ phone, message: "on the company's do-not-call list: not sent to Aircall" }));
    if (allowed.length === 0) return c.json({ added: 0, alreadyThere: 0, failed: refused });
    const result = await aircall(() => campaignOf(c).add(allowed.map((i) => i.phone)));
    // The agent's dialer records the calls they make from the campaign in Aircall Workspace.
    const agent = c.get("agent");
    await dialerFor(c.env, agent.uid).campaignRemember(agent.sub, allowed);
    return c.json({ ...result, failed: [...refused, ...result.failed] });
  });

  app.get("/api/dialer/campaign", requireAgent, async (c) => {
    await stillEnrolled(c);
    const numbers = await aircall(() => campaignOf(c).list());
    if (!numbers) throw new ApiError("not_found", NONE);
    return c.json({ numbers });
  });

  app.delete("/api/dialer/campaign", requireAgent, async (c) => {
    await stillEnrolled(c);
    const cleared = await aircall(() => campaignOf(c).clear());
    await dialerFor(c.env, c.get("agent").uid).campaignForget(c.get("agent").sub);
    if (cleared && cleared.failed > 0) {
      throw new ApiError("aircall_unavailable", `Aircall kept ${cleared.failed} of ${cleared.failed + cleared.removed} numbers; try again`);
    }
    return c.body(null, 204);
  });
}
