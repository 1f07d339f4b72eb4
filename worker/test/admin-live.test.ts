import { AdminServerMessage } from "@dialer/shared";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { installFakeAircall } from "./fake-aircall";
import { ADMIN, call, callEvent, createAgent, deliver, enrolledAgent, waitFor } from "./helpers";

let aircall: ReturnType<typeof installFakeAircall>;
beforeEach(() => {
  aircall = installFakeAircall();
});
afterEach(() => aircall.restore());

async function ticket(headers: Record<string, string> = ADMIN) {
  const res = await call("/api/admin/ws-ticket", { method: "POST", headers });
  expect(res.status).toBe(200);
  return ((await res.json()) as { ticket: string }).ticket;
}

async function adminSocket(t?: string) {
  const res = await call(`/api/admin/ws?ticket=${t ?? (await ticket())}`, { headers: { upgrade: "websocket" } });
  expect(res.status).toBe(101);
  const ws = res.webSocket!;
  const messages: AdminServerMessage[] = [];
  ws.addEventListener("message", (e) => {
    messages.push(AdminServerMessage.parse(JSON.parse(e.data as string)));
  });
  ws.accept();
  return { ws, messages };
}

describe("the dashboard hub (admin WebSocket)", () => {
  it("an agent's state change reaches an admin WebSocket", async () => {
    const agent = await enrolledAgent();
    const { ws, messages } = await adminSocket();
    await call("/api/dialer/start", { method: "POST", headers: agent.auth, json: { items: [{ id: "a", phone: "+14155550101" }], delaySeconds: 0 } });
    const dialing = await waitFor(() => messages.find((m) => m.type === "agent.state" && m.agentId === agent.agentId && m.state.status === "dialing"), "dialing on the admin socket");
    expect(dialing).toMatchObject({ state: { remaining: 0, current: { itemId: "a", phone: "+14155550101" } } });
    await waitFor(() => aircall.starts().length === 1, "start-call");
    await deliver(callEvent("call.created", agent.aircallUserId, { id: 77, raw_digits: "+1 415-555-0101", started_at: Math.floor(Date.now() / 1000) }));
    await waitFor(() => messages.find((m) => m.type === "agent.state" && m.agentId === agent.agentId && m.state.status === "ringing"), "ringing on the admin socket");
    ws.close(1000, "done");
  });

  it("says when the team changes (agent added or removed)", async () => {
    const { ws, messages } = await adminSocket();
    const agent = await createAgent();
    await waitFor(() => messages.some((m) => m.type === "team.changed"), "team.changed after create");
    messages.length = 0;
    await call(`/api/admin/agents/${agent.agentId}`, { method: "DELETE", headers: ADMIN });
    await waitFor(() => messages.some((m) => m.type === "team.changed"), "team.changed after remove");
    ws.close(1000, "done");
  });

  it("tickets are single use, needed, and only for admins", async () => {
    const t = await ticket();
    await adminSocket(t);
    const reused = await call(`/api/admin/ws?ticket=${t}`, { headers: { upgrade: "websocket" } });
    expect(reused.status).toBe(401);
    expect(await reused.json()).toMatchObject({ error: { code: "unauthorized" } });
    expect((await call("/api/admin/ws", { headers: { upgrade: "websocket" } })).status).toBe(401);
    expect((await call("/api/admin/ws?ticket=AAAAAAAAAAAAAAAAAAAAAAAA", { headers: { upgrade: "websocket" } })).status).toBe(401);
    expect((await call("/api/admin/ws-ticket", { method: "POST" })).status).toBe(401);
    const agent = await enrolledAgent();
    expect((await call("/api/admin/ws-ticket", { method: "POST", headers: agent.auth })).status).toBe(403);
  });

  it("an admin's access token works too (the dashboard accepts either)", async () => {
    const admin = await enrolledAgent("admin");
    await adminSocket(await ticket(admin.auth));
  });

  it("a burst of webhooks ends with the agent's latest state on the admin socket (one Directory call at a time)", async () => {
    const agent = await enrolledAgent();
    const { ws, messages } = await adminSocket();
    await call("/api/dialer/start", { method: "POST", headers: agent.auth, json: { items: [{ id: "a", phone: "+14155550101" }, { id: "b", phone: "+14155550102" }], delaySeconds: 0 } });
    await waitFor(() => aircall.starts().length === 1, "start-call");
    const now = Math.floor(Date.now() / 1000);
    const data = { id: 78, raw_digits: "+1 415-555-0101", started_at: now };
    // Sent together: the states pass ringing → in call → …; the last message must be the last state.
    await Promise.all([
      deliver(callEvent("call.created", agent.aircallUserId, data)),
      deliver(callEvent("call.answered", agent.aircallUserId, { ...data, status: "answered", answered_at: now })),
    ]);
    const state = (await (await call("/api/dialer", { headers: agent.auth })).json()) as { status: string };
    const mine = () => messages.filter((m) => m.type === "agent.state" && m.agentId === agent.agentId) as Extract<AdminServerMessage, { type: "agent.state" }>[];
    await waitFor(() => mine().at(-1)?.state.status === state.status, `the latest state (${state.status}) last on the admin socket`);
    expect(state.status).not.toBe("dialing");
    ws.close(1000, "done");
  });
});
