/**
 * Numbers the compliance guard refuses take no slot of the company's Aircall budget: the guard is
 * asked before the slot is reserved. A queue of do-not-call or out-of-hours numbers must not eat the
 * budget other agents' start-calls and searches wait for.
 */
import { env, runInDurableObject } from "cloudflare:test";
import { afterEach, beforeEach, expect, it } from "vitest";
import { installFakeAircall } from "./fake-aircall";
import { ADMIN, call, enrolledAgent, waitFor } from "./helpers";

let aircall: ReturnType<typeof installFakeAircall>;
beforeEach(() => {
  aircall = installFakeAircall();
});
afterEach(() => aircall.restore());

const limiter = () => env.RATE_LIMITER.get(env.RATE_LIMITER.idFromName("company"));
const reservedSince = (t: number) =>
  runInDurableObject(limiter(), async (_i, ctx) => ((await ctx.storage.get<{ times: number[] }>("window"))?.times ?? []).filter((x) => x >= t).length);

it("numbers refused by the guard take no slot of the company's Aircall budget", async () => {
  const base = 1_000_000 + Math.floor(Math.random() * 8_000_000);
  const phones = Array.from({ length: 8 }, (_, i) => `+1212${String(base + i).padStart(7, "0")}`);
  expect((await call("/api/admin/dnc", { method: "POST", headers: ADMIN, json: { phones, reason: "review" } })).status).toBe(200);
  const agent = await enrolledAgent();
  const t0 = Date.now();
  const start = await call("/api/dialer/start", { method: "POST", headers: agent.auth, json: { items: phones.map((phone, i) => ({ id: `g${i}`, phone })), delaySeconds: 0 } });
  expect(start.status).toBe(200);
  await waitFor(async () => ((await (await call("/api/dialer", { headers: agent.auth })).json()) as { status: string }).status === "completed", "the run to complete", 10_000);
  expect(aircall.starts()).toEqual([]); // nothing was dialed (the guard works)…
  expect(await reservedSince(t0), "…yet the company's rate window holds one reservation per refused number").toBe(0);
});
