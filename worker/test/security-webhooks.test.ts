/**
 * POST /webhooks/aircall's security properties (issue 10), in the style happy / error / security:
 * nothing about a stranger reaches a Durable Object, hostile bodies are a 400 (never a 500), and
 * user events far from now are ignored.
 */
import { env, listDurableObjectIds } from "cloudflare:test";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { installFakeAircall } from "./fake-aircall";
import { call, callEvent, createAgent, deliver, enrolledAgent, freshUserId, userEvent, WEBHOOK_TOKEN } from "./helpers";

const status = async (res: Response) => ((await res.json()) as { status?: string }).status;
const raw = (body: string) => call("/webhooks/aircall", { method: "POST", headers: { "content-type": "application/json" }, body });

let aircall: ReturnType<typeof installFakeAircall>;
beforeEach(() => {
  aircall = installFakeAircall();
});
afterEach(() => aircall.restore());

describe("webhooks about Aircall users nobody enrolled", () => {
  it("happy: an agent created a moment ago gets its events at once", async () => {
    const { aircallUserId } = await createAgent();
    expect(await status(await deliver(userEvent("user.opened", aircallUserId, "available")))).toBe("applied");
  });

  it("security: 200 without creating a Durable Object, for call and user events alike", async () => {
    const before = (await listDurableObjectIds(env.AGENT_DIALER)).length;
    for (let i = 0; i < 20; i++) {
      const uid = freshUserId() + 9_000_000;
      const a = await deliver(callEvent("call.created", uid, { id: 100 + i, raw_digits: "+1 415-555-0101" }));
      expect(a.status).toBe(200);
      expect(await status(a)).toBe("not_enrolled");
      const b = await deliver(userEvent("user.opened", uid, "available"));
      expect(b.status).toBe(200);
    }
    expect((await listDurableObjectIds(env.AGENT_DIALER)).length).toBe(before);
  });

  it("security: a removed agent's events stop at the worker too", async () => {
    const agent = await enrolledAgent();
    expect((await call(`/api/admin/agents/${agent.agentId}`, { method: "DELETE", headers: { authorization: "Bearer test-admin-token-0123456789abcdef" } })).status).toBe(200);
    expect(await status(await deliver(userEvent("user.opened", agent.aircallUserId, "available")))).toBe("not_enrolled");
  });
});

describe("hostile bodies", () => {
  it("happy: a normal delivery with nested call data is accepted", async () => {
    const { aircallUserId } = await createAgent();
    const body = callEvent("call.hungup", aircallUserId, { id: 5, raw_digits: "+1 415-555-0101", ended_at: 1, participants: [{ type: "external", phone_number: "+14155550101" }], contact: { emails: [{ label: "work", value: "a@b.c" }] } });
    expect(await status(await deliver(body))).toBe("applied");
  });

  it("error: a deeply nested body is a 400, never a 500", async () => {
    const deep = `{"resource":"call","event":"call.created","timestamp":1,"token":"${WEBHOOK_TOKEN}","data":${"[".repeat(5000)}${"]".repeat(5000)}}`;
    const res = await raw(deep);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: "bad_request", message: expect.stringContaining("nested") } });
    const deepObject = `{"resource":"call","event":"call.created","timestamp":1,"token":"${WEBHOOK_TOKEN}","data":${'{"a":'.repeat(3000)}1${"}".repeat(3000)}}`;
    expect((await raw(deepObject)).status).toBe(400);
  });

  it("error: absurd keys are a 400, never a 500", async () => {
    const { aircallUserId } = await createAgent();
    const longKey = { ...callEvent("call.created", aircallUserId, { id: 6 }), ["k".repeat(10_000)]: 1 };
    expect((await deliver(longKey)).status).toBe(400);
    const manyKeys = callEvent("call.created", aircallUserId, Object.fromEntries(Array.from({ length: 6_000 }, (_, i) => [`k${i}`, i])));
    expect((await deliver(manyKeys)).status).toBe(400);
  });

  it("security: the bounds are checked before the token (a stranger cannot make the worker parse a bomb)", async () => {
    const res = await raw(`{"token":"nope","data":${"[".repeat(100)}${"]".repeat(100)}}`);
    expect(res.status).toBe(400);
  });
});

describe("user events far outside Aircall's timestamp window", () => {
  const snapshot = async (agent: Awaited<ReturnType<typeof enrolledAgent>>) => (await (await call("/api/dialer", { headers: agent.auth })).json()) as { aircallStatus?: string | null; availability?: string | null };

  it("happy: a user event stamped now is applied", async () => {
    const agent = await enrolledAgent();
    expect(await status(await deliver(userEvent("user.opened", agent.aircallUserId, "available")))).toBe("applied");
  });

  it("security: a user event from over an hour ago, or more than 5 minutes ahead, is answered 200 and ignored", async () => {
    const agent = await enrolledAgent();
    const before = await snapshot(agent);
    const now = Math.floor(Date.now() / 1000);
    for (const timestamp of [now - 2 * 3600, now + 10 * 60, 0]) {
      const res = await deliver({ ...userEvent("user.closed", agent.aircallUserId, "unavailable"), timestamp });
      expect(res.status).toBe(200);
      expect(await status(res)).toBe("ignored");
    }
    expect(await snapshot(agent)).toEqual({ ...before, updatedAt: expect.any(String) });
  });

  it("happy: call events are not held to the window (Aircall retries them for hours)", async () => {
    const { aircallUserId } = await createAgent();
    const late = { ...callEvent("call.hungup", aircallUserId, { id: 44, raw_digits: "+1 415-555-0101", ended_at: 1 }), timestamp: Math.floor(Date.now() / 1000) - 3 * 3600 };
    expect(await status(await deliver(late))).toBe("applied");
  });
});
