import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { START, simWithReceiver, waitFor } from "./test-helpers";

let t: Awaited<ReturnType<typeof simWithReceiver>>;
beforeAll(async () => {
  t = await simWithReceiver({
    users: [
      { id: 1001, name: "Demo Agent", email: "demo.agent@example.com", numbers: [{ id: 2001, digits: "+1 555-010-0000" }] },
      { id: 1002, name: "Other", email: "other@example.com", numbers: [{ id: 2002, digits: "+15550100001" }] },
    ],
  });
});
afterEach(() => t.sim.reset());
afterAll(() => t.close());

describe("POST /v1/users/:id/calls", () => {
  it("answers 204 with an empty body and no call id, then plays the call", async () => {
    const r = await t.api("POST", "/v1/users/1001/calls", START);
    expect(r.status).toBe(204);
    expect(r.text).toBe("");
    expect(r.headers.get("content-type")).toBeNull();
    expect(r.headers.get("location")).toBeNull();
    expect(t.sim.calls()).toHaveLength(1);
    await waitFor(() => t.rec.events().includes("call.created"), 2000, "call.created");
  });

  it("400 with {error, troubleshoot} for a bad number_id, a non-E.164 `to`, or an unassigned number", async () => {
    const cases: unknown[] = [
      { to: "+14155550132" },
      { number_id: "2001", to: "+14155550132" },
      { number_id: 20.5, to: "+14155550132" },
      { number_id: 2001 },
      { number_id: 2001, to: "4155550132" },
      { number_id: 2001, to: "+1 415-555-0132" },
      { number_id: 2002, to: "+14155550132" },
      { number_id: 9999, to: "+14155550132" },
    ];
    for (const body of cases) {
      const r = await t.api("POST", "/v1/users/1001/calls", body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.json.error).toBe("Bad Request");
      expect(typeof r.json.troubleshoot).toBe("string");
    }
    expect(t.sim.calls()).toHaveLength(0);
  });

  it("404 for an unknown user", async () => {
    const r = await t.api("POST", "/v1/users/4242/calls", START);
    expect(r.status).toBe(404);
    expect(r.json).toEqual({ error: "Not Found", troubleshoot: "User not found" });
  });

  it("405 User not available while the user is in a call, offline or do-not-disturb", async () => {
    expect((await t.api("POST", "/v1/users/1001/calls", START)).status).toBe(204);
    const busy = await t.api("POST", "/v1/users/1001/calls", START);
    expect(busy.status).toBe(405);
    expect(busy.json).toEqual({ error: "Method Not Allowed", troubleshoot: "User not available" });
    expect((await t.api("GET", "/v1/users/1001/availability")).json).toEqual({ availability: "in_call" });
    for (const a of ["offline", "do_not_disturb", "after_call_work"] as const) {
      t.sim.setAvailability(1002, a);
      const r = await t.api("POST", "/v1/users/1002/calls", { number_id: 2002, to: "+14155550132" });
      expect(r.status, a).toBe(405);
      t.sim.setAvailability(1002, "available");
    }
    expect(t.sim.calls()).toHaveLength(1);
  });

  it("call ids above 2^53 appear exactly, as bare integers, in the raw JSON", async () => {
    await t.api("POST", "/v1/users/1001/calls", START);
    await t.api("POST", "/v1/users/1002/calls", { number_id: 2002, to: "+33176111111" });
    const ids = t.sim.calls().map((c) => c.id);
    expect(BigInt(ids[0] ?? "0")).toBeGreaterThan(2n ** 53n);
    expect(BigInt(ids[1] ?? "0")).toBe(BigInt(ids[0] ?? "0") + 1n);
    const r = await t.api("GET", `/v1/calls/${ids[0]}`);
    expect(r.text).toContain(`"id":${ids[0]},`);
    expect(String((JSON.parse(r.text) as { call: { id: number } }).call.id)).not.toBe(ids[0]); // a double would round it
    expect(r.json.call.id).toBe(ids[0]);
    expect(r.json.call.raw_digits).toBe("+1 415-555-0132");
    const other = await t.api("GET", `/v1/calls/${ids[1]}`);
    expect(other.json.call.raw_digits).toBe("+33 1 76 11 11 11");
    await waitFor(() => t.rec.deliveries.find((d) => d.body.event === "call.created"), 2000, "delivery");
    const created = t.rec.deliveries.find((d) => d.body.event === "call.created");
    expect(created?.raw).toMatch(/"data":\{"id":\d{16,},/);
  });
});
