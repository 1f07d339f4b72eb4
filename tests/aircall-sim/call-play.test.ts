import { AircallCall, SUBSCRIBED_EVENTS } from "@dialer/shared";
import { afterEach, describe, expect, it } from "vitest";
import { START, simWithReceiver, waitFor, type Delivery } from "./test-helpers";

let t: Awaited<ReturnType<typeof simWithReceiver>> | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const callEvents = (ds: Delivery[]): Delivery[] => ds.filter((d) => d.body.resource === "call");

describe("playing a call", () => {
  it("answered: created → answered → hungup → ended, on time, with the right data", async () => {
    t = await simWithReceiver({ createdDelayMs: 50, ringMs: 150, talkMs: 200, endedDelayMs: 250 });
    const sentAt = Date.now();
    expect((await t.api("POST", "/v1/users/1001/calls", START)).status).toBe(204);
    await waitFor(() => t?.rec.events().includes("call.ended"), 3000, "call.ended");
    const ds = callEvents(t.rec.deliveries);
    expect(ds.map((d) => d.body.event)).toEqual(["call.created", "call.answered", "call.hungup", "call.ended"]);
    const offsets = ds.map((d) => d.at - sentAt);
    const expected = [50, 200, 400, 650];
    offsets.forEach((o, i) => {
      expect(o).toBeGreaterThanOrEqual((expected[i] ?? 0) - 5);
      expect(o).toBeLessThan((expected[i] ?? 0) + 150);
    });
    const [created, answered, hungup, ended] = ds.map((d) => AircallCall.parse(d.body.data));
    expect(created).toMatchObject({ direction: "outbound", status: "initial", answered_at: null, ended_at: null, raw_digits: "+1 415-555-0132" });
    expect(created?.user).toMatchObject({ id: "1001", name: "Demo Agent" });
    expect(created?.user).not.toHaveProperty("wrap_up_time");
    expect(created?.number).toMatchObject({ id: "2001", digits: "+1 555-010-0000", e164_digits: "+15550100000" });
    expect(created?.participants).toEqual([
      { type: "external", phone_number: "+1 415-555-0132" },
      { type: "user", id: "1001", name: "Demo Agent" },
    ]);
    expect(created?.started_at).toBeGreaterThanOrEqual(Math.floor(sentAt / 1000));
    expect(answered).toMatchObject({ status: "answered" });
    expect(answered?.answered_at).toBeGreaterThanOrEqual(created?.started_at ?? 0);
    expect(hungup).toMatchObject({ status: "done" });
    expect(hungup?.duration).toBe((hungup?.ended_at ?? 0) - (hungup?.started_at ?? 0));
    expect(hungup?.recording).toBeNull();
    expect(ended?.recording).toMatch(/\.mp3$/);
    expect(new Set(ds.map((d) => d.body.data.id)).size).toBe(1);
    expect(t.sim.calls()[0]?.events.map((e) => e.event)).toEqual(["call.created", "call.answered", "call.hungup", "call.ended"]);
  });

  it("no_answer: created → hungup (answered_at null) → ended; busy carries its hangup_cause", async () => {
    t = await simWithReceiver({ ringMs: 100, endedDelayMs: 60 });
    t.sim.setScript({ "+14155550132": [{ outcome: "no_answer" }, { outcome: "busy", ringMs: 10 }] });
    await t.api("POST", "/v1/users/1001/calls", START);
    await waitFor(() => t?.rec.events().includes("call.ended"), 3000, "first call.ended");
    const first = callEvents(t.rec.deliveries);
    expect(first.map((d) => d.body.event)).toEqual(["call.created", "call.hungup", "call.ended"]);
    expect(first[1]?.body.data).toMatchObject({ status: "done", answered_at: null, hangup_cause: "no_answer", recording: null });
    expect((first[1]?.at ?? 0) - (first[0]?.at ?? 0)).toBeGreaterThanOrEqual(90);
    await t.api("POST", "/v1/users/1001/calls", START);
    await waitFor(() => t?.rec.events().filter((e) => e === "call.ended").length === 2, 3000, "second call.ended");
    const second = callEvents(t.rec.deliveries).slice(3);
    expect(second[1]?.body.data).toMatchObject({ answered_at: null, hangup_cause: "busy" });
    // the list is used up: the default ("answered") applies again
    await t.api("POST", "/v1/users/1001/calls", START);
    await waitFor(() => t?.rec.events().includes("call.answered"), 3000, "default answered");
  });

  it("per-call timing overrides and a scripted default", async () => {
    t = await simWithReceiver({ ringMs: 40, talkMs: 40, endedDelayMs: 40 });
    t.sim.setScript({ "+1 415-555-0132": { outcome: "answered", talkMs: 300 }, default: { outcome: "no_answer" } });
    await t.api("POST", "/v1/users/1001/calls", START);
    await waitFor(() => t?.rec.events().includes("call.hungup"), 3000, "hungup");
    const ds = callEvents(t.rec.deliveries);
    const gap = (ds.find((d) => d.body.event === "call.hungup")?.at ?? 0) - (ds.find((d) => d.body.event === "call.answered")?.at ?? 0);
    expect(gap).toBeGreaterThanOrEqual(290);
    await waitFor(() => t?.rec.events().includes("call.ended"), 3000, "ended");
    await t.api("POST", "/v1/users/1001/calls", { number_id: 2001, to: "+14155550199" });
    await waitFor(() => t?.sim.calls()[1]?.status === "done", 3000, "second done");
    expect(t.sim.calls()[1]?.outcome).toBe("no_answer");
  });

  it("deliveries carry the token, Aircall's headers, and the five-field envelope", async () => {
    t = await simWithReceiver();
    await t.api("POST", "/v1/users/1001/calls", START);
    await waitFor(() => t?.rec.events().includes("call.created"), 2000, "created");
    const d = t.rec.deliveries[0];
    expect(Object.keys(d?.body ?? {}).sort()).toEqual(["data", "event", "resource", "timestamp", "token"]);
    expect(d?.body).toMatchObject({ resource: "call", event: "call.created", token: "tok-123" });
    expect(d?.headers["content-type"]).toBe("application/json");
    expect(d?.headers["user-agent"]).toMatch(/^axios\/1\./);
    expect(d?.headers["aircall-origin"]).toBe("webhooks");
    expect(Math.abs((d?.body.timestamp ?? 0) - Date.now() / 1000)).toBeLessThan(5);
  });

  it("registered webhooks receive the events they subscribed to, with their own token", async () => {
    t = await simWithReceiver({ webhookUrl: undefined });
    const created = await t.api("POST", "/v1/webhooks", { url: t.rec.url, events: SUBSCRIBED_EVENTS });
    const token = created.json.webhook.token as string;
    await t.api("POST", "/v1/users/1001/calls", START);
    await waitFor(() => t?.rec.events().includes("call.ended"), 3000, "ended");
    expect(t.rec.events()).toEqual(["call.created", "call.answered", "call.hungup", "call.ended"]);
    expect(t.rec.deliveries.every((d) => d.body.token === token)).toBe(true);
    expect(token).not.toBe("tok-123");
  });
});

