import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { START, simWithReceiver } from "./test-helpers";

/** The dialer-campaign endpoints as aircall-api facts §6 describe them. */
let t: Awaited<ReturnType<typeof simWithReceiver>>;
beforeAll(async () => {
  t = await simWithReceiver();
});
afterAll(() => t.close());

const BASE = "/v1/users/1001/dialer_campaign";

describe("dialer campaign (Aircall's own Power Dialer)", () => {
  it("404 before a campaign exists; create answers 204; numbers listed under `numbers`", async () => {
    t.sim.reset();
    expect((await t.api("GET", BASE)).status).toBe(404);
    expect((await t.api("GET", `${BASE}/phone_numbers`)).status).toBe(404);
    expect((await t.api("POST", `${BASE}/phone_numbers`, { phone_numbers: ["+14155550100"] })).status).toBe(404);
    const created = await t.api("POST", BASE, { phone_numbers: ["+14155550100", "+33142685300"] });
    expect(created.status).toBe(204);
    expect(created.text).toBe("");
    const list = await t.api("GET", `${BASE}/phone_numbers`);
    expect(list.status).toBe(200);
    expect(list.json.phone_numbers).toBeUndefined();
    expect(list.json.numbers).toEqual([
      { id: expect.any(Number), number: "+1 415-555-0100", called: false, created_at: expect.any(String) },
      { id: expect.any(Number), number: "+33 1 42 68 53 00", called: false, created_at: expect.any(String) },
    ]);
    const campaign = await t.api("GET", BASE);
    expect(campaign.json.dialer_campaign.phone_numbers).toHaveLength(2);
    expect((await t.api("POST", BASE, { phone_numbers: ["+14155550199"] })).status).toBe(422);
  });

  it("a batch holding a number already imported is refused whole with 422; new numbers are added", async () => {
    t.sim.reset();
    await t.api("POST", BASE, { phone_numbers: ["+14155550100"] });
    const dup = await t.api("POST", `${BASE}/phone_numbers`, { phone_numbers: ["+14155550101", "+14155550100"] });
    expect(dup.status).toBe(422);
    expect(dup.text).toContain("already imported");
    expect((await t.api("GET", `${BASE}/phone_numbers`)).json.numbers).toHaveLength(1);
    expect((await t.api("POST", `${BASE}/phone_numbers`, { phone_numbers: ["+14155550101"] })).status).toBe(204);
    expect((await t.api("POST", `${BASE}/phone_numbers`, { phone_numbers: ["0612"] })).status).toBe(422);
    expect((await t.api("POST", `${BASE}/phone_numbers`, {})).status).toBe(400);
    expect((await t.api("GET", `${BASE}/phone_numbers`)).json.numbers).toHaveLength(2);
  });

  it("one DELETE per number (by its id); DELETE of the campaign removes it; a reset empties all", async () => {
    t.sim.reset();
    await t.api("POST", BASE, { phone_numbers: ["+14155550100", "+14155550101"] });
    const [first] = (await t.api("GET", `${BASE}/phone_numbers`)).json.numbers;
    expect((await t.api("DELETE", `${BASE}/phone_numbers/${first.id}`)).status).toBe(204);
    expect((await t.api("DELETE", `${BASE}/phone_numbers/${first.id}`)).status).toBe(404);
    expect((await t.api("GET", `${BASE}/phone_numbers`)).json.numbers.map((n: { number: string }) => n.number)).toEqual(["+1 415-555-0101"]);
    expect((await t.api("DELETE", BASE)).status).toBe(204);
    expect((await t.api("GET", BASE)).status).toBe(404);
    await t.api("POST", BASE, { phone_numbers: ["+14155550100"] });
    t.sim.reset();
    expect((await t.api("GET", BASE)).status).toBe(404);
    expect((await t.api("GET", "/v1/users/4242/dialer_campaign")).status).toBe(404);
  });

  it("a number is `called` once the user has called it since it was added", async () => {
    t.sim.reset();
    await t.api("POST", BASE, { phone_numbers: [START.to, "+14155550199"] });
    expect((await t.api("POST", "/v1/users/1001/calls", START)).status).toBe(204);
    const list = (await t.api("GET", `${BASE}/phone_numbers`)).json.numbers as { number: string; called: boolean }[];
    expect(list.map((n) => n.called)).toEqual([true, false]);
  });
});
