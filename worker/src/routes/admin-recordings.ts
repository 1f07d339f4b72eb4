import type { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../app-env";
import { aircallFor } from "../aircall/factory";
import { AircallError, describe } from "../aircall/client";
import { ApiError } from "../lib/errors";
import { valid } from "../lib/validate";

/**
 * A call's recording for the dashboard. Aircall's recording URLs expire an hour after they are
 * read, so the dashboard never keeps one: pressing Play asks here, and this reads the call from
 * Aircall (GET /v1/calls/:id) at that moment and answers with its current URL.
 */
export const CallParam = z.object({ callId: z.string().regex(/^\d{1,20}$/, "an Aircall call id (digits)") });
const CallRecording = z.object({ call: z.object({ id: z.union([z.number(), z.string()]), recording: z.string().nullable().optional() }) });

/** How long Aircall keeps a direct recording URL valid (its API reference: 1 hour). */
export const RECORDING_URL_TTL_MS = 60 * 60 * 1000;

/** An https URL (Aircall's), or http on this computer (the local simulator); never another scheme. */
function playable(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === "https:" || (u.protocol === "http:" && (u.hostname === "127.0.0.1" || u.hostname === "localhost"));
  } catch {
    return false;
  }
}

export function registerAdminRecordings(app: Hono<AppEnv>) {
  app.get("/api/admin/calls/:callId/recording", valid("param", CallParam), async (c) => {
    const { callId } = c.req.valid("param");
    let res;
    try {
      res = await aircallFor(c.env).http.request("GET", `/v1/calls/${callId}`, { safe: true });
    } catch (err) {
      if (err instanceof AircallError) throw new ApiError("aircall_unavailable", `Aircall could not be reached for this call's recording (${err.message})`);
      throw err;
    }
    if (res.status === 404) throw new ApiError("not_found", "Aircall has no call with this id");
    if (res.status !== 200) throw new ApiError("aircall_unavailable", `Aircall answered ${describe(res)} when asked for this call`);
    const parsed = CallRecording.safeParse(res.body);
    if (!parsed.success) throw new ApiError("aircall_unavailable", "Aircall's answer for this call was not understood");
    const url = parsed.data.call.recording ?? null;
    if (!url || !playable(url)) throw new ApiError("not_found", "This call has no recording in Aircall");
    c.header("cache-control", "no-store");
    return c.json({ callId, url, expiresAt: new Date(Date.now() + RECORDING_URL_TTL_MS).toISOString() });
  });
}
