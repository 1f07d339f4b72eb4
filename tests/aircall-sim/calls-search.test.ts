import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiClient, START } from "./test-helpers";
import { startSimulator, type Simulator } from "./simulator";

let sim: Simulator;
let api: ReturnType<typeof apiClient>;
let ids: string[];
const since = Math.floor(Date.now() / 1000);

beforeAll(async () => {
  sim = await startSimulator({
    listDelayMs: 0, // listed at once: these tests are about filters, not timing
    createdDelayMs: 5,
    ringMs: 5,
    talkMs: 5,
    endedDelayMs: 5,
    users: [
      { id: 1001, name: "A", email: "a@example.com", numbers: [{ id: 2001, digits: "+15550100000" }] },
      { id: 1002, name: "B", email: "b@example.com", numbers: [{ id: 2002, digits: "+15550100001" }] },
    ],
  });
  api = apiClient(sim);
  const dial = async (user: number, number: number, to: string): Promise<void> => {
    expect((await api("POST", `/v1/users/${user}/calls`, { number_id: number, to })).status).toBe(204);
    await new Promise((r) => setTimeout(r, 60));
  };
  await dial(1001, 2001, "+14155550132");
  await dial(1001, 2001, "+33176111111");
  await dial(1002, 2002, "+14155550132");
  ids = sim.calls().map((c) => c.id);
});
afterAll(() => sim.close());

const idsOf = (r: { json: { calls: Array<{ id: string }> } }): string[] => r.json.calls.map((c) => c.id);

describe("calls: list, search, comments, tags", () => {
  it("GET /v1/calls lists all calls, ascending by default, paginated", async () => {
    const r = await api("GET", "/v1/calls");
    expect(idsOf(r)).toEqual(ids);
    expect(r.json.meta).toMatchObject({ total: 3, count: 3, current_page: 1, per_page: 20 });
    expect(idsOf(await api("GET", "/v1/calls?order=desc"))).toEqual([...ids].reverse());
    const p2 = await api("GET", "/v1/calls?per_page=2&page=2");
    expect(idsOf(p2)).toEqual([ids[2]]);
  });

  it("search filters on user_id, phone_number (digits), direction", async () => {
    expect(idsOf(await api("GET", "/v1/calls/search?user_id=1001"))).toEqual([ids[0], ids[1]]);
    expect(idsOf(await api("GET", "/v1/calls/search?phone_number=%2B14155550132"))).toEqual([ids[0], ids[2]]);
    const combined = await api("GET", "/v1/calls/search?user_id=1001&phone_number=%2B14155550132&direction=outbound&order=desc&per_page=1");
    expect(idsOf(combined)).toEqual([ids[0]]);
    expect(idsOf(await api("GET", "/v1/calls/search?direction=inbound"))).toEqual([]);
    expect((await api("GET", "/v1/calls/search?direction=sideways")).status).toBe(400);
  });

  it("from/to filter started_at in UNIX seconds", async () => {
    expect(idsOf(await api("GET", `/v1/calls/search?from=${since - 5}`))).toHaveLength(3);
    expect(idsOf(await api("GET", `/v1/calls/search?from=${since + 3600}`))).toEqual([]);
    expect(idsOf(await api("GET", `/v1/calls?to=${since - 3600}`))).toEqual([]);
    expect((await api("GET", "/v1/calls?from=yesterday")).status).toBe(400);
  });

  it("GET /v1/calls/:id: 404 for unknown ids", async () => {
    expect((await api("GET", "/v1/calls/123")).status).toBe(404);
    expect((await api("GET", `/v1/calls/${ids[0]}`)).json.call.status).toBe("done");
  });

  it("comments: 201, at most 5 per call", async () => {
    for (let i = 1; i <= 5; i++) {
      expect((await api("POST", `/v1/calls/${ids[0]}/comments`, { content: `note ${i}` })).status).toBe(201);
    }
    const sixth = await api("POST", `/v1/calls/${ids[0]}/comments`, { content: "one too many" });
    expect(sixth.status).toBe(400);
    expect(sixth.json.troubleshoot).toMatch(/Maximum of 5/);
    expect((await api("POST", `/v1/calls/${ids[1]}/comments`, {})).status).toBe(400);
    const call = (await api("GET", `/v1/calls/${ids[0]}`)).json.call;
    expect(call.comments).toHaveLength(5);
    expect(call.comments[0]).toMatchObject({ content: "note 1", posted_by: null });
  });

  it("tags: 201 with tag ids; search by tags[]", async () => {
    expect((await api("POST", `/v1/calls/${ids[1]}/tags`, { tags: [1, 3] })).status).toBe(201);
    expect((await api("POST", `/v1/calls/${ids[1]}/tags`, { tags: ["Interested"] })).status).toBe(400);
    expect((await api("POST", `/v1/calls/${ids[1]}/tags`, { tags: [99] })).status).toBe(400);
    const call = (await api("GET", `/v1/calls/${ids[1]}`)).json.call;
    expect(call.tags.map((t: { name: string }) => t.name)).toEqual(["Interested", "Call back"]);
    expect(idsOf(await api("GET", "/v1/calls/search?tags[]=1&tags[]=3"))).toEqual([ids[1]]);
  });

  it("a call can be placed again on the same user once it is over", async () => {
    expect((await api("POST", "/v1/users/1001/calls", START)).status).toBe(204);
  });
});
