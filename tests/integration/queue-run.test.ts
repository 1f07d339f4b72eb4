import type { ServerMessage } from "@dialer/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AdminClient, AgentClient } from "../system/api-client";
import { startSystem, type System } from "../system/start-system";

/** wrangler dev and the simulator as real processes: a 5-number queue dialed to completion. */
let system: System;
beforeAll(async () => {
  system = await startSystem({
    quiet: true,
    sim: { createdDelayMs: 50, ringMs: 300, talkMs: 400, endedDelayMs: 1500 },
  });
});
afterAll(async () => {
  await system?.stop();
});

const numbers = ["+14155550101", "+14155550102", "+442079460958", "+33142685300", "+14155550105"];

describe("a queue dialed end to end through wrangler dev and the Aircall simulator", () => {
  it("dials 5 numbers in order exactly once and records each outcome", async () => {
    const { sim, workerUrl } = system;
    sim.setScript({
      "+14155550101": { outcome: "answered" },
      "+14155550102": { outcome: "no_answer" },
      "+442079460958": { outcome: "answered" },
      "+33142685300": { outcome: "no_answer" },
      "+14155550105": { outcome: "answered" },
    });
    const admin = new AdminClient(workerUrl);
    const { enrollmentCode } = await admin.createAgent(1001, 2001, "Demo Agent");
    const agent = await AgentClient.enroll(workerUrl, enrollmentCode);
    const messages: ServerMessage[] = [];
    const ws = await agent.socket((m) => messages.push(m));

    const items = numbers.map((phone, i) => ({ id: `item-${i + 1}`, phone, name: `Contact ${i + 1}` }));
    const started = await agent.start(items, 1);
    expect(started.status).toBe("dialing");

    const until = Date.now() + 60_000;
    while ((await agent.state()).status !== "completed") {
      if (Date.now() > until) throw new Error(`run did not complete: ${JSON.stringify(await agent.state())}\n${system.logs.join("")}`);
      await new Promise((r) => setTimeout(r, 200));
    }

    const starts = sim.requests().filter((r) => r.method === "POST" && /\/v1\/users\/1001\/calls$/.test(r.path));
    expect(starts.map((r) => (r.body as { to: string }).to)).toEqual(numbers);
    expect(starts.every((r) => r.status === 204)).toBe(true);

    const isEnded = (m: ServerMessage): m is Extract<ServerMessage, { type: "call.ended" }> => m.type === "call.ended";
    // the WebSocket and the HTTP poll are separate connections: give the last push a moment
    for (let i = 0; i < 50 && messages.filter(isEnded).length < 5; i++) await new Promise((r) => setTimeout(r, 100));
    const ended = messages.filter(isEnded);
    expect(ended.map((m) => [m.itemId, m.outcome])).toEqual([
      ["item-1", "answered"],
      ["item-2", "no_answer"],
      ["item-3", "answered"],
      ["item-4", "no_answer"],
      ["item-5", "answered"],
    ]);
    const simCallIds = sim.calls().map((c) => c.id);
    expect(ended.map((m) => m.callId)).toEqual(simCallIds);
    expect(simCallIds.every((id) => BigInt(id!) > 2n ** 53n)).toBe(true);

    // call.ended arrives ~1.5 s after each hang-up here: wait for the history to be final
    const finalUntil = Date.now() + 10_000;
    let history = await agent.history();
    while (history.items.some((h) => !h.final) && Date.now() < finalUntil) {
      await new Promise((r) => setTimeout(r, 200));
      history = await agent.history();
    }
    expect(history.items.map((h) => h.itemId)).toEqual(["item-5", "item-4", "item-3", "item-2", "item-1"]);
    expect(history.items.map((h) => h.outcome)).toEqual(["answered", "no_answer", "answered", "no_answer", "answered"]);
    for (const h of history.items) {
      expect(h.final).toBe(true);
      expect(h.callId).toMatch(/^\d+$/);
      expect(h.durationSeconds).not.toBeNull();
      if (h.outcome === "answered") expect(h.talkSeconds).not.toBeNull();
      else expect(h.talkSeconds).toBeNull();
    }
    const stats = await agent.stats();
    expect(stats).toMatchObject({ calls: 5, answered: 3, noAnswer: 2 });
    ws.close();
  });
});
