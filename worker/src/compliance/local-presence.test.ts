import { describe, expect, it } from "vitest";
import { callerNumber, pickCallerNumber, type CallerNumber } from "./local-presence";

const numbers: CallerNumber[] = [
  { id: 1, e164: "+33142685300", country: "FR" }, // Paris
  { id: 2, e164: "+12125550143", country: "US" }, // New York, 212
  { id: 3, e164: "+13105550143", country: "US" }, // Los Angeles, 310
  { id: 4, e164: "+14155550101", country: "US" }, // San Francisco, 415 (Pacific)
  { id: 5, e164: "+442079460958", country: "GB" }, // London
  { id: 6, e164: "+14165550123", country: "CA" }, // Toronto
];

describe("local presence: the agent's number that best matches the callee", () => {
  it("same area code first", () => {
    expect(pickCallerNumber("+13105559999", numbers, 1)).toBe(3);
    expect(pickCallerNumber("+14155550199", numbers, 1)).toBe(4);
  });

  it("then the same time zone in the same country (Seattle, 206 → a Pacific number)", () => {
    expect([3, 4]).toContain(pickCallerNumber("+12065550100", numbers, 1));
  });

  it("then the same country (a Chicago callee gets a US number, Lyon a French one)", () => {
    expect([2, 3, 4]).toContain(pickCallerNumber("+13125550100", numbers, 1));
    expect(pickCallerNumber("+33478123456", numbers, 2)).toBe(1);
  });

  it("a +1 Canadian callee is matched in Canada, not in the US", () => {
    expect(pickCallerNumber("+16045550123", numbers, 2)).toBe(6);
  });

  it("no number in the callee's country: the agent's own number", () => {
    expect(pickCallerNumber("+493012345678", numbers, 5)).toBe(5);
    expect(pickCallerNumber("+493012345678", [], 77)).toBe(77);
  });

  it("among equal matches, the agent's own number is kept", () => {
    const two = [
      { id: 10, e164: "+12125550100", country: "US" },
      { id: 11, e164: "+12125550111", country: "US" },
    ];
    expect(pickCallerNumber("+12125550999", two, 11)).toBe(11);
    expect(pickCallerNumber("+12125550999", two, 99)).toBe(10);
  });

  it("reads Aircall's number rows", () => {
    expect(callerNumber({ id: "7", digits: "+1 212-555-0143", country: "US" })).toEqual({ id: 7, e164: "+12125550143", country: "US" });
    expect(callerNumber({ id: 8, e164_digits: "33142685300", digits: "+33 1 42 68 53 00" })).toEqual({ id: 8, e164: "+33142685300", country: null });
    expect(callerNumber({ id: 9, digits: null })).toEqual({ id: 9, e164: null, country: null });
  });
});
