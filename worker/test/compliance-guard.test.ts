import { env } from "cloudflare:test";
import { AuditResponse, DEFAULT_ADMIN_SETTINGS, DialerCheckResponse, SettingsResponse } from "@dialer/shared";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { installFakeAircall } from "./fake-aircall";
import { ADMIN, call, enrolledAgent, waitFor } from "./helpers";

let aircall: ReturnType<typeof installFakeAircall>;
beforeEach(() => {
  aircall = installFakeAircall();
});
afterEach(async () => {
  await call("/api/admin/settings", { method: "PUT", headers: ADMIN, json: { settings: { callingHours: DEFAULT_ADMIN_SETTINGS.callingHours, localPresence: false } } });
  aircall.restore();
});

const dir = () => env.DIRECTORY.get(env.DIRECTORY.idFromName("directory"));
const putSettings = (settings: unknown) => call("/api/admin/settings", { method: "PUT", headers: ADMIN, json: { settings } });
const ALWAYS = { start: "00:00", end: "24:00", days: [1, 2, 3, 4, 5, 6, 7] };
const NOON_NY = Date.parse("2026-12-03T17:00:00Z");
const NIGHT_NY = Date.parse("2026-12-04T03:00:00Z");
const agentOf = { aircallUserId: 4242, numberId: 2001 };

describe("settings: calling hours and local presence", () => {
  it("defaults to 08:00–21:00 every day, local presence off", async () => {
    const got = SettingsResponse.parse(await (await call("/api/admin/settings", { headers: ADMIN })).json());
    expect(got.settings).toMatchObject({ callingHours: { start: "08:00", end: "21:00", days: [1, 2, 3, 4, 5, 6, 7] }, localPresence: false });
  });

  it("changes them (only the fields given), audited with the values before and after", async () => {
    const put = await putSettings({ callingHours: { start: "09:00", end: "20:00", days: [1, 2, 3, 4, 5] }, localPresence: true });
    expect(put.status).toBe(200);
    const { settings } = SettingsResponse.parse(await put.json());
    expect(settings).toEqual({ ...DEFAULT_ADMIN_SETTINGS, callingHours: { start: "09:00", end: "20:00", days: [1, 2, 3, 4, 5] }, localPresence: true });
    const audit = AuditResponse.parse(await (await call("/api/admin/audit?limit=20", { headers: ADMIN })).json());
    const changed = audit.entries.find((e) => e.action === "settings.changed")!;
    expect(changed.detail).toMatchObject({ before: { callingHours: { start: "08:00" }, localPresence: false }, after: { callingHours: { start: "09:00" }, localPresence: true } });
  });

  it.each([
    [{ callingHours: { start: "21:00", end: "08:00", days: [1] } }, "start must be before end"],
    [{ callingHours: { start: "8:00", end: "21:00", days: [1] } }, "HH:MM"],
    [{ callingHours: { start: "08:00", end: "24:01", days: [1] } }, "HH:MM"],
    [{ callingHours: { start: "08:00", end: "21:00", days: [] } }, "at least one day"],
    [{ callingHours: { start: "08:00", end: "21:00", days: [0] } }, "days"],
    [{ callingHours: { start: "08:00", end: "21:00", days: [8] } }, "days"],
    [{ callingHours: { start: "08:00", end: "21:00", days: [1, 1] } }, "each day once"],
    [{ callingHours: { start: "08:00", end: "21:00" } }, "days"],
    [{ localPresence: "yes" }, "localPresence"],
  ])("refuses %j with a 400", async (settings, message) => {
    const res = await putSettings(settings);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("validation_failed");
    expect(body.error.message).toContain(message);
  });
});

