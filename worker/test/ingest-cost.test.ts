/**
 * What one webhook costs the agent's Durable Object, counted (not timed): SQL statements (and the
 * writes among them), alarm changes and state messages to the Directory's dashboard hub, per event
 * of a call in a run (issue 15). A regression here fails whatever the machine's speed.
 */
import { runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { AgentDialer } from "../src/dialer/agent-dialer";
import { installFakeAircall } from "./fake-aircall";
import { call, callEvent, deliver, dialerStub, enrolledAgent, userEvent, waitFor } from "./helpers";

let aircall: ReturnType<typeof installFakeAircall>;
beforeEach(() => {
  aircall = installFakeAircall();
});
afterEach(() => aircall.restore());

type Counts = { statements: number; writes: number; alarms: number; hub: number; queries: string[] };
type Inner = { store: { sql: SqlStorage }; ctx: DurableObjectState; sendToHub: (...a: unknown[]) => Promise<void>; state: { watchdogAt?: number; status: string } };
const zero = (): Counts => ({ statements: 0, writes: 0, alarms: 0, hub: 0, queries: [] });
const add = (a: Counts, b: Counts): Counts => ({ statements: a.statements + b.statements, writes: a.writes + b.writes, alarms: a.alarms + b.alarms, hub: a.hub + b.hub, queries: [...a.queries, ...b.queries] });

/** Spies on the object's SQL, alarm and hub calls; `take()` returns the counts since the last take. */
async function meter(stub: ReturnType<typeof dialerStub>) {
  let counts = zero();
  await runInDurableObject(stub, async (instance: AgentDialer) => {
    const inner = instance as unknown as Inner;
    const exec = inner.store.sql.exec.bind(inner.store.sql);
    vi.spyOn(inner.store.sql, "exec").mockImplementation(((query: string, ...args: SqlStorageValue[]) => {
      counts.statements++;
      if (/^\s*(INSERT|UPDATE|DELETE|REPLACE)/i.test(query)) counts.writes++;
      counts.queries.push(query.replace(/\s+/g, " ").slice(0, 60));
      return exec(query, ...args);
    }) as SqlStorage["exec"]);
    const storage = inner.ctx.storage;
    const setAlarm = storage.setAlarm.bind(storage);
    const deleteAlarm = storage.deleteAlarm.bind(storage);
    vi.spyOn(storage, "setAlarm").mockImplementation((...a) => (counts.alarms++, setAlarm(...a)));
    vi.spyOn(storage, "deleteAlarm").mockImplementation((...a) => (counts.alarms++, deleteAlarm(...a)));
    const send = inner.sendToHub.bind(instance);
    vi.spyOn(inner, "sendToHub").mockImplementation((...a) => (counts.hub++, send(...a)));
  });
  return {
    take(): Counts {
      const c = counts;
      counts = zero();
      return c;
    },
  };
}

const items = [1, 2, 3].map((i) => ({ id: `i${i}`, phone: `+1415555010${i}`, name: `N${i}` }));

async function dialing() {
  const agent = await enrolledAgent();
  await call("/api/dialer/start", { method: "POST", headers: agent.auth, json: { items, delaySeconds: 0 } });
  await waitFor(() => aircall.starts().length === 1, "first dial");
  const now = Math.floor(Date.now() / 1000);
  return { agent, uid: agent.aircallUserId, stub: dialerStub(agent.aircallUserId), now, data: { id: 501, raw_digits: "+1 415-555-0101", started_at: now } };
}

describe("the cost of one webhook in the agent's Durable Object", () => {
  it("an event is two writes (dedupe key, machine row); alarm and dashboard hub are not touched per event", async () => {
    const { uid, stub, now, data } = await dialing();
    await new Promise((r) => setTimeout(r, 600)); // the start's hub messages are out
    const m = await meter(stub);
    const per: Record<string, Counts> = {};
    const step = async (name: string, body: unknown, expected = "applied") => {
      expect(await (await deliver(body)).json()).toEqual({ status: expected });
      await new Promise((r) => setTimeout(r, 20)); // the work after the 200 (insight card, next dial) settles
      per[name] = add(per[name] ?? zero(), m.take());
    };
    await step("call.created", callEvent("call.created", uid, data));
    await step("call.answered", callEvent("call.answered", uid, { ...data, status: "answered", answered_at: now }));
    await step("user.wut_start", userEvent("user.wut_start", uid, "after_call_work"));
    await step("user.wut_end", userEvent("user.wut_end", uid, "available"));
    await waitFor(() => aircall.seen.some((s) => s.path.includes("/insight_cards")), "insight card sent");
    per["call.created"] = add(per["call.created"]!, m.take());
    const hungup = callEvent("call.hungup", uid, { ...data, status: "done", answered_at: now, ended_at: now + 5 });
    await step("call.hungup", hungup);
    await waitFor(() => aircall.starts().length === 2, "second dial");
    per["call.hungup"] = add(per["call.hungup"]!, m.take());
    await step("call.ended", callEvent("call.ended", uid, { ...data, status: "done", answered_at: now, ended_at: now + 5, duration: 5 }));
    await step("duplicate", hungup, "duplicate");
    await new Promise((r) => setTimeout(r, 600)); // the hub's last message goes out
    per.after = m.take();
    console.log(Object.entries(per).map(([k, c]) => `${k}: ${c.statements} statements (${c.writes} writes), ${c.alarms} alarm changes, ${c.hub} hub messages\n    ${c.queries.join("\n    ")}`).join("\n"));

    const dedupeAndMachine = ["INSERT OR IGNORE INTO inbox (key, received_at) VALUES (?, ?)", "UPDATE kv SET value = ? WHERE key = 'machine'"];
    for (const name of ["call.answered", "user.wut_start", "user.wut_end"]) expect(per[name]!.queries, name).toEqual(dedupeAndMachine);
    expect(per.duplicate!.queries).toEqual(dedupeAndMachine.slice(0, 1));
    // + the row's call id; once per call: the insight card's last note, the campaign check (once per instance)
    expect(per["call.created"]!.writes).toBe(3);
    expect(per["call.created"]!.statements).toBeLessThanOrEqual(6);
    // + the row finished, the next row opened, the next dial (out of the outbox, its result applied)
    expect(per["call.hungup"]!.writes).toBeLessThanOrEqual(6);
    expect(per["call.ended"]!.statements).toBe(3); // + the row's final data
    const total = Object.values(per).reduce(add);
    expect(total.alarms).toBeLessThanOrEqual(Object.keys(per).length); // at most one per event: when the next due time moves
    expect(total.hub).toBeLessThanOrEqual(2); // 6 state changes within the hub's spacing
    expect(total.hub).toBeGreaterThanOrEqual(1);
  });

  it("the alarm follows the next due time when an event moves it later", async () => {
    const { uid, stub, now, data } = await dialing();
    const before = await runInDurableObject(stub, (_i, ctx) => ctx.storage.getAlarm());
    await new Promise((r) => setTimeout(r, 5));
    await deliver(callEvent("call.created", uid, data));
    await deliver(callEvent("call.answered", uid, { ...data, status: "answered", answered_at: now }));
    const watchdogAt = await runInDurableObject(stub, async (i: AgentDialer) => (i as unknown as Inner).state.watchdogAt!);
    expect(watchdogAt).toBeGreaterThan(before!);
    expect(await runInDurableObject(stub, (_i, ctx) => ctx.storage.getAlarm())).toBe(watchdogAt);
  });

  it("an alarm time already past is not trusted to be pending: the next event sets the alarm again", async () => {
    const { uid, stub, now, data } = await dialing();
    await deliver(callEvent("call.created", uid, data));
    // As if the alarm this instance set had fired and been dropped by the runtime.
    await runInDurableObject(stub, async (i: AgentDialer, ctx) => {
      await ctx.storage.deleteAlarm();
      (i as unknown as { alarmAt: number }).alarmAt = Date.now() - 1000;
    });
    await deliver(callEvent("call.answered", uid, { ...data, status: "answered", answered_at: now }));
    const watchdogAt = await runInDurableObject(stub, async (i: AgentDialer) => (i as unknown as Inner).state.watchdogAt!);
    expect(await runInDurableObject(stub, (_i, ctx) => ctx.storage.getAlarm())).toBe(watchdogAt);
  });
});
