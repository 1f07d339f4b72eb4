import { describe, expect, it } from "vitest";
import { AircallCall, AircallId, normalizeEventName, parseAircallJson, SUBSCRIBED_EVENTS, WebhookEnvelope } from "./aircall";
import { digitsOnly } from "./phone";

describe("parseAircallJson", () => {
  it("keeps ids above 2^53 exact as strings", () => {
    const parsed = parseAircallJson('{"call":{"id":9007199254740993,"user":{"id":456},"duration":65}}') as any;
    expect(parsed.call.id).toBe("9007199254740993");
    expect(parsed.call.user.id).toBe(456);
    expect(parsed.call.duration).toBe(65);
  });

  it("leaves long digit runs inside strings, decimals and negatives alone", () => {
    const parsed = parseAircallJson('{"a":"x: 12345678901234567890","b":1.5e3,"c":-3,"d":[18446744073709551615]}') as any;
    expect(parsed).toEqual({ a: "x: 12345678901234567890", b: 1500, c: -3, d: ["18446744073709551615"] });
  });

  it("handles escaped quotes inside strings", () => {
    expect(parseAircallJson('{"s":"he said \\"9007199254740993\\"","id":9007199254740993}')).toEqual({ s: 'he said "9007199254740993"', id: "9007199254740993" });
  });

  it("throws on invalid JSON", () => {
    expect(() => parseAircallJson("{nope")).toThrow();
  });
});

describe("Aircall schemas", () => {
  it("read ids as strings whether numbers or strings", () => {
    expect(AircallId.parse(123)).toBe("123");
    expect(AircallId.parse("9007199254740993")).toBe("9007199254740993");
    expect(AircallId.safeParse("12a").success).toBe(false);
  });

  it("tolerate unknown fields and the shortened nested user", () => {
    const call = AircallCall.parse({ id: 1, direction: "outbound", raw_digits: "+1 800-123-4567", user: { id: 2 }, brand_new_field: true });
    expect(call.user?.id).toBe("2");
    expect((call as Record<string, unknown>).brand_new_field).toBe(true);
  });

  it("parse the webhook envelope and refuse what isn't one", () => {
    expect(WebhookEnvelope.safeParse({ resource: "call", event: "call.created", timestamp: 1, token: "t", data: { id: 1 } }).success).toBe(true);
    expect(WebhookEnvelope.safeParse({ event: "call.created", token: "t", data: {} }).success).toBe(false);
  });

  it("normalise .v2 user events and subscribe to both spellings", () => {
    expect(normalizeEventName("user.opened.v2")).toBe("user.opened");
    expect(normalizeEventName("call.ended")).toBe("call.ended");
    expect(SUBSCRIBED_EVENTS).toEqual(expect.arrayContaining(["call.hungup", "call.ended", "user.wut_end", "user.wut_end.v2"]));
  });

  it("compare display-format digits", () => {
    expect(digitsOnly("+1 800-123-4567")).toBe(digitsOnly("+18001234567"));
    expect(digitsOnly("anonymous")).toBe("");
  });
});