describe("dialGuard (right before every start-call)", () => {
  it("a listed number is refused as do_not_call, even inside the window", async () => {
    await dir().dncAdd(["+12125550177"], "wrap-up: do not call", "agent-1");
    const d = await dir().dialGuard("+12125550177", agentOf, NOON_NY);
    expect(d).toMatchObject({ ok: false, reasonCode: "do_not_call" });
    expect(!d.ok && d.reason).toContain("added");
    expect(!d.ok && d.reason).toContain("by agent-1: wrap-up: do not call");
  });

  it("outside the window: outside_calling_hours with the next opening; inside: ok without numberId", async () => {
    expect(await dir().dialGuard("+12125550143", agentOf, NOON_NY)).toEqual({ ok: true });
    const night = await dir().dialGuard("+12125550143", agentOf, NIGHT_NY);
    expect(night).toMatchObject({ ok: false, reasonCode: "outside_calling_hours", retryAt: Date.parse("2026-12-04T13:00:00Z") });
  });

  it("follows the company's calling hours as changed by the admin", async () => {
    expect((await putSettings({ callingHours: { start: "13:00", end: "21:00", days: [1, 2, 3, 4, 5, 6, 7] } })).status).toBe(200);
    const d = await dir().dialGuard("+12125550143", agentOf, NOON_NY);
    expect(d).toMatchObject({ ok: false, reasonCode: "outside_calling_hours", retryAt: Date.parse("2026-12-03T18:00:00Z") });
  });

  it("dncAdd is idempotent and leaves out (and counts) what is not E.164", async () => {
    expect(await dir().dncAdd(["+12125550178", "+12125550178"], null, "agent-2")).toEqual({ added: 1, alreadyListed: 0 });
    expect(await dir().dncAdd(["+12125550178"], null, "agent-2")).toEqual({ added: 0, alreadyListed: 1 });
    expect(await dir().dncAdd(["12125550179", "+12125550179"], null, "agent-2")).toEqual({ added: 1, alreadyListed: 0, invalid: 1 });
  });

  it("with local presence: the best matching Aircall number, from a cache filled in the background (never on the dial's path)", async () => {
    const uid = 777001;
    aircall.route(`GET /v2/users/${uid}/numbers`, () =>
      Response.json({ numbers: [{ id: 31, digits: "+1 310-555-0100", country: "US" }, { id: 41, digits: "+33 1 42 68 53 00", country: "FR" }], meta: {} }),
    );
    expect((await putSettings({ localPresence: true, callingHours: ALWAYS })).status).toBe(200);
    // nothing cached yet: the agent's own number at once, and a refresh starts
    expect(await dir().dialGuard("+13105559999", { aircallUserId: uid, numberId: 2001 }, NOON_NY)).toEqual({ ok: true, numberId: 2001 });
    await waitFor(async () => (await dir().dialGuard("+13105559999", { aircallUserId: uid, numberId: 2001 }, NOON_NY)).ok && aircall.seen.some((s) => s.path === `/v2/users/${uid}/numbers`), "the numbers read");
    expect(await waitFor(async () => {
      const d = await dir().dialGuard("+13105559999", { aircallUserId: uid, numberId: 2001 }, NOON_NY);
      return d.ok && d.numberId === 31 ? d : null;
    }, "numberId 31")).toEqual({ ok: true, numberId: 31 });
    expect(await dir().dialGuard("+33478123456", { aircallUserId: uid, numberId: 2001 }, NOON_NY)).toEqual({ ok: true, numberId: 41 });
    expect(await dir().dialGuard("+493012345678", { aircallUserId: uid, numberId: 2001 }, NOON_NY)).toEqual({ ok: true, numberId: 2001 });
    // cached: no more reads within the day
    const reads = aircall.seen.filter((s) => s.path === `/v2/users/${uid}/numbers`).length;
    await dir().dialGuard("+13105559999", { aircallUserId: uid, numberId: 2001 }, NOON_NY);
    expect(aircall.seen.filter((s) => s.path === `/v2/users/${uid}/numbers`).length).toBe(reads);
  });
});

describe("local presence switched on", () => {
  it("reads every agent's Aircall numbers at once, so the first dial already has them", async () => {
    const agent = await enrolledAgent();
    aircall.route(`GET /v2/users/${agent.aircallUserId}/numbers`, () => Response.json({ numbers: [{ id: 61, digits: "+1 212 555 0100", country: "US" }], meta: {} }));
    expect((await putSettings({ localPresence: true, callingHours: ALWAYS })).status).toBe(200);
    await waitFor(() => aircall.seen.some((s) => s.path === `/v2/users/${agent.aircallUserId}/numbers`), "the agent's numbers read");
    const d = await waitFor(async () => {
      const r = await dir().dialGuard("+12125559999", { aircallUserId: agent.aircallUserId, numberId: 2001 }, NOON_NY);
      return r.ok && r.numberId === 61 ? r : null;
    }, "numberId 61");
    expect(d).toEqual({ ok: true, numberId: 61 });
  });
});

describe("POST /api/dialer/check (marking queued numbers)", () => {
  const check = (json: unknown, headers?: Record<string, string>) => call("/api/dialer/check", { method: "POST", headers, json });

  it("answers for each number, in order: ok, on the list, outside calling hours (with retryAt), invalid", async () => {
    const agent = await enrolledAgent();
    await dir().dncAdd(["+12125550188"], null, "admin-token");
    // open every day but today in New York, whatever the hour this test runs
    const todayNy = new Intl.DateTimeFormat("en-US", { timeZone: "America/New_York", weekday: "short" }).format(new Date());
    const today = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].indexOf(todayNy) + 1;
    expect((await putSettings({ callingHours: { ...ALWAYS, days: [1, 2, 3, 4, 5, 6, 7].filter((d) => d !== today) } })).status).toBe(200);
    const res = await check({ phones: ["+12125550188", "+12125550143", "+15550000001"] }, agent.auth);
    expect(res.status).toBe(200);
    const { results } = DialerCheckResponse.parse(await res.json());
    expect(results.map((r) => [r.phone, r.ok, r.reasonCode])).toEqual([
      ["+12125550188", false, "do_not_call"],
      ["+12125550143", false, "outside_calling_hours"],
      ["+15550000001", false, "outside_calling_hours"],
    ]);
    const retryAt = Date.parse(results[1]!.retryAt!);
    expect(retryAt).toBeGreaterThan(Date.now());
    expect(new Intl.DateTimeFormat("en-US", { timeZone: "America/New_York", hourCycle: "h23", hour: "2-digit", minute: "2-digit" }).format(retryAt)).toBe("00:00");
    expect(results[1]!.reason).toContain("Dial after 00:00 their time");
    expect(results[2]!.retryAt).toBeUndefined();
    expect(results[2]!.reason).toMatch(/not a valid phone number/);

    expect((await putSettings({ callingHours: ALWAYS })).status).toBe(200);
    const open = DialerCheckResponse.parse(await (await check({ phones: ["+12125550143"] }, agent.auth)).json());
    expect(open.results).toEqual([{ phone: "+12125550143", ok: true }]);
  });

  it("needs an agent's token and a valid body", async () => {
    const agent = await enrolledAgent();
    expect((await check({ phones: ["+12125550143"] })).status).toBe(401);
    for (const body of [{}, { phones: [] }, { phones: ["12125550143"] }, { phones: ["+12125550143"], more: 1 }, { phones: Array.from({ length: 1001 }, () => "+12125550143") }]) {
      const res = await check(body, agent.auth);
      expect(res.status, JSON.stringify(body).slice(0, 50)).toBe(400);
    }
  });
});
