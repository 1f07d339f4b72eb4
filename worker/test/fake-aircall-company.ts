/**
 * A fake Aircall company for the admin tests: V2 users, numbers and the webhooks API (POST/GET/PUT),
 * with Aircall's pitfall kept — a PUT without `events` re-subscribes to every event.
 */
import type { installFakeAircall } from "./fake-aircall";

type Fake = ReturnType<typeof installFakeAircall>;
export type FakeWebhook = { webhook_id: string; url: string; active: boolean; events: string[]; token: string; custom_name: string };

export const USERS = [
  { id: 1001, name: "Ada Lovelace", email: "ada@example.com", availability_status: "available", numbers: [{ id: 2001, name: "Sales", digits: "+1 555-010-0000", country: "US" }] },
  { id: 1002, name: "Bob Byte", email: "bob@example.com", availability_status: "unavailable", numbers: [] },
];
export const NUMBERS = [
  { id: 2001, name: "Sales", digits: "+1 555-010-0000", country: "US" },
  { id: 2002, name: "Support", digits: "+44 20 7946 0000", country: "GB" },
];
const ALL_EVENTS = ["call.created", "call.answered", "call.hungup", "call.ended", "contact.created", "number.opened"];

/**
 * `numbersListUsers` (default true): GET /v1/numbers names each number's users; false leaves that
 * out, so the numbers of a user come only from GET /v2/users/:id/numbers. V1 user reads are
 * retired: GET /v1/users and /v1/users/:id answer 404 like on Aircall since 2026-09-30.
 */
export function installCompany(aircall: Fake, opts: { credentials?: "ok" | "refused"; numbersListUsers?: boolean } = {}) {
  const webhooks: FakeWebhook[] = [];
  let n = 0;
  const json = (body: unknown, status = 200) => Response.json(body, { status });
  const list = (key: string, rows: unknown[]) => json({ meta: { count: rows.length, total: rows.length, current_page: 1, per_page: 50, next_page_link: null }, [key]: rows });

  aircall.route("GET /v1/ping", () => (opts.credentials === "refused" ? json({ message: "Forbidden" }, 403) : json({ ping: "pong" })));
  const v2User = ({ numbers: _numbers, ...u }: (typeof USERS)[number]) => u;
  const findUser = (key: string) => USERS.find((u) => String(u.id) === key || u.email === decodeURIComponent(key));
  aircall.route("GET /v2/users", () => list("users", USERS.map(v2User)));
  aircall.routeMatching("GET", /^\/v2\/users\/[^/]+$/, (req) => {
    const u = findUser(req.path.split("/")[3]!);
    return u ? json({ user: v2User(u) }) : json({ error: "Not Found", troubleshoot: "User not found" }, 404);
  });
  aircall.routeMatching("GET", /^\/v2\/users\/[^/]+\/numbers$/, (req) => {
    const u = findUser(req.path.split("/")[3]!);
    return u ? list("numbers", u.numbers.map((n) => ({ ...n, flow_editor_enabled: true }))) : json({ error: "Not Found", troubleshoot: "User not found" }, 404);
  });
  const withUsers = (n: (typeof NUMBERS)[number]) => ({ ...n, users: USERS.filter((u) => u.numbers.some((x) => x.id === n.id)).map((u) => ({ id: u.id, name: u.name })) });
  aircall.route("GET /v1/numbers", () => list("numbers", opts.numbersListUsers === false ? NUMBERS : NUMBERS.map(withUsers)));
  aircall.route("GET /v1/webhooks", () => list("webhooks", webhooks));
  aircall.route("POST /v1/webhooks", (req) => {
    const body = req.body as { url: string; events?: string[]; custom_name?: string };
    const w = { webhook_id: `wh-${++n}`, url: body.url, active: true, events: body.events?.length ? body.events : ALL_EVENTS, token: `token-${n}-${crypto.randomUUID().slice(0, 8)}`, custom_name: body.custom_name ?? "Webhook" };
    webhooks.push(w);
    return json({ webhook: w }, 201);
  });
  aircall.routeMatching("GET", /^\/v1\/webhooks\/[^/]+$/, (req) => {
    const w = webhooks.find((x) => x.webhook_id === req.path.split("/").pop());
    return w ? json({ webhook: w }) : json({ error: "Not found", troubleshoot: "Webhook not found" }, 404);
  });
  aircall.routeMatching("PUT", /^\/v1\/webhooks\/[^/]+$/, (req) => {
    const w = webhooks.find((x) => x.webhook_id === req.path.split("/").pop());
    if (!w) return json({ error: "Not found", troubleshoot: "Webhook not found" }, 404);
    const body = req.body as Partial<FakeWebhook>;
    w.events = body.events?.length ? body.events : ALL_EVENTS;
    if (body.url) w.url = body.url;
    if (typeof body.active === "boolean") w.active = body.active;
    return json({ webhook: w });
  });
  return { webhooks };
}
