import { env } from "cloudflare:test";
import { DEFAULT_DISPOSITIONS, DispositionsResponse, type Disposition } from "@dialer/shared";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { installFakeAircall, type Seen } from "./fake-aircall";
import { ADMIN, call, enrolledAgent } from "./helpers";

const dir = () => env.DIRECTORY.get(env.DIRECTORY.idFromName("directory"));
let aircall: ReturnType<typeof installFakeAircall>;
let tags: { id: number; name: string; color: string }[];
let nextTag = 900;
const put = (dispositions: unknown) => call("/api/admin/dispositions", { method: "PUT", headers: ADMIN, json: { dispositions } });
const get = async () => DispositionsResponse.parse(await (await call("/api/admin/dispositions", { headers: ADMIN })).json()).dispositions;
const tagRequests = () => aircall.seen.filter((s) => s.path === "/v1/tags").map((s) => `${s.method} ${s.query.get("page") ?? ""}`.trim());
let uniq = 0;
/** Tag names unique to one test (the directory and its kept ids live for the whole file). */
const label = (what: string) => `${what} ${Date.now() % 100000}-${++uniq}`;

beforeEach(() => {
  aircall = installFakeAircall();
  tags = [];
  aircall.route("GET /v1/tags", (s: Seen) => {
    const per = Number(s.query.get("per_page") ?? 20);
    const page = Number(s.query.get("page") ?? 1);
    const rows = tags.slice((page - 1) * per, page * per);
    const next = page * per < tags.length ? `https://aircall.test/v1/tags?page=${page + 1}&per_page=${per}` : null;
    return Response.json({ tags: rows, meta: { total: tags.length, current_page: page, per_page: per, next_page_link: next } });
  });
  aircall.route("POST /v1/tags", (s: Seen) => {
    const body = s.body as { name: string; color: string };
    if (tags.some((t) => t.name === body.name)) return Response.json({ error: "Bad Request", troubleshoot: "Name has already been taken" }, { status: 400 });
    const tag = { id: ++nextTag, name: body.name, color: body.color };
    tags.push(tag);
    return Response.json({ tag }, { status: 201 });
  });
});
afterEach(() => aircall.restore());

describe("admin dispositions API", () => {
  it("saves a list, answers it back, audits the change, and 400s bad lists", async () => {
    const list: Disposition[] = [
      { id: "talked", label: "Talked", kind: "connected", tag: "Talked to a person" },
      { id: "vm", label: "Voicemail", kind: "voicemail", retry: { afterMinutes: 60, maxAttempts: 2 } },
    ];
    const res = await put(list);
    expect(res.status).toBe(200);
    expect(DispositionsResponse.parse(await res.json()).dispositions).toEqual(list);
    expect(await get()).toEqual(list);
    expect(await dir().dispositions()).toEqual(list);

    for (const bad of [[], [{ id: "Bad Id", label: "x", kind: "connected" }], [{ id: "a", label: "x", kind: "maybe" }], [list[0], list[0]], [{ id: "a", label: "", kind: "connected" }]]) {
      const r = await put(bad);
      expect(r.status, JSON.stringify(bad)).toBe(400);
      expect(await r.json()).toMatchObject({ error: { code: "validation_failed" } });
    }
    expect(await get()).toEqual(list);

    const { entries } = (await (await call("/api/admin/audit?limit=20", { headers: ADMIN })).json()) as { entries: { action: string; actor: string; detail: Record<string, unknown> }[] };
    expect(entries.find((e) => e.action === "dispositions.changed")).toMatchObject({ actor: "admin-token", detail: { count: 2 } });
  });

  it("agents read the list at GET /api/dispositions (signed in), but cannot change it", async () => {
    const list: Disposition[] = [{ id: "only", label: "Only one", kind: "connected" }];
    expect((await put(list)).status).toBe(200);
    const agent = await enrolledAgent();
    const res = await call("/api/dispositions", { headers: agent.auth });
    expect(res.status).toBe(200);
    expect(DispositionsResponse.parse(await res.json()).dispositions).toEqual(list);
    expect((await call("/api/dispositions")).status).toBe(401);
    expect((await call("/api/admin/dispositions", { method: "PUT", headers: agent.auth, json: { dispositions: DEFAULT_DISPOSITIONS } })).status).toBe(403);
    expect(await get()).toEqual(list);
  });

  it("needs the admin token", async () => {
    expect((await call("/api/admin/dispositions")).status).toBe(401);
    expect((await call("/api/admin/dispositions", { method: "PUT", json: { dispositions: DEFAULT_DISPOSITIONS } })).status).toBe(401);
  });

  it("the default set covers every kind", () => {
    expect(new Set(DEFAULT_DISPOSITIONS.map((d) => d.kind))).toEqual(new Set(["connected", "voicemail", "no_answer", "bad_number", "do_not_call", "callback"]));
  });
});

