import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { basicAuthHeader } from "./auth";
import { startSimulator, type Simulator } from "./simulator";
import { apiClient } from "./test-helpers";

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ apiId: "ID123", apiToken: "TOKEN456" });
});
afterAll(() => sim.close());

describe("gateway: auth, unknown paths, root", () => {
  it("GET / needs no auth and describes the API", async () => {
    const r = await apiClient(sim, null)("GET", "/");
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ resource: "Aircall Documentation" });
    expect(r.json.contact).toBeTruthy();
  });

  it("GET /v1/ping answers pong with valid Basic auth", async () => {
    const r = await apiClient(sim)("GET", "/v1/ping");
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ ping: "pong" });
  });

  it("401 {message: Unauthorized} without an Authorization header", async () => {
    const r = await apiClient(sim, null)("GET", "/v1/ping");
    expect(r.status).toBe(401);
    expect(r.text).toBe('{"message":"Unauthorized"}');
  });

  it("403 {message: Forbidden} for wrong credentials or a malformed header", async () => {
    for (const auth of [basicAuthHeader("ID123", "nope"), basicAuthHeader("x", "TOKEN456"), "Basic !!!", "Bearer TOKEN456", "Basic"]) {
      const r = await apiClient(sim, auth)("GET", "/v1/ping");
      expect(r.status, auth).toBe(403);
      expect(r.text).toBe('{"message":"Forbidden"}');
    }
  });

  it("404 {message: Not Found} for an unknown path or method", async () => {
    const api = apiClient(sim);
    for (const [m, p] of [["GET", "/v1/nothing"], ["GET", "/v3/users"], ["DELETE", "/v1/ping"]] as const) {
      const r = await api(m, p);
      expect(r.status).toBe(404);
      expect(r.text).toBe('{"message":"Not Found"}');
    }
  });

  it("application 404 for an unknown resource uses {error, troubleshoot}", async () => {
    const r = await apiClient(sim)("GET", "/v2/users/999");
    expect(r.status).toBe(404);
    expect(r.json).toEqual({ error: "Not Found", troubleshoot: "User not found" });
  });

  it("400 for a body that is not JSON", async () => {
    const r = await apiClient(sim)("POST", "/v1/users/1001/calls", "{nope");
    expect(r.status).toBe(400);
    expect(r.json.error).toBe("Bad Request");
  });

  it("rate headers are on every API response", async () => {
    const api = apiClient(sim);
    for (const r of [await api("GET", "/v1/ping"), await api("GET", "/v1/nothing"), await apiClient(sim, null)("GET", "/v1/ping")]) {
      expect(r.headers.get("x-aircallapi-limit")).toBe("60");
      expect(Number(r.headers.get("x-aircallapi-remaining"))).toBeGreaterThanOrEqual(0);
      expect(Number(r.headers.get("x-aircallapi-reset"))).toBeGreaterThan(Date.now() / 1000);
    }
  });

  it("logs every API request (not control requests)", async () => {
    sim.reset();
    await apiClient(sim)("GET", "/v1/calls?per_page=5");
    await apiClient(sim, null)("GET", "/v1/ping");
    await fetch(`${sim.url}/_sim/state`);
    const log = sim.requests();
    expect(log.map((e) => [e.method, e.path, e.status])).toEqual([
      ["GET", "/v1/calls", 200],
      ["GET", "/v1/ping", 401],
    ]);
    expect(log[0]?.query).toEqual({ per_page: "5" });
    expect(log[0]?.receivedAt).toBeGreaterThan(Date.now() - 5000);
  });
});
