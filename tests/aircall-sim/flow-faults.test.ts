import { afterEach, describe, expect, it } from "vitest";
import { TRANSFER_TARGET } from "./call-player";
import { UNKNOWN } from "./serialize";
import { START, simWithReceiver, sleep, waitFor } from "./test-helpers";

let t: Awaited<ReturnType<typeof simWithReceiver>> | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const dial = () => t!.api("POST", "/v1/users/1001/calls", START);
const control = async (path: string, body: unknown) => {
  const res = await fetch(`${t!.sim.url}/_sim${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  return { status: res.status, json: await res.json() };
};
const callEvents = () => t!.rec.events().filter((e) => e.startsWith("call."));

describe("webhook faults: drop, duplicate, delay, reorder (queued or drawn from faultRates)", () => {
  it("faultRates.webhookDrop 1: no call event is sent, each is recorded as dropped", async () => {
    t = await simWithReceiver({ faultRates: { webhookDrop: 1 } });
    await dial();
    await waitFor(() => t!.sim.calls()[0]?.events.some((e) => e.event === "call.ended"), 3000, "call.ended");
    expect(callEvents()).toEqual([]);
    expect(t.sim.calls()[0]!.events.every((e) => e.dropped)).toBe(true);
  });

  it("faultRates.webhookDuplicate 1: every call event arrives twice", async () => {
    t = await simWithReceiver({ faultRates: { webhookDuplicate: 1 } });
    await dial();
    await waitFor(() => callEvents().filter((e) => e === "call.ended").length === 2, 3000, "two call.ended");
    expect(callEvents().filter((e) => e === "call.created")).toHaveLength(2);
  });

  it("a 'delay' fault holds each event back up to maxMs (the payload is the data as it was)", async () => {
    t = await simWithReceiver({ seed: 3 });
    t.sim.pushFaults({ webhook: "delay", maxMs: 400 });
    await dial();
    await waitFor(() => callEvents().length === 4, 4000, "all four call events");
    const recorded = t.sim.calls()[0]!.events;
    expect(recorded.some((e) => (e.delayedMs ?? 0) > 0)).toBe(true);
    const created = t.rec.deliveries.find((d) => d.body.event === "call.created")!;
    expect(created.body.data.status).toBe("initial");
  });

  it("'reorder' on an answered call: call.hungup arrives before call.answered", async () => {
    t = await simWithReceiver();
    t.sim.pushFaults({ webhook: "reorder" });
    await dial();
    await waitFor(() => callEvents().includes("call.answered"), 3000, "call.answered");
    const ev = callEvents();
    expect(ev.indexOf("call.hungup")).toBeLessThan(ev.indexOf("call.answered"));
    const answered = t.rec.deliveries.find((d) => d.body.event === "call.answered")!;
    expect(answered.body.data.status).toBe("answered"); // generated at the answer, delivered late
  });

  it("'reorder' on a call nobody answered: call.ended arrives before call.hungup", async () => {
    t = await simWithReceiver({ faultRates: { webhookReorder: 1 } });
    t.sim.setScript({ default: { outcome: "no_answer" } });
    await dial();
    await waitFor(() => callEvents().includes("call.hungup"), 3000, "call.hungup");
    const ev = callEvents();
    expect(ev.indexOf("call.ended")).toBeLessThan(ev.indexOf("call.hungup"));
  });
});

describe("the agent leaves the flow", () => {
  it("transfer: call.transferred moves the call to another user; the agent is free again at once", async () => {
    t = await simWithReceiver({ talkMs: 600 });
    t.sim.pushFaults({ webhook: "transfer", afterMs: 100 });
    await dial();
    await waitFor(() => callEvents().includes("call.transferred"), 3000, "call.transferred");
    const tr = t.rec.deliveries.find((d) => d.body.event === "call.transferred")!;
    expect(tr.body.data).toMatchObject({ status: "answered", user: { id: TRANSFER_TARGET.id }, transferred_by: { id: 1001 }, transferred_to: { id: TRANSFER_TARGET.id } });
    expect((await t.api("GET", "/v1/users/1001/availability")).json.availability).toBe("available");
    expect(t.sim.calls()[0]!.status).toBe("answered"); // the call goes on with the colleague
    await waitFor(() => callEvents().includes("call.hungup"), 3000, "call.hungup");
    const hungup = t.rec.deliveries.find((d) => d.body.event === "call.hungup")!;
    expect(hungup.body.data).toMatchObject({ user: { id: TRANSFER_TARGET.id } });
    const found = await t.api("GET", `/v1/calls/${t.sim.calls()[0]!.id}`);
    expect(found.json.call.transferred_by.id).toBe(1001);
  });

  it("transfer: the hang-up of a transferred call leaves the agent's next call alone", async () => {
    t = await simWithReceiver({ talkMs: 500, ringMs: 30 });
    await dial();
    await waitFor(() => t!.sim.calls()[0]?.status === "answered", 2000, "answered");
    expect((await control(`/calls/${t.sim.calls()[0]!.id}/transfer`, {})).status).toBe(200);
    expect((await dial()).status).toBe(204); // the agent dials again while the colleague talks
    await waitFor(() => t!.sim.calls()[0]?.status === "done", 2000, "the transferred call ends");
    expect(t.sim.calls()[1]!.status).not.toBe("done");
    expect((await t.api("GET", "/v1/users/1001/availability")).json.availability).toBe("in_call");
    expect((await control(`/calls/${t.sim.calls()[0]!.id}/transfer`, {})).status).toBe(400); // already done
  });

  it("Workspace closed mid-run: user.disconnected, start-call 405; opened again: user.connected, 204", async () => {
    t = await simWithReceiver();
    expect((await control("/users/1001/workspace", { connected: false })).status).toBe(200);
    await waitFor(() => t!.rec.events().includes("user.disconnected.v2"), 2000, "user.disconnected.v2");
    const r = await dial();
    expect(r.status).toBe(405);
    expect(r.json).toEqual({ error: "Method Not Allowed", troubleshoot: "User not available" });
    expect((await t.api("GET", "/v1/users/1001/availability")).json.availability).toBe("offline");
    await control("/users/1001/workspace", { connected: true });
    await waitFor(() => t!.rec.events().includes("user.connected.v2"), 2000, "user.connected.v2");
    expect((await dial()).status).toBe(204);
    expect((await control("/users/1001/workspace", { connected: "no" })).status).toBe(400);
  });
});

describe("unknown values in call fields", () => {
  it("an 'unknown_values' call: an unexpected status on call.created, a new hangup_cause, a new field", async () => {
    t = await simWithReceiver();
    t.sim.setScript({ default: { outcome: "busy" } });
    t.sim.pushFaults({ webhook: "unknown_values" });
    await dial();
    await waitFor(() => callEvents().includes("call.ended"), 3000, "call.ended");
    const by = (e: string) => t!.rec.deliveries.find((d) => d.body.event === e)!.body.data;
    expect(by("call.created").status).toBe(UNKNOWN.createdStatus);
    expect(by("call.hungup").hangup_cause).toBe(UNKNOWN.hangupCause);
    expect(by("call.ended")).toHaveProperty(UNKNOWN.field);
  });
});

describe("a registered webhook that keeps failing is disabled; PUT active:true re-enables it", () => {
  it("10 failed deliveries in a row disable it; GET shows active:false; PUT {active:true} turns it back on", async () => {
    t = await simWithReceiver({ webhookUrl: undefined, webhookRetries: 0 });
    const created = await t.api("POST", "/v1/webhooks", { url: t.rec.url, events: ["call.created", "call.answered", "call.hungup", "call.ended"] });
    const id = created.json.webhook.webhook_id;
    expect((await control("/webhooks/outage", { ms: 10_000 })).status).toBe(200);
    for (let i = 0; i < 3; i++) {
      await dial(); // 4 events each: 12 deliveries would fail, the 10th disables the webhook
      await waitFor(() => t!.sim.calls()[i]?.events.some((e) => e.event === "call.ended"), 3000, "call.ended");
    }
    await waitFor(() => t!.sim.state().counters.webhookFailures >= 10, 2000, "10 failures");
    const after = await t.api("GET", `/v1/webhooks/${id}`);
    expect(after.json.webhook.active).toBe(false);
    expect(t.rec.deliveries).toHaveLength(0);
    await control("/webhooks/outage", { ms: 0 });
    await dial(); // a disabled webhook gets nothing
    await sleep(300);
    expect(t.rec.deliveries).toHaveLength(0);
    expect((await t.api("PUT", `/v1/webhooks/${id}`, { active: true, events: ["call.created"] })).json.webhook.active).toBe(true);
    await waitFor(() => t!.sim.calls()[3]?.status === "done", 2000, "the call ends");
    await dial();
    await waitFor(() => t!.rec.events().includes("call.created"), 2000, "a delivery after re-enabling");
  });
});
