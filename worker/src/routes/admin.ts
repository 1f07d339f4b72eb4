import { CreateAgentBody } from "@dialer/shared";
import type { Hono } from "hono";
import type { AppEnv } from "../app-env";
import { directory, dialerFor } from "../lib/stubs";
import { unwrap, valid } from "../lib/validate";
import { forgetRoster } from "../directory/roster";
import { adminGate } from "./admin-auth";
import { registerAdminConnect } from "./admin-connect";
import { registerAdminDnc } from "./admin-dnc";
import { registerAdminDispositions } from "./admin-dispositions";
import { registerAdminDoctor } from "./admin-doctor";
import { registerAdminHistory } from "./admin-history";
import { registerAdminLive } from "./admin-live";
import { registerAdminRecordings } from "./admin-recordings";
import { registerAdminSettings } from "./admin-settings";
import { AgentParam, registerAdminTeam } from "./admin-team";
import { registerAdminWebhookHealth } from "./admin-webhook-health";

/** Everything under /api/admin: agents (here), Aircall connect, team figures, history, audit, live feed. */
export function registerAdmin(app: Hono<AppEnv>) {
  app.use("/api/admin/*", adminGate);

  app.post("/api/admin/agents", valid("json", CreateAgentBody), async (c) => {
    const body = c.req.valid("json");
    const created = unwrap(await directory(c.env).createAgent(body, c.get("actor")));
    const { agent } = created;
    await dialerFor(c.env, agent.aircallUserId).configure({ agentId: agent.agentId, aircallUserId: agent.aircallUserId, numberId: agent.numberId, name: agent.name, enabled: true });
    forgetRoster(); // this isolate routes the new agent's webhooks at once
    return c.json({ agentId: agent.agentId, enrollmentCode: created.code, expiresAt: new Date(created.expiresAt).toISOString() }, 201);
  });

  app.get("/api/admin/agents", async (c) => c.json({ agents: await directory(c.env).listAgents() }));

  app.post("/api/admin/agents/:agentId/code", valid("param", AgentParam), async (c) => {
    const issued = unwrap(await directory(c.env).newCode(c.req.valid("param").agentId, c.get("actor")));
    return c.json({ enrollmentCode: issued.code, expiresAt: new Date(issued.expiresAt).toISOString() });
  });

  app.delete("/api/admin/agents/:agentId", valid("param", AgentParam), async (c) => {
    const agent = unwrap(await directory(c.env).removeAgent(c.req.valid("param").agentId, c.get("actor")));
    forgetRoster();
    await dialerFor(c.env, agent.aircallUserId).disable();
    return c.json({ removed: agent.agentId });
  });

  registerAdminConnect(app);
  registerAdminTeam(app);
  registerAdminHistory(app);
  registerAdminLive(app);
  registerAdminWebhookHealth(app);
  registerAdminSettings(app);
  registerAdminDnc(app);
  registerAdminDispositions(app);
  registerAdminDoctor(app);
  registerAdminRecordings(app);
}
