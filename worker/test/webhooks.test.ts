import { describe, expect, it } from "vitest";
import { call, callEvent, createAgent, deliver, freshUserId, userEvent, WEBHOOK_TOKEN } from "./helpers";

describe("POST /webhooks/aircall", () => {
  it("401 when the token is wrong or missing", async () => {
    const body = callEvent("call.created", 1, { id: 1, raw_digits: "+1 415-555-0101" });
    expect((await deliver({ ...body, token: "nope" })).status).toBe(401);
    const { token: _t, ...noToken } = body;
    expect((await deliver(noToken)).status).toBe(401);
  });

  it("400 when the body is not JSON or not an Aircall envelope", async () => {
    const notJson = await call("/webhooks/aircall", { method: "POST", headers: { "content-type": "application/json" }, body: "not json" });
    expect(notJson.status).toBe(400);
    const noEvent = await deliver({ token: WEBHOOK_TOKEN, data: {} });
    expect(noEvent.status).toBe(400);
    expect(await noEvent.json()).toMatchObject({ error: { code: "validation_failed" } });
  });

  it("200 for users nobody enrolled, for events the dialer doesn't use, and for duplicates", async () => {
    const stranger = await deliver(callEvent("call.created", freshUserId(), { id: 7, raw_digits: "+1 415-555-0101" }));
    expect(stranger.status).toBe(200);
    expect(await stranger.json()).toEqual({ status: "not_enrolled" });

    const { aircallUserId } = await createAgent();
    const unused = await deliver({ ...callEvent("call.tagged", aircallUserId, { id: 8 }) });
    expect(await unused.json()).toEqual({ status: "ignored" });
    const hungup = callEvent("call.hungup", aircallUserId, { id: 9, raw_digits: "+1 415-555-0101", ended_at: 1 });
    expect(await (await deliver(hungup)).json()).toEqual({ status: "applied" });
    expect(await (await deliver(hungup)).json()).toEqual({ status: "duplicate" });
  });

  it("routes user events by data.id and accepts both spellings", async () => {
    const { aircallUserId } = await createAgent();
    expect(await (await deliver(userEvent("user.opened", aircallUserId, "available"))).json()).toEqual({ status: "applied" });
    expect(await (await deliver(userEvent("user.closed.v2", aircallUserId, "unavailable"))).json()).toEqual({ status: "applied" });
  });

  it("refuses an oversized body", async () => {
    const huge = { ...callEvent("call.created", 1, { id: 1 }), padding: "x".repeat(300 * 1024) };
    expect((await deliver(huge)).status).toBe(413);
  });
});
