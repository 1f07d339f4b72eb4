import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { START, simWithReceiver, sleep, waitFor } from "./test-helpers";

let t: Awaited<ReturnType<typeof simWithReceiver>>;
beforeAll(async () => {
  t = await simWithReceiver({ ratePerMinute: 1000, listDelayMs: 0 }); // these tests search at once
});
afterEach(() => {
  t.sim.reset();
  t.rec.deliveries.length = 0;
  Object.assign(t.sim.options, { ringMs: 60, talkMs: 60, endedDelayMs: 100 });
});
afterAll(() => t.close());

const dial = () => t.api("POST", "/v1/users/1001/calls", START);

describe("start-call faults (consumed in order, one per request)", () => {
  it("5xx without placing, then 5xx that still placed the call (found by search)", async () => {
    t.sim.pushFaults({ status: 500 }, { status: 503, placeCall: true }, { status: 502 });
    const r500 = await dial();
    expect(r500.status).toBe(500);
    expect(r500.json).toMatchObject({ error: "Internal Server Error" });
    expect(t.sim.calls()).toHaveLength(0);
    const r503 = await dial();
    expect(r503.status).toBe(503);
    expect(t.sim.calls()).toHaveLength(1);
    const found = await t.api("GET", "/v1/calls/search?user_id=1001&phone_number=%2B14155550132&direction=outbound&order=desc&per_page=1");
    expect(found.json.calls[0].id).toBe(t.sim.calls()[0]?.id);
    expect((await dial()).status).toBe(502); // the 3rd fault, even though the user is in a call
    expect((await dial()).status).toBe(405); // queue empty: normal behaviour again
  });

  it("429, 405 and 400 faults answer with their bodies and place nothing", async () => {
    t.sim.pushFaults([{ status: 429 }, { status: 405 }, { status: 400 }]);
    const r429 = await dial();
    expect(r429.status).toBe(429);
    expect(r429.json.error).toBe("Too Many Requests");
    expect(r429.headers.get("x-aircallapi-remaining")).toBe("0");
    expect(r429.headers.get("x-aircallapi-reset")).toMatch(/^\d+$/);
    expect((await dial()).json).toEqual({ error: "Method Not Allowed", troubleshoot: "User not available" });
    const r400 = await dial();
    expect(r400.status).toBe(400);
    expect(r400.json.error).toBe("Bad Request");
    expect(t.sim.calls()).toHaveLength(0);
  });

  it("a slow answer: the call is placed at once, the 204 comes after delayMs", async () => {
    t.sim.options.createdDelayMs = 10;
    t.sim.pushFaults({ delayMs: 300 });
    const started = Date.now();
    const r = await dial();
    expect(r.status).toBe(204);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(t.rec.events()).toContain("call.created"); // before the response arrived
    t.sim.options.createdDelayMs = 20;
  });

  it("a slow 504 that still placed the call, and a 204 that placed nothing", async () => {
    t.sim.pushFaults({ status: 504, delayMs: 100, placeCall: true });
    expect((await dial()).status).toBe(504);
    expect(t.sim.calls()).toHaveLength(1);
    t.sim.reset();
    t.sim.pushFaults({ placeCall: false });
    expect((await dial()).status).toBe(204);
    expect(t.sim.calls()).toHaveLength(0);
  });
});

describe("webhook faults", () => {
  it("drop an event for the next N calls", async () => {
    t.sim.pushFaults({ webhook: "drop", event: "call.answered", calls: 1 });
    await dial();
    await waitFor(() => t.rec.events().includes("call.ended"), 3000, "ended");
    expect(t.rec.events()).toEqual(["call.created", "call.hungup", "call.ended"]);
    expect(t.sim.calls()[0]?.events.find((e) => e.event === "call.answered")?.dropped).toBe(true);
    t.rec.deliveries.length = 0;
    await dial();
    await waitFor(() => t.rec.events().includes("call.ended"), 3000, "ended");
    expect(t.rec.events()).toContain("call.answered");
  });

  it("duplicate every event", async () => {
    t.sim.pushFaults({ webhook: "duplicate" });
    await dial();
    await waitFor(() => t.rec.events().filter((e) => e === "call.ended").length === 2, 3000, "two ended");
    expect(t.rec.events().sort()).toEqual(
      ["call.answered", "call.answered", "call.created", "call.created", "call.ended", "call.ended", "call.hungup", "call.hungup"],
    );
  });

  it("deliver call.ended before call.hungup", async () => {
    t.sim.options.endedDelayMs = 5000;
    t.sim.pushFaults({ webhook: "ended_before_hungup" });
    await dial();
    await waitFor(() => t.rec.events().includes("call.hungup"), 3000, "hungup");
    expect(t.rec.events()).toEqual(["call.created", "call.answered", "call.ended", "call.hungup"]);
    expect(t.rec.deliveries[2]?.body.data).toMatchObject({ status: "done" });
    expect(t.rec.deliveries[2]?.body.data.recording).toMatch(/\.mp3$/);
  });

  it("never end (silent): no call.hungup/ended, but GET /v1/calls/:id shows the end", async () => {
    t.sim.pushFaults({ webhook: "never_end" });
    await dial();
    const id = t.sim.calls()[0]?.id ?? "";
    await waitFor(() => t.sim.call(id)?.status === "done", 3000, "done");
    await sleep(200);
    expect(t.rec.events()).toEqual(["call.created", "call.answered"]);
    expect((await t.api("GET", `/v1/calls/${id}`)).json.call).toMatchObject({ status: "done" });
  });

  it("never end (stuck): stays answered everywhere and the user stays in_call until endCall()", async () => {
    t.sim.pushFaults({ webhook: "never_end", mode: "stuck" });
    await dial();
    const id = t.sim.calls()[0]?.id ?? "";
    await waitFor(() => t.sim.call(id)?.stuck, 3000, "stuck");
    expect((await t.api("GET", `/v1/calls/${id}`)).json.call.status).toBe("answered");
    expect((await t.api("GET", "/v1/users/1001/availability")).json.availability).toBe("in_call");
    expect((await dial()).status).toBe(405);
    await fetch(`${t.sim.url}/_sim/calls/${id}/end`, { method: "POST" });
    await waitFor(() => t.rec.events().includes("call.ended"), 3000, "ended after endCall");
    expect((await t.api("GET", "/v1/users/1001/availability")).json.availability).toBe("available");
  });

  it("never send call.created (for the next call only)", async () => {
    t.sim.pushFaults({ webhook: "no_created" });
    await dial();
    await waitFor(() => t.rec.events().includes("call.ended"), 3000, "ended");
    expect(t.rec.events()).toEqual(["call.answered", "call.hungup", "call.ended"]);
    t.rec.deliveries.length = 0;
    await dial();
    await waitFor(() => t.rec.events().includes("call.created"), 3000, "created on the next call");
  });
});
