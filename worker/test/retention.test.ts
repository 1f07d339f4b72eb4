import { createExecutionContext, createScheduledController, env, runInDurableObject } from "cloudflare:test";
import { DEFAULT_ADMIN_SETTINGS, SettingsResponse } from "@dialer/shared";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import worker from "../src/index";
import { monthsBefore } from "../src/retention/cleanup";
import { installFakeAircall } from "./fake-aircall";
import { ADMIN, call, createAgent, dialerStub, enrolledAgent, waitFor } from "./helpers";

let aircall: ReturnType<typeof installFakeAircall>;
beforeEach(() => {
  aircall = installFakeAircall();
});
afterEach(() => aircall.restore());

const DAY = 24 * 3600_000;
const dir = () => env.DIRECTORY.get(env.DIRECTORY.idFromName("directory"));

/** What the Cron Trigger does every night. */
async function cron() {
  const controller = createScheduledController({ scheduledTime: Date.now(), cron: "17 3 * * *" });
  await worker.scheduled(controller, env, createExecutionContext());
}

type Row = { dial_id: number; item_id: string; dial_at: number };
const sqlOf = (stub: DurableObjectStub) => <T>(query: string, ...args: SqlStorageValue[]) =>
  runInDurableObject(stub, (_instance, state) => state.storage.sql.exec(query, ...args).toArray() as T[]);

function seedHistory(uid: number, rows: { id: number; item: string; at: number }[]) {
  const sql = sqlOf(dialerStub(uid));
  return Promise.all(rows.map((r) => sql("INSERT INTO history (dial_id, item_id, phone, outcome, dial_at, final) VALUES (?, ?, '+14155550101', 'answered', ?, 1)", r.id, r.item, r.at)));
}
const historyItems = async (uid: number) => (await sqlOf(dialerStub(uid))<Row>("SELECT dial_id, item_id, dial_at FROM history ORDER BY dial_id")).map((r) => r.item_id);

