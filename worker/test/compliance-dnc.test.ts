import { env, runInDurableObject } from "cloudflare:test";
import { AuditResponse, DncAddResponse, DncListResponse } from "@dialer/shared";
import { describe, expect, it } from "vitest";
import { ADMIN, call, enrolledAgent } from "./helpers";

const dir = () => env.DIRECTORY.get(env.DIRECTORY.idFromName("directory"));
const add = (json: unknown, headers: Record<string, string> = ADMIN) => call("/api/admin/dnc", { method: "POST", headers, json });
const list = async (query = "") => {
  const res = await call(`/api/admin/dnc${query}`, { headers: ADMIN });
  expect(res.status).toBe(200);
  return DncListResponse.parse(await res.json());
};
const audit = async () => AuditResponse.parse(await (await call("/api/admin/audit?limit=50", { headers: ADMIN })).json()).entries;

describe("the do-not-call list (admin API)", () => {
  it("adds numbers once, counts the ones already listed, and audits who added them", async () => {
    const first = await add({ phones: ["+12125550101", "+12125550102", "+12125550101"], reason: "asked by phone" });
    expect(first.status).toBe(200);
    expect(DncAddResponse.parse(await first.json())).toEqual({ added: 2, alreadyListed: 0 });
    const again = await add({ phones: ["+12125550102", "+12125550103"] });
    expect(await again.json()).toEqual({ added: 1, alreadyListed: 1 });

    const { items } = await list("?q=%2B1212555010");
    expect(items.map((i) => [i.phone, i.reason, i.addedBy])).toEqual([
      ["+12125550101", "asked by phone", "admin-token"],
      ["+12125550102", "asked by phone", "admin-token"],
      ["+12125550103", null, "admin-token"],
    ]);
    const added = (await audit()).filter((e) => e.action === "dnc.added" && e.actor === "admin-token").map((e) => e.detail);
    expect(added).toContainEqual({ added: 1, alreadyListed: 1, reason: null, phones: ["+12125550103"] });
    expect(added).toContainEqual({ added: 2, alreadyListed: 0, reason: "asked by phone", phones: ["+12125550101", "+12125550102"] });
  });

  it("pages in number order with a cursor, and searches by prefix or by digits anywhere", async () => {
    await add({ phones: ["+33142000001", "+33142000002", "+33142000003", "+33199990000"] });
    const p1 = await list("?q=%2B33142&limit=2");
    expect(p1.items.map((i) => i.phone)).toEqual(["+33142000001", "+33142000002"]);
    expect(p1.nextCursor).toBe("+33142000002");
    const p2 = await list(`?q=%2B33142&limit=2&cursor=${encodeURIComponent(p1.nextCursor!)}`);
    expect(p2.items.map((i) => i.phone)).toEqual(["+33142000003"]);
    expect(p2.nextCursor).toBeNull();
    expect((await list("?q=9999")).items.map((i) => i.phone)).toContain("+33199990000");
    expect((await list("?q=9999")).items.map((i) => i.phone)).not.toContain("+33142000001");
  });

  it("removes a number (URL-encoded E.164) with 204, audited; 404 when it is not listed", async () => {
    await add({ phones: ["+442079460111"], reason: "complaint" });
    const del = await call(`/api/admin/dnc/${encodeURIComponent("+442079460111")}`, { method: "DELETE", headers: ADMIN });
    expect(del.status).toBe(204);
    expect((await list("?q=%2B442079460111")).items).toEqual([]);
    const again = await call(`/api/admin/dnc/${encodeURIComponent("+442079460111")}`, { method: "DELETE", headers: ADMIN });
    expect(again.status).toBe(404);
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe("not_found");
    expect((await audit()).find((e) => e.action === "dnc.removed")?.detail).toMatchObject({ phone: "+442079460111", reason: "complaint" });
  });

  it("refuses bad input with a 400 and the reason", async () => {
    for (const body of [{ phones: [] }, { phones: ["2125550101"] }, { phones: ["+12125550101"], reason: "x".repeat(201) }, { phones: ["+12125550101"], extra: 1 }, {}]) {
      const res = await add(body);
      expect(res.status, JSON.stringify(body).slice(0, 60)).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("validation_failed");
    }
    const tooMany = await add({ phones: Array.from({ length: 10_001 }, (_, i) => `+1212${String(5000000 + i).padStart(7, "0")}`) });
    expect(tooMany.status).toBe(400);
    expect(await tooMany.text()).toMatch(/at most 10000 numbers/);
    expect((await call("/api/admin/dnc/12345", { method: "DELETE", headers: ADMIN })).status).toBe(400);
    expect((await call("/api/admin/dnc?cursor=abc", { headers: ADMIN })).status).toBe(400);
    expect((await call("/api/admin/dnc?q=%27%3B--", { headers: ADMIN })).status).toBe(400);
  });

  it("is for admins only", async () => {
    const agent = await enrolledAgent();
    expect((await call("/api/admin/dnc")).status).toBe(401);
    expect((await add({ phones: ["+12125550199"] }, agent.auth)).status).toBe(403);
    expect((await call(`/api/admin/dnc/${encodeURIComponent("+12125550101")}`, { method: "DELETE", headers: agent.auth })).status).toBe(403);
  });

  it("holds 100,000 numbers: a look-up uses the primary-key index and stays fast", async () => {
    const batch = (b: number) => Array.from({ length: 10_000 }, (_, i) => `+4930${String(b * 10_000 + i).padStart(8, "0")}`);
    for (let b = 0; b < 10; b++) expect(await (await add({ phones: batch(b) })).json()).toEqual({ added: 10_000, alreadyListed: 0 });
    const plan = await runInDurableObject(dir(), (_i, state) => state.storage.sql.exec("EXPLAIN QUERY PLAN SELECT * FROM dnc WHERE phone = ?", "+493000000001").toArray());
    expect(JSON.stringify(plan)).toMatch(/USING PRIMARY KEY/);
    const phones = [...batch(9).slice(0, 500), ...Array.from({ length: 500 }, (_, i) => `+4931${String(i).padStart(8, "0")}`)];
    const t0 = Date.now();
    const decisions = await dir().guardMany(phones, 1, Date.parse("2026-12-03T12:00:00Z"));
    expect(Date.now() - t0).toBeLessThan(3000);
    expect(decisions.filter((d) => !d.ok && d.reasonCode === "do_not_call")).toHaveLength(500);
    const page = await list("?q=%2B493000099&limit=1000");
    expect(page.items).toHaveLength(1000);
    expect(page.nextCursor).toBeNull();
  }, 60_000);
});
