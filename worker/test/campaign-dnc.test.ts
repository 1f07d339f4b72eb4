/**
 * Aircall's own Power Dialer runs none of our guards: a number on the company's do-not-call list is
 * never sent to the agent's dialer campaign (it comes back in `failed` with the reason).
 */
import { afterEach, beforeEach, expect, it } from "vitest";
import { installFakeAircall, type Seen } from "./fake-aircall";
import { ADMIN, call, enrolledAgent } from "./helpers";

let aircall: ReturnType<typeof installFakeAircall>;
beforeEach(() => {
  aircall = installFakeAircall();
  // A user with no campaign yet: Aircall creates it with the first numbers (204).
  aircall.routeMatching("GET", /^\/v1\/users\/\d+\/dialer_campaign\/phone_numbers$/, () => Response.json({ error: "Not Found" }, { status: 404 }));
  aircall.routeMatching("POST", /^\/v1\/users\/\d+\/dialer_campaign$/, () => new Response(null, { status: 204 }));
  aircall.routeMatching("POST", /^\/v1\/users\/\d+\/dialer_campaign\/phone_numbers$/, () => new Response(null, { status: 204 }));
});
afterEach(() => aircall.restore());

const sentToAircall = () =>
  aircall.seen
    .filter((s: Seen) => s.method === "POST" && /dialer_campaign/.test(s.path))
    .flatMap((s) => (s.body as { phone_numbers: string[] }).phone_numbers);

it("a number on the do-not-call list never reaches Aircall's Power Dialer", async () => {
  const listed = `+1415556${String(Math.floor(Math.random() * 10_000)).padStart(4, "0")}`;
  const dnc = await call("/api/admin/dnc", { method: "POST", headers: ADMIN, json: { phones: [listed], reason: "asked not to be called" } });
  expect(dnc.status).toBe(200);

  const agent = await enrolledAgent();
  const res = await call("/api/dialer/campaign", { method: "POST", headers: agent.auth, json: { items: [{ phone: listed }, { phone: "+14155550199" }] } });
  const body = await res.json();
  // Whatever the answer (a 4xx, or `failed` naming the number), Aircall must not get the listed number.
  expect(sentToAircall(), `answer ${res.status} ${JSON.stringify(body)}`).not.toContain(listed);
});
