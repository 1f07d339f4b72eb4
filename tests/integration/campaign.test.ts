import { CampaignGetResult, CampaignPostResult, EnrollResponse } from "@dialer/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AdminClient, ApiError, request } from "../system/api-client";
import { startSystem, type System } from "../system/start-system";

/** Aircall's own Power Dialer through wrangler dev and the simulator's dialer-campaign endpoints. */
let system: System;
let token: string;
beforeAll(async () => {
  // A roomy Aircall budget: clearing is one request per number, each waiting for its slot.
  system = await startSystem({ quiet: true, sim: { ratePerMinute: 2000 } });
  const { enrollmentCode } = await new AdminClient(system.workerUrl).createAgent(1001, 2001, "Demo Agent");
  token = EnrollResponse.parse(await request(`${system.workerUrl}/api/auth/enroll`, { method: "POST", json: { code: enrollmentCode } })).accessToken;
});
afterAll(async () => {
  await system?.stop();
});

const phones = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `+1415555${String(from + i).padStart(4, "0")}`);
const campaign = (method = "GET", json?: unknown) => request(`${system.workerUrl}/api/dialer/campaign`, { method, token, json });
const simCampaignRequests = () => system.sim.requests().filter((r) => r.path.includes("/dialer_campaign"));

describe("the agent's Aircall dialer campaign", () => {
  it("404 not_found before any; created with the first 100, the rest in batches; duplicates counted; cleared", async () => {
    await expect(campaign()).rejects.toMatchObject({ status: 404, body: { error: { code: "not_found" } } } satisfies Partial<ApiError>);

    const added = CampaignPostResult.parse(await campaign("POST", { items: phones(230).map((phone) => ({ phone })) }));
    expect(added).toEqual({ added: 230, alreadyThere: 0, failed: [] });
    const writes = simCampaignRequests().filter((r) => r.method === "POST");
    expect(writes.map((r) => [r.path, (r.body as { phone_numbers: string[] }).phone_numbers.length, r.status])).toEqual([
      ["/v1/users/1001/dialer_campaign", 100, 204],
      ["/v1/users/1001/dialer_campaign/phone_numbers", 100, 204],
      ["/v1/users/1001/dialer_campaign/phone_numbers", 30, 204],
    ]);

    const again = CampaignPostResult.parse(await campaign("POST", { items: phones(5, 228).map((phone) => ({ phone })) }));
    expect(again).toEqual({ added: 3, alreadyThere: 2, failed: [] });

    const listed = CampaignGetResult.parse(await campaign());
    expect(listed.numbers).toHaveLength(233);
    expect(listed.numbers[0]).toEqual({ phone: "+14155550000", called: false, aircallId: expect.any(String) });

    // A big campaign goes in one request (233 single DELETEs would hold the company's budget).
    await request(`${system.workerUrl}/api/dialer/campaign`, { method: "DELETE", token });
    expect(simCampaignRequests().filter((r) => r.method === "DELETE").map((r) => [r.path, r.status])).toEqual([["/v1/users/1001/dialer_campaign", 204]]);
    await expect(campaign()).rejects.toMatchObject({ status: 404 });
  }, 120_000);

  it("a small campaign is cleared one number at a time and stays, empty", async () => {
    await campaign("POST", { items: phones(4, 500).map((phone) => ({ phone })) });
    const before = simCampaignRequests().length;
    await request(`${system.workerUrl}/api/dialer/campaign`, { method: "DELETE", token });
    const deletes = simCampaignRequests().slice(before).filter((r) => r.method === "DELETE");
    expect(deletes).toHaveLength(4);
    expect(deletes.every((r) => /\/dialer_campaign\/phone_numbers\/\d+$/.test(r.path) && r.status === 204)).toBe(true);
    expect(CampaignGetResult.parse(await campaign())).toEqual({ numbers: [] });
  });
});
