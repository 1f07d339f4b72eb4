import { exports } from "cloudflare:workers";
import { env } from "cloudflare:test";

export const ADMIN = { authorization: "Bearer test-admin-token-0123456789abcdef" };
export const WEBHOOK_TOKEN = "test-webhook-token";

let nextUser = 5000 + Math.floor(Math.random() * 1000) * 100;
/** A fresh Aircall user id per test: each gets its own Durable Object. */
export const freshUserId = () => ++nextUser;

export function call(path: string, init: RequestInit & { json?: unknown } = {}) {
  const { json, ...rest } = init;
  const headers = new Headers(rest.headers);
  if (json !== undefined) headers.set("content-type", "application/json");
  return exports.default.fetch(new Request(`https://dialer.test${path}`, { ...rest, headers, body: json === undefined ? rest.body : JSON.stringify(json) }));
}

export async function createAgent(aircallUserId = freshUserId(), numberId = 2001, role: "agent" | "admin" = "agent") {
  const res = await call("/api/admin/agents", { method: "POST", headers: ADMIN, json: { aircallUserId, numberId, name: `Agent ${aircallUserId}`, role } });
  if (res.status !== 201) throw new Error(`create agent: ${res.status} ${await res.text()}`);
  return { aircallUserId, numberId, ...((await res.json()) as { agentId: string; enrollmentCode: string; expiresAt: string }) };
}

/**
 * The tests' numbers are fictional and the tests run at any hour: the company's calling hours are
 * opened to the whole day (a compliance test sets its own window).
 */
export async function openCallingHours() {
  const res = await call("/api/admin/settings", { method: "PUT", headers: ADMIN, json: { settings: { callingHours: { start: "00:00", end: "24:00", days: [1, 2, 3, 4, 5, 6, 7] } } } });
  if (res.status !== 200) throw new Error(`open calling hours: ${res.status} ${await res.text()}`);
}

export async function enrolledAgent(role: "agent" | "admin" = "agent") {
  await openCallingHours();
  const agent = await createAgent(undefined, 2001, role);
  const res = await call("/api/auth/enroll", { method: "POST", json: { code: agent.enrollmentCode } });
  const tokens = (await res.json()) as { accessToken: string; refreshToken: string };
  return { ...agent, ...tokens, auth: { authorization: `Bearer ${tokens.accessToken}` } };
}

let seq = 0;
/** An Aircall webhook delivery for a call of `userId`. */
export function callEvent(event: string, userId: number, data: Record<string, unknown>) {
  return {
    resource: "call",
    event,
    timestamp: Math.floor(Date.now() / 1000) + seq++,
    token: WEBHOOK_TOKEN,
    data: { direction: "outbound", status: "initial", user: { id: userId, name: "Agent" }, number: { id: 2001 }, ...data },
  };
}

export function userEvent(event: string, userId: number, availability: string) {
  return { resource: "user", event, timestamp: Math.floor(Date.now() / 1000) + seq++, token: WEBHOOK_TOKEN, data: { id: userId, availability_status: availability, available: availability === "available" } };
}

export const deliver = (body: unknown) => call("/webhooks/aircall", { method: "POST", json: body });

export function dialerStub(aircallUserId: number) {
  return env.AGENT_DIALER.get(env.AGENT_DIALER.idFromName(`user:${aircallUserId}`));
}

export async function waitFor<T>(fn: () => T | Promise<T>, what: string, timeoutMs = 3000): Promise<NonNullable<T>> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v as NonNullable<T>;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
