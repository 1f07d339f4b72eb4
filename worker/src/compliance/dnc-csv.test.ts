import { describe, expect, it } from "vitest";
import { csvRows, dncCsv, parseDncCsv, toE164 } from "./dnc-csv";

describe("do-not-call CSV", () => {
  it("exports phone, reason, added_at, added_by; neutralises formulas but leaves whole E.164 cells alone", () => {
    const csv = dncCsv([
      { phone: "+12125550143", reason: "=HYPERLINK(\"http://x\")", addedAt: "2026-12-01T10:00:00.000Z", addedBy: "admin-token" },
      { phone: "+33142685300", reason: null, addedAt: "2026-12-02T10:00:00.000Z", addedBy: "@agent, \"x\"" },
      { phone: "+442079460958", reason: "+44 asked", addedAt: "2026-12-02T10:00:00.000Z", addedBy: "-1" },
    ]);
    expect(csv.split("\r\n")).toEqual([
      "phone,reason,added_at,added_by",
      `+12125550143,"'=HYPERLINK(""http://x"")",2026-12-01T10:00:00.000Z,admin-token`,
      `+33142685300,,2026-12-02T10:00:00.000Z,"'@agent, ""x"""`,
      "+442079460958,'+44 asked,2026-12-02T10:00:00.000Z,'-1",
      "",
    ]);
  });

  it("reads back what it wrote (the apostrophe before a formula start is dropped)", () => {
    const entries = [{ phone: "+12125550143", reason: "=1+1", addedAt: "2026-12-01T10:00:00.000Z", addedBy: "a" }];
    expect(parseDncCsv(dncCsv(entries))).toEqual({ rows: [{ phone: "+12125550143", reason: "=1+1", line: 2 }], invalid: [] });
  });

  it("reads numbers without a header, in usual spellings, and lists the lines it could not read", () => {
    const parsed = parseDncCsv("+1 (212) 555-0143,moved\n0033142685300\r\n2125550143,no country\n\n+44 20 7946 0958;x\n");
    expect(parsed.rows).toEqual([
      { phone: "+12125550143", reason: "moved", line: 1 },
      { phone: "+33142685300", reason: null, line: 2 },
    ]);
    expect(parsed.invalid).toEqual([
      { line: 3, value: "2125550143" },
      { line: 4, value: "+44 20 7946 0958;x" },
    ]);
  });

  it("uses the header's phone and reason columns", () => {
    const parsed = parseDncCsv("name,Phone Number,Reason\nAda,+12125550143,\"said no, twice\"\n");
    expect(parsed.rows).toEqual([{ phone: "+12125550143", reason: "said no, twice", line: 2 }]);
  });

  it("parses quoted fields with commas, quotes and newlines", () => {
    expect(csvRows('a,"b,""c""\nd",e\r\nf')).toEqual([["a", 'b,"c"\nd', "e"], ["f"]]);
    expect(toE164("+1 212.555.0143")).toBe("+12125550143");
    expect(toE164("=cmd|' /C calc'!A0")).toBeNull();
  });
});
