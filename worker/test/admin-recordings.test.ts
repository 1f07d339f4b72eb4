import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { installFakeAircall } from "./fake-aircall";
import { ADMIN, call, enrolledAgent } from "./helpers";

let aircall: ReturnType<typeof installFakeAircall>;
beforeEach(() => {
  aircall = installFakeAircall();
});
afterEach(() => aircall.restore());

const recording = (id: string, headers: Record<string, string> = ADMIN) => call(`/api/admin/calls/${id}/recording`, { headers });

describe("GET /api/admin/calls/:callId/recording", () => {
  it("reads the call from Aircall at each request and answers with its current URL", async () => {
    let n = 0;
    aircall.route("GET /v1/calls/4242", () => Response.json({ call: { id: 4242, status: "done", recording: `https://rec.aircall.test/4242-${++n}.mp3` } }));
    const first = await recording("4242");
    expect(first.status).toBe(200);
    expect(first.headers.get("cache-control")).toBe("no-store");
    const body = (await first.json()) as { url: string; expiresAt: string };
    expect(body.url).toBe("https://rec.aircall.test/4242-1.mp3");
    expect(Date.parse(body.expiresAt) - Date.now()).toBeGreaterThan(55 * 60 * 1000);
    // a second press gets a fresh URL, not a kept one
    expect(((await (await recording("4242")).json()) as { url: string }).url).toBe("https://rec.aircall.test/4242-2.mp3");
    expect(aircall.seen.filter((s) => s.path === "/v1/calls/4242")).toHaveLength(2);
  });

  it("says so when the call has no recording, or Aircall has no such call (404, not 500)", async () => {
    aircall.route("GET /v1/calls/7", () => Response.json({ call: { id: 7, recording: null } }));
    const none = await recording("7");
    expect(none.status).toBe(404);
    expect(await none.json()).toEqual({ error: { code: "not_found", message: "This call has no recording in Aircall" } });
    aircall.route("GET /v1/calls/6", () => Response.json({ call: { id: 6, recording: "javascript:alert(1)" } }));
    expect((await recording("6")).status).toBe(404);
    const missing = await recording("8");
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { message: string } }).error.message).toMatch(/no call/);
  });

  it("refuses an id that is not an Aircall call id with a 400, without asking Aircall", async () => {
    for (const bad of ["abc", "12;drop", "..%2F..%2Fusers"]) expect((await recording(bad)).status).toBe(400);
    expect(aircall.seen).toEqual([]);
  });

  it("answers 502 in plain words when Aircall fails", async () => {
    aircall.route("GET /v1/calls/9", () => Response.json({ error: "Forbidden", troubleshoot: "token" }, { status: 403 }));
    const res = await recording("9");
    expect(res.status).toBe(502);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("aircall_unavailable");
  });

  it("is for admins only", async () => {
    expect((await recording("4242", {})).status).toBe(401);
    const agent = await enrolledAgent();
    expect([401, 403]).toContain((await recording("4242", { authorization: `Bearer ${agent.accessToken}` })).status);
  });
});
