import { describe, expect, it } from "vitest";
import { CreateAgentBody, DialerStartBody, HistoryQuery, QueuePutBody } from "./api";
import { formatZodError } from "./errors";
import { DialerState } from "./state";
import { ServerMessage } from "./ws";

describe("API contract", () => {
  it("accepts a start body with E.164 items and refuses the rest with readable messages", () => {
    expect(DialerStartBody.safeParse({ items: [{ id: "1", phone: "+14155550132" }], delaySeconds: 5 }).success).toBe(true);
    const bad = DialerStartBody.safeParse({ items: [{ id: "1", phone: "(415) 555-0132" }] });
    expect(bad.success).toBe(false);
    if (!bad.success) expect(formatZodError(bad.error)).toMatch(/^items\.0\.phone: must be an E\.164/);
    expect(DialerStartBody.safeParse({ items: [] }).success).toBe(false);
    expect(QueuePutBody.safeParse({ items: [] }).success).toBe(true); // an empty queue is a valid edit
  });

  it("refuses duplicate item ids", () => {
    const item = { id: "1", phone: "+14155550132" };
    expect(QueuePutBody.safeParse({ items: [item, item] }).success).toBe(false);
  });

  it("admin body: integer ids, optional role", () => {
    expect(CreateAgentBody.parse({ aircallUserId: 1, numberId: 2 })).toEqual({ aircallUserId: 1, numberId: 2 });
    expect(CreateAgentBody.safeParse({ aircallUserId: 1.5, numberId: 2 }).success).toBe(false);
    expect(CreateAgentBody.safeParse({ aircallUserId: 1, numberId: 2, role: "root" }).success).toBe(false);
  });

  it("history query coerces and bounds limit", () => {
    expect(HistoryQuery.parse({ limit: "20" }).limit).toBe(20);
    expect(HistoryQuery.parse({}).limit).toBe(50);
    expect(HistoryQuery.safeParse({ limit: "1000" }).success).toBe(false);
  });

  it("WebSocket messages and the state snapshot", () => {
    const state = { status: "wrap_up", remaining: 2, delaySeconds: 5, nextDialAt: "2026-11-25T12:00:00.000Z" };
    expect(DialerState.parse(state)).toMatchObject(state);
    expect(ServerMessage.parse({ type: "state", state }).type).toBe("state");
    expect(ServerMessage.parse({ type: "call.ended", itemId: "a", callId: "9007199254740993", outcome: "answered" }).type).toBe("call.ended");
    expect(ServerMessage.safeParse({ type: "call.ended", itemId: "a", callId: null, outcome: "maybe" }).success).toBe(false);
  });
});
