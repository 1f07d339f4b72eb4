import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type Simulator } from "./simulator";
import { apiClient } from "./test-helpers";

let sim: Simulator;
let api: ReturnType<typeof apiClient>;
const many = Array.from({ length: 23 }, (_, i) => ({
  id: 3000 + i,
  name: `Agent ${i}`,
  email: `agent${i}@example.com`,
  numbers: [{ id: 2001, digits: "+15550100000" }],
}));

beforeAll(async () => {
  sim = await startSimulator({
    users: [
      { id: 1001, name: "Demo Agent", email: "demo.agent@example.com", wrapUpTime: 30, numbers: [{ id: 2001, digits: "+1 555-010-0000" }, { id: 2002, digits: "+33176111111", name: "Paris" }] },
      ...many,
    ],
  });
  api = apiClient(sim);
});
afterAll(() => sim.close());

describe("users and numbers", () => {
  it("the V1 user list and read are retired (404) by default; availability stays V1", async () => {
    expect((await api("GET", "/v1/users")).status).toBe(404);
    expect((await api("GET", "/v1/users/1001")).status).toBe(404);
    expect((await api("GET", "/v1/users/1001")).json).toEqual({ message: "Not Found" });
    expect((await api("GET", "/v1/users/1001/availability")).status).toBe(200);
    expect((await api("GET", "/v1/users/availabilities")).status).toBe(200);
  });

  it("v1UserReads: the old V1 user is wrapped and carries numbers in display format", async () => {
    const old = await startSimulator({ v1UserReads: true, users: [{ id: 1001, name: "Demo Agent", email: "demo.agent@example.com", wrapUpTime: 30, numbers: [{ id: 2001, digits: "+1 555-010-0000" }, { id: 2002, digits: "+33176111111", name: "Paris" }] }] });
    try {
      const r = await apiClient(old)("GET", "/v1/users/1001");
      expect(r.status).toBe(200);
      const u = r.json.user;
      expect(u).toMatchObject({ id: 1001, name: "Demo Agent", email: "demo.agent@example.com", available: true, availability_status: "available", wrap_up_time: 30 });
      expect(u.created_at).toMatch(/^\d{4}-\d\d-\d\dT/);
      expect(u.numbers.map((n: { digits: string }) => n.digits)).toEqual(["+1 555-010-0000", "+33 1 76 11 11 11"]);
      expect(u.numbers[0]).not.toHaveProperty("e164_digits");
      expect((await apiClient(old)("GET", "/v1/users")).json.users).toHaveLength(1);
      old.options.v1UserReads = false; // switched live
      expect((await apiClient(old)("GET", "/v1/users/1001")).status).toBe(404);
    } finally {
      await old.close();
    }
  });

  it("v2 user has no numbers, is addressable by email, and lists numbers separately", async () => {
    const byId = await api("GET", "/v2/users/1001");
    const byEmail = await api("GET", "/v2/users/demo.agent@example.com");
    expect(byId.json.user).not.toHaveProperty("numbers");
    expect(byEmail.json).toEqual(byId.json);
    const nums = await api("GET", "/v2/users/1001/numbers");
    expect(nums.json.numbers.map((n: { id: number }) => n.id)).toEqual([2001, 2002]);
    expect((await api("GET", "/v2/users/ghost@example.com")).status).toBe(404);
    expect((await api("GET", "/v2/users/4242/numbers")).status).toBe(404);
  });

  it("v2 numbers are paginated under `numbers`", async () => {
    const p1 = await api("GET", "/v2/users/demo.agent@example.com/numbers?per_page=1");
    expect(p1.json.meta).toMatchObject({ count: 1, total: 2, current_page: 1, per_page: 1 });
    expect(p1.json.numbers[0]).toMatchObject({ id: 2001, digits: "+1 555-010-0000", flow_editor_enabled: true });
    const p2 = await api("GET", new URL(p1.json.meta.next_page_link).pathname + new URL(p1.json.meta.next_page_link).search);
    expect(p2.json.numbers.map((n: { id: number }) => n.id)).toEqual([2002]);
    expect(p2.json.meta.next_page_link).toBeNull();
  });

  it("availability: single (bare string) and paginated list", async () => {
    expect((await api("GET", "/v1/users/1001/availability")).json).toEqual({ availability: "available" });
    const p1 = await api("GET", "/v1/users/availabilities");
    expect(p1.json.meta).toMatchObject({ count: 20, total: 24, current_page: 1, per_page: 20, previous_page_link: null });
    expect(p1.json.meta.next_page_link).toContain("page=2");
    expect(p1.json.users[0]).toEqual({ id: 1001, availability: "available" });
    const p2 = await api("GET", "/v1/users/availabilities?page=2");
    expect(p2.json.meta).toMatchObject({ count: 4, next_page_link: null });
    expect(p2.json.meta.previous_page_link).toContain("page=1");
  });

  it("per_page is capped at 50; bad paging is a 400", async () => {
    const r = await api("GET", "/v2/users?per_page=500");
    expect(r.json.meta.per_page).toBe(50);
    expect(r.json.users).toHaveLength(24);
    expect(r.json.users[0]).not.toHaveProperty("numbers");
    expect((await api("GET", "/v2/users?page=0")).status).toBe(400);
  });

  it("numbers: list and single, with their users", async () => {
    const list = await api("GET", "/v1/numbers");
    expect(list.json.numbers.map((n: { id: number }) => n.id)).toEqual([2001, 2002]);
    const one = await api("GET", "/v1/numbers/2002");
    expect(one.json.number).toMatchObject({ id: 2002, digits: "+33 1 76 11 11 11", country: "FR" });
    expect(one.json.number.users.map((u: { id: number }) => u.id)).toEqual([1001]);
    expect((await api("GET", "/v1/numbers/9")).status).toBe(404);
  });
});

describe("PUT /v1/users/:id availability_status", () => {
  it("unavailable → do_not_disturb (user.closed), available → back", async () => {
    const off = await api("PUT", "/v1/users/1001", { availability_status: "unavailable" });
    expect(off.json.user).toMatchObject({ available: false, availability_status: "unavailable" });
    expect((await api("GET", "/v1/users/1001/availability")).json.availability).toBe("do_not_disturb");
    expect((await api("PUT", "/v2/users/1001", { availability_status: "available" })).json.user.available).toBe(true);
    expect((await api("PUT", "/v1/users/1001", { availability_status: "busy" })).status).toBe(400);
  });
});
