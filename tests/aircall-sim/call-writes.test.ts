import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { simWithReceiver, START, waitFor } from "./test-helpers";

let deletedTag = 0;
let t: Awaited<ReturnType<typeof simWithReceiver>>;
beforeAll(async () => {
  t = await simWithReceiver({ listDelayMs: 0, talkMs: 60_000 });
});
afterAll(() => t.close());

/** A call that is answered and stays live until endCall. */
async function liveCall(): Promise<string> {
  const before = new Set(t.sim.calls().map((c) => c.id));
  expect((await t.api("POST", "/v1/users/1001/calls", START)).status).toBe(204);
  const id = await waitFor(() => t.sim.calls().find((c) => !before.has(c.id) && c.status === "answered")?.id, 3000, "answered call");
  await waitFor(() => t.rec.events().includes("call.answered"), 3000, "call.answered");
  return id;
}

describe("tags", () => {
  it("POST /v1/tags creates (201, {tag}), names are unique company-wide (400), GET lists and reads one, DELETE removes", async () => {
    const created = await t.api("POST", "/v1/tags", { name: "Left voicemail", color: "#7A5AF8" });
    expect(created.status).toBe(201);
    expect(created.json.tag).toMatchObject({ name: "Left voicemail", color: "#7A5AF8" });
    const id = created.json.tag.id as number;
    expect(Number.isInteger(id)).toBe(true);
    const dup = await t.api("POST", "/v1/tags", { name: "left VOICEMAIL", color: "#000000" });
    expect(dup.status).toBe(400);
    expect(dup.json.troubleshoot).toMatch(/already been taken/);
    expect((await t.api("POST", "/v1/tags", { color: "#000000" })).status).toBe(400);
    expect((await t.api("POST", "/v1/tags", { name: "x", color: "red" })).status).toBe(400);
    const list = await t.api("GET", "/v1/tags?per_page=50");
    expect(list.json.tags.map((x: { name: string }) => x.name)).toContain("Left voicemail");
    expect((await t.api("GET", `/v1/tags/${id}`)).json.tag.id).toBe(id);
    expect((await t.api("DELETE", `/v1/tags/${id}`)).status).toBe(204);
    expect((await t.api("GET", `/v1/tags/${id}`)).status).toBe(404);
    deletedTag = id;
  });
});

describe("a call's tags, comments and insight cards", () => {
  it("a tag and comments show on the call and in call.ended; the 6th comment is refused; insight cards only while live", async () => {
    const tag = (await t.api("POST", "/v1/tags", { name: "Talked", color: "#00B388" })).json.tag as { id: number; name: string };
    const id = await liveCall();
    const card = { contents: [{ type: "title", text: "Ada Lovelace", link: "https://crm.example/contacts/1" }, { type: "shortText", label: "Attempts", text: "2" }] };
    expect((await t.api("POST", `/v1/calls/${id}/insight_cards`, card)).status).toBe(201);
    expect((await t.api("POST", `/v1/calls/${id}/insight_cards`, { contents: [] })).status).toBe(400);
    expect((await t.api("POST", `/v1/calls/${id}/insight_cards`, { contents: [{ type: "shortText", label: "x", text: "y".repeat(11_000) }] })).status).toBe(400);
    expect((await t.api("POST", "/v1/calls/999999999/insight_cards", card)).status).toBe(404);
    const posted = t.sim.requests().filter((r) => r.path === `/v1/calls/${id}/insight_cards` && r.status === 201);
    expect(posted).toHaveLength(1);

    expect((await t.api("POST", `/v1/calls/${id}/tags`, { tags: [deletedTag] })).status).toBe(400); // deleted in the test above
    expect((await t.api("POST", `/v1/calls/${id}/tags`, { tags: [tag.id] })).status).toBe(201);
    for (let i = 1; i <= 5; i++) expect((await t.api("POST", `/v1/calls/${id}/comments`, { content: `note ${i}` })).status).toBe(201);
    const sixth = await t.api("POST", `/v1/calls/${id}/comments`, { content: "six" });
    expect(sixth.status).toBe(400);
    expect(sixth.json.troubleshoot).toMatch(/Maximum of 5 notes/);

    const read = (await t.api("GET", `/v1/calls/${id}`)).json.call;
    expect(read.tags).toEqual([expect.objectContaining({ id: tag.id, name: "Talked" })]);
    expect(read.comments.map((c: { content: string }) => c.content)).toEqual(["note 1", "note 2", "note 3", "note 4", "note 5"]);

    t.sim.endCall(id);
    const ended = await waitFor(() => t.rec.deliveries.find((d) => d.body.event === "call.ended" && String(d.body.data.id) === id), 3000, "call.ended");
    expect(ended.body.data.tags).toEqual([expect.objectContaining({ id: tag.id, name: "Talked" })]);
    expect((ended.body.data.comments as unknown[]).length).toBe(5);
    const late = await t.api("POST", `/v1/calls/${id}/insight_cards`, card);
    expect(late.status).toBe(400);
    expect(late.json.troubleshoot).toMatch(/ongoing/);
  });
});