describe("tagIdFor", () => {
  it("creates a missing tag once (named by `tag`, else the label), then keeps its id", async () => {
    const a = label("Reached");
    const b = label("No pickup");
    expect((await put([{ id: "reached", label: "ignored label", kind: "connected", tag: a }, { id: "nopick", label: b, kind: "no_answer" }])).status).toBe(200);
    const [x, y] = await Promise.all([dir().tagIdFor("reached"), dir().tagIdFor("reached")]);
    expect(x).toBe(y);
    expect(tags).toEqual([{ id: x, name: a, color: "#00B388" }]);
    expect(await dir().tagIdFor("nopick")).toBe(tags[1]!.id);
    expect(tags[1]!.name).toBe(b);
    aircall.seen.length = 0;
    expect(await dir().tagIdFor("reached")).toBe(x);
    expect(tagRequests()).toEqual([]);
    expect(await dir().tagIdFor("nope")).toBeNull();
  });

  it("finds an existing tag on a later page without creating it", async () => {
    const name = label("Callback later");
    for (let i = 0; i < 60; i++) tags.push({ id: 100 + i, name: `other ${i}`, color: "#000000" });
    tags.push({ id: 777, name: name.toUpperCase(), color: "#000000" });
    expect((await put([{ id: "cb", label: name, kind: "callback" }])).status).toBe(200);
    expect(await dir().tagIdFor("cb")).toBe(777);
    expect(tagRequests()).toEqual(["GET 1", "GET 2"]);
  });

  it("a tag created by someone else meanwhile (400 duplicate) is found again", async () => {
    const name = label("Raced");
    expect((await put([{ id: "raced", label: name, kind: "bad_number" }])).status).toBe(200);
    let lists = 0;
    aircall.route("GET /v1/tags", () => Response.json({ tags: lists++ ? [{ id: 4242, name }] : [], meta: { next_page_link: null } }));
    aircall.route("POST /v1/tags", () => Response.json({ error: "Bad Request", troubleshoot: "Name has already been taken" }, { status: 400 }));
    expect(await dir().tagIdFor("raced")).toBe(4242);
  });

  it("forgetTag: a tag Aircall lost is created again", async () => {
    const name = label("Gone");
    expect((await put([{ id: "gone", label: name, kind: "do_not_call" }])).status).toBe(200);
    const first = await dir().tagIdFor("gone");
    tags.length = 0; // deleted in Aircall
    expect(await dir().tagIdFor("gone")).toBe(first); // still kept until the caller says otherwise
    await dir().forgetTag("gone");
    const second = await dir().tagIdFor("gone");
    expect(second).not.toBe(first);
    expect(tags).toEqual([{ id: second, name, color: "#D0021B" }]);
  });

  it("throws (for the caller to retry) when Aircall keeps failing, and keeps nothing", async () => {
    const name = label("Down");
    expect((await put([{ id: "down", label: name, kind: "voicemail" }])).status).toBe(200);
    aircall.route("POST /v1/tags", () => Response.json({ error: "Forbidden" }, { status: 403 }));
    const failed = await dir().tagIdFor("down").then(() => "resolved", (e: unknown) => String(e));
    expect(failed).toMatch(/403/);
    aircall.route("POST /v1/tags", () => Response.json({ tag: { id: 31337, name } }, { status: 201 }));
    expect(await dir().tagIdFor("down")).toBe(31337);
  });
});