describe("nightly retention (Cron Trigger)", () => {
  it("deletes history older than 13 months, old webhook dedupe keys and expired tickets; keeps the rest", async () => {
    const { aircallUserId: uid } = await createAgent();
    const now = Date.now();
    await seedHistory(uid, [
      { id: 1, item: "14-months", at: now - 427 * DAY },
      { id: 2, item: "12-months", at: now - 366 * DAY },
      { id: 3, item: "yesterday", at: now - DAY },
    ]);
    const sql = sqlOf(dialerStub(uid));
    await sql("INSERT INTO inbox (key, received_at) VALUES ('old', ?), ('fresh', ?)", now - 4 * DAY, now - 3600_000);
    await sql("INSERT INTO tickets (hash, expires_at) VALUES ('gone', ?), ('valid', ?)", now - 1000, now + 20_000);

    await cron();

    expect(await historyItems(uid)).toEqual(["12-months", "yesterday"]);
    expect((await sql<{ key: string }>("SELECT key FROM inbox")).map((r) => r.key)).toEqual(["fresh"]);
    expect((await sql<{ hash: string }>("SELECT hash FROM tickets")).map((r) => r.hash)).toEqual(["valid"]);
  });

  it("never deletes a row of the run in progress, however old; once the run has ended it goes", async () => {
    const agent = await enrolledAgent();
    const uid = agent.aircallUserId;
    const now = Date.now();
    await seedHistory(uid, [{ id: 1, item: "earlier-run", at: now - 500 * DAY }]);
    await runInDurableObject(dialerStub(uid), (instance) => {
      const inner = instance as unknown as { state: { dialSeq: number } };
      inner.state = { ...inner.state, dialSeq: 1 }; // the earlier run dialled once
    });
    const start = await call("/api/dialer/start", { method: "POST", headers: agent.auth, json: { items: [{ id: "now", phone: "+14155550102" }], delaySeconds: 0 } });
    expect(start.status).toBe(200);
    const sql = sqlOf(dialerStub(uid));
    await waitFor(async () => (await historyItems(uid)).includes("now"), "the current dial's history row");
    // as if this run had been going (paused, say) for 14 months
    await sql("UPDATE history SET dial_at = ? WHERE item_id = 'now'", now - 427 * DAY);

    await cron();
    expect(await historyItems(uid)).toEqual(["now"]);

    expect((await call("/api/dialer/stop", { method: "POST", headers: agent.auth })).status).toBe(200);
    await cron();
    expect(await historyItems(uid)).not.toContain("now");
  });

  it("follows the admin setting; the Directory drops old audit rows, expired codes and long-expired refresh tokens", async () => {
    const { aircallUserId: uid } = await createAgent();
    const now = Date.now();
    const put = await call("/api/admin/settings", { method: "PUT", headers: ADMIN, json: { settings: { historyRetentionMonths: 2 } } });
    expect(put.status).toBe(200);
    expect(SettingsResponse.parse(await put.json()).settings).toMatchObject({ historyRetentionMonths: 2, localPresence: DEFAULT_ADMIN_SETTINGS.localPresence });
    await seedHistory(uid, [
      { id: 1, item: "3-months", at: monthsBefore(now, 3) },
      { id: 2, item: "1-month", at: monthsBefore(now, 1) },
    ]);
    const dsql = sqlOf(dir());
    await dsql("INSERT INTO audit (at, actor, action, detail) VALUES (?, 'x', 'old.thing', '{}'), (?, 'x', 'recent.thing', '{}')", monthsBefore(now, 3), monthsBefore(now, 1));
    await dsql("INSERT INTO codes (hash, agent_id, expires_at) VALUES ('expired-code', 'a', ?), ('live-code', 'a', ?)", now - 1000, now + DAY);
    await dsql("INSERT INTO refresh (hash, agent_id, family, expires_at) VALUES ('long-expired', 'a', 'f', ?), ('just-expired', 'a', 'f', ?)", now - 40 * DAY, now - DAY);

    await cron();

    expect(await historyItems(uid)).toEqual(["1-month"]);
    const actions = (await dsql<{ action: string }>("SELECT action FROM audit")).map((r) => r.action);
    expect(actions).toContain("recent.thing");
    expect(actions).not.toContain("old.thing");
    expect(actions).toContain("retention.cleanup");
    expect((await dsql<{ hash: string }>("SELECT hash FROM codes WHERE hash LIKE '%-code'")).map((r) => r.hash)).toEqual(["live-code"]);
    expect((await dsql<{ hash: string }>("SELECT hash FROM refresh WHERE family = 'f'")).map((r) => r.hash)).toEqual(["just-expired"]);
    await call("/api/admin/settings", { method: "PUT", headers: ADMIN, json: { settings: { historyRetentionMonths: 13 } } });
  });
});

describe("GET/PUT /api/admin/settings", () => {
  it("13 months by default; a change is audited; bad values are a 400", async () => {
    const got = await call("/api/admin/settings", { headers: ADMIN });
    expect(SettingsResponse.parse(await got.json()).settings.historyRetentionMonths).toBe(13);
    for (const bad of [{ settings: { historyRetentionMonths: 0 } }, { settings: { historyRetentionMonths: 1.5 } }, { settings: { historyRetentionMonth: 3 } }, { retention: 3 }, {}]) {
      const res = await call("/api/admin/settings", { method: "PUT", headers: ADMIN, json: bad });
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect(await res.json()).toMatchObject({ error: { code: "validation_failed" } });
    }
    const put = await call("/api/admin/settings", { method: "PUT", headers: ADMIN, json: { settings: { historyRetentionMonths: 24 } } });
    expect(SettingsResponse.parse(await put.json()).settings.historyRetentionMonths).toBe(24);
    const audit = (await (await call("/api/admin/audit?limit=5", { headers: ADMIN })).json()) as { entries: { action: string; detail: unknown }[] };
    expect(audit.entries.find((e) => e.action === "settings.changed")?.detail).toMatchObject({ before: { historyRetentionMonths: 13 }, after: { historyRetentionMonths: 24 } });
    expect((await call("/api/admin/settings", { method: "PUT", json: { settings: { historyRetentionMonths: 1 } } })).status).toBe(401);
    await call("/api/admin/settings", { method: "PUT", headers: ADMIN, json: { settings: { historyRetentionMonths: 13 } } });
  });
});
