/**
 * A removed agent's access token (valid for minutes after the removal) no longer reads or clears
 * the Aircall campaign: the agent's dialer is asked before anything reaches Aircall.
 */
import { afterEach, beforeEach, expect, it } from "vitest";
import { installFakeAircall } from "./fake-aircall";
import { ADMIN, call, enrolledAgent } from "./helpers";

let aircall: ReturnType<typeof installFakeAircall>;
beforeEach(() => {
  aircall = installFakeAircall();
  aircall.routeMatching("GET", /^\/v1\/users\/\d+\/dialer_campaign\/phone_numbers$/, () =>
    Response.json({ numbers: [{ id: 1, number: "+14155550101", called: false, created_at: new Date().toISOString() }] }),
  );
  aircall.routeMatching("DELETE", /^\/v1\/users\/\d+\/dialer_campaign\/phone_numbers\/\d+$/, () => new Response(null, { status: 204 }));
});
afterEach(() => aircall.restore());

it("a removed agent's token no longer reads or clears the Aircall campaign", async () => {
  const agent = await enrolledAgent();
  expect((await call(`/api/admin/agents/${agent.agentId}`, { method: "DELETE", headers: ADMIN })).status).toBe(200);
  const read = await call("/api/dialer/campaign", { headers: agent.auth });
  const cleared = await call("/api/dialer/campaign", { method: "DELETE", headers: agent.auth });
  const deletes = aircall.seen.filter((s) => s.method === "DELETE" && s.path.includes("/dialer_campaign"));
  expect({ read: read.status, deletesSentToAircall: deletes.length }).toEqual({ read: 403, deletesSentToAircall: 0 });
  expect([401, 403]).toContain(cleared.status);
});