describe("user availability around calls", () => {
  it("in_call during the call, then after_call_work with user.wut_start.v2 / user.wut_end.v2", async () => {
    t = await simWithReceiver({ wrapUpMs: 150, users: [{ id: 1001, name: "A", email: "a@example.com", wrapUpTime: 15, numbers: [{ id: 2001, digits: "+15550100000" }] }] });
    await t.api("POST", "/v1/users/1001/calls", START);
    expect((await t.api("GET", "/v1/users/1001/availability")).json.availability).toBe("in_call");
    await waitFor(() => t?.rec.events().includes("user.wut_start.v2"), 3000, "wut_start");
    expect((await t.api("GET", "/v1/users/1001/availability")).json.availability).toBe("after_call_work");
    expect((await t.api("POST", "/v1/users/1001/calls", START)).status).toBe(405);
    await waitFor(() => t?.rec.events().includes("user.wut_end.v2"), 3000, "wut_end");
    expect((await t.api("GET", "/v1/users/1001/availability")).json.availability).toBe("available");
    const events = t.rec.events();
    expect(events.indexOf("call.hungup")).toBeLessThan(events.indexOf("user.wut_start.v2"));
    const wut = t.rec.deliveries.find((d) => d.body.event === "user.wut_start.v2");
    expect(wut?.body).toMatchObject({ resource: "user", token: "tok-123", data: { id: 1001, wrap_up_time: 15 } });
    expect(wut?.body.data).not.toHaveProperty("numbers");
    expect(wut?.body.data.direct_link).toContain("/v2/users/1001");
  });

  it("v1 spelling: user.wut_start / user.wut_end with numbers in data", async () => {
    t = await simWithReceiver({ userEventSpelling: "v1", wrapUpMs: 50, users: [{ id: 1001, name: "A", email: "a@example.com", wrapUpTime: 10, numbers: [{ id: 2001, digits: "+15550100000" }] }] });
    await t.api("POST", "/v1/users/1001/calls", START);
    await waitFor(() => t?.rec.events().includes("user.wut_end"), 3000, "wut_end");
    expect(t.rec.events().filter((e) => e.startsWith("user."))).toEqual(["user.wut_start", "user.wut_end"]);
    expect(t.rec.deliveries.find((d) => d.body.event === "user.wut_start")?.body.data).toHaveProperty("numbers");
  });

  it("wrap_up_time 0: straight back to available, no wrap-up events", async () => {
    t = await simWithReceiver();
    await t.api("POST", "/v1/users/1001/calls", START);
    await waitFor(() => t?.rec.events().includes("call.hungup"), 3000, "hungup");
    expect((await t.api("GET", "/v1/users/1001/availability")).json.availability).toBe("available");
    await waitFor(() => t?.rec.events().includes("call.ended"), 3000, "ended");
    expect(t.rec.events().some((e) => e.startsWith("user."))).toBe(false);
  });
});
