/** The control API under /_sim (no auth): state, request log, script, faults, availability, timings, reset. */
import type { IncomingMessage, ServerResponse } from "node:http";
import * as z from "zod";
import { renderControlPage } from "./control-page";
import type { Reply } from "./http";
import { parseBody, readBody } from "./json";
import { AvailabilityBodySchema, FaultsBodySchema, OutageBodySchema, ScriptSchema, WorkspaceBodySchema, zodMessage } from "./schemas";
import { send } from "./server";
import type { Simulator } from "./simulator";
import { stateSnapshot } from "./snapshot";
import type { SimState } from "./state";
import type { Availability, Fault, Script } from "./types";

const ok = (body: unknown = { ok: true }): Reply => ({ status: 200, body });
const bad = (message: string): Reply => ({ status: 400, body: { error: "Bad Request", message } });

export async function handleControl(sim: Simulator, s: SimState, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? "/", "http://sim.local");
  const method = req.method ?? "GET";
  const path = url.pathname.replace(/\/+$/, "") || "/";
  const parsed = parseBody(await readBody(req));
  let reply: Reply;
  if (!parsed.ok) reply = bad("body must be JSON");
  else {
    try {
      reply = route(sim, s, method, path, parsed.value);
    } catch (err) {
      reply = err instanceof z.ZodError ? bad(zodMessage(err)) : bad(err instanceof Error ? err.message : String(err));
    }
  }
  res.setHeader("cache-control", "no-store");
  send(res, reply);
}

function route(sim: Simulator, s: SimState, method: string, path: string, body: unknown): Reply {
  const key = `${method} ${path}`;
  switch (key) {
    case "GET /_sim":
      return { status: 200, text: { contentType: "text/html; charset=utf-8", content: renderControlPage(stateSnapshot(s)) } };
    case "GET /_sim/state":
      return ok({ ...stateSnapshot(s), options: { ...s.options, users: undefined } });
    case "GET /_sim/requests":
      return ok({ requests: sim.requests() });
    case "POST /_sim/script":
      sim.setScript(ScriptSchema.parse(body) as Script);
      return ok({ script: s.script.snapshot() });
    case "POST /_sim/faults":
      sim.pushFaults(FaultsBodySchema.parse(body) as Fault | Fault[]);
      return ok({ faults: s.faults.snapshot() });
    case "POST /_sim/timings":
      sim.setTimings((body ?? {}) as Record<string, unknown>);
      return ok({ options: { ...s.options, users: undefined } });
    case "GET /_sim/pressure":
      return ok(sim.pressure());
    case "POST /_sim/webhooks/outage":
      sim.webhookOutage(OutageBodySchema.parse(body).ms);
      return ok({ until: new Date(s.webhookOutageUntil).toISOString() });
    case "POST /_sim/reset":
      sim.reset();
      return ok();
  }
  const user = /^\/_sim\/users\/(\d+)\/availability$/.exec(path);
  if (user?.[1] && method === "POST") {
    const { availability } = AvailabilityBodySchema.parse(body);
    sim.setAvailability(Number(user[1]), availability as Availability);
    return ok({ users: sim.users() });
  }
  const workspace = /^\/_sim\/users\/(\d+)\/workspace$/.exec(path);
  if (workspace?.[1] && method === "POST") {
    sim.setWorkspace(Number(workspace[1]), WorkspaceBodySchema.parse(body).connected);
    return ok({ users: sim.users() });
  }
  const transfer = /^\/_sim\/calls\/(\d+)\/transfer$/.exec(path);
  if (transfer?.[1] && method === "POST") {
    sim.transferCall(transfer[1]);
    return ok({ call: sim.call(transfer[1]) });
  }
  const end = /^\/_sim\/calls\/(\d+)\/end$/.exec(path);
  if (end?.[1] && method === "POST") {
    sim.endCall(end[1]);
    return ok({ call: sim.call(end[1]) });
  }
  if (method === "GET" && /^\/_sim\/recordings\/\d+\.mp3$/.test(path)) {
    return { status: 200, text: { contentType: "audio/mpeg", content: Buffer.alloc(0) } };
  }
  if (method === "GET" && /^\/_sim\/assets\/\d+$/.test(path)) {
    return { status: 200, text: { contentType: "text/html; charset=utf-8", content: "<p>Simulated call asset</p>" } };
  }
  return { status: 404, body: { error: "Not Found", message: `no control route ${key}` } };
}
