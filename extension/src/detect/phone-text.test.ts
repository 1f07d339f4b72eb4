import { describe, expect, it } from "vitest";

import { parsePhoneNumberFromString } from "libphonenumber-js/min";

import { countryName, findPhonesInText, labelFor, phoneCountry, phoneFromTelHref, toCountry } from "./phone-text";

const e164s = (text: string, country = "US") => findPhonesInText(text, toCountry(country)).map((m) => m.e164);

describe("findPhonesInText: formats", () => {
  it.each([
    ["(415) 555-0132", "+14155550132"],
    ["415.555.0132", "+14155550132"],
    ["+1 415 555 0132", "+14155550132"],
    ["415-555-0132", "+14155550132"],
    ["Call 415-555-0132 ext. 12 after lunch", "+14155550132"],
    ["+44 20 7946 0958", "+442079460958"],
    ["+33 1 42 68 53 00", "+33142685300"],
    ["Phone: 6175550100", "+16175550100"]
  ])("%s → %s", (text, expected) => {
    expect(e164s(text)).toEqual([expected]);
  });

  it("reads national numbers with the default country", () => {
    expect(e164s("020 7946 0958", "GB")).toEqual(["+442079460958"]);
    expect(e164s("020 7946 0958", "US")).toEqual([]);
  });

  it("keeps the extension out of E.164 but still reports the match span", () => {
    const [match] = findPhonesInText("415-555-0132 ext. 12", "US");
    expect(match).toMatchObject({ e164: "+14155550132", start: 0 });
    expect(match!.end).toBeGreaterThanOrEqual(12);
  });

  it("finds several numbers in one text", () => {
    expect(e164s("Work (415) 555-0132 · Mobile +44 20 7946 0958")).toEqual(["+14155550132", "+442079460958"]);
  });

  it("falls back to US for unknown countries", () => {
    expect(toCountry("zz")).toBe("US");
    expect(toCountry("gb")).toBe("GB");
  });
});

describe("findPhonesInText: distractors", () => {
  it.each([
    ["ISO date", "Created 2024-01-15"],
    ["US date", "Due 01/15/2024"],
    ["EU date", "Fällig 15.01.2024"],
    ["order number", "Order #1234567890"],
    ["order number that is a valid US number", "Order #4155550132"],
    ["invoice id", "INV-20240115"],
    ["invoice digits", "Invoice 4155550132"],
    ["zip", "San Francisco, CA 94105"],
    ["zip+4", "San Francisco, CA 94105-1234"],
    ["price", "Amount $1,234,567.89"],
    ["euro price", "Total 1 234 567,00 €"],
    ["price of a valid-looking number", "$4155550132"],
    ["uuid", "550e8400-e29b-41d4-a716-446655440000"],
    ["salesforce id", "0035g00000XyZab"],
    ["18-digit id", "Record 123456789012345678"],
    ["ip address", "Last login from 192.168.100.200"],
    ["version", "Extension v1.2.3 on Windows 10.0.19045"],
    ["time", "Meeting at 12:30:45"],
    ["credit card", "Card 4111 1111 1111 1111"],
    ["phone-like digits inside a longer id", "ref:415555013200112233"],
    ["digits glued to letters", "SKU4155550132X"]
  ])("ignores %s", (_kind, text) => {
    expect(e164s(text)).toEqual([]);
  });
});

describe("phoneFromTelHref", () => {
  it.each([
    ["tel:+14155550132", "+14155550132"],
    ["tel:4155550132", "+14155550132"],
    ["tel:+1-415-555-0132;ext=12", "+14155550132"],
    ["tel:%2B442079460958", "+442079460958"]
  ])("%s → %s", (href, expected) => {
    expect(phoneFromTelHref(href, "US")?.e164).toBe(expected);
  });

  it("rejects other schemes and invalid numbers", () => {
    expect(phoneFromTelHref("mailto:a@b.test", "US")).toBeNull();
    expect(phoneFromTelHref("tel:1234", "US")).toBeNull();
  });
});

describe("labelFor", () => {
  it("formats NANP numbers with dashes and others internationally", () => {
    expect(labelFor("+14155550132")).toBe("+1 415-555-0132");
    expect(labelFor("+442079460958")).toBe("+44 20 7946 0958");
  });

  it("writes every NANP number as libphonenumber's international format would (without parsing it)", () => {
    // US, Canada, toll-free, Jamaica, Puerto Rico, the generated list pages' area codes
    const numbers = ["+14155550132", "+16045550199", "+18005550100", "+18765550123", "+17875550111", "+12015550100", "+13205550199", "+11234567890", "+14151234567"];
    for (const e164 of numbers) {
      const international = parsePhoneNumberFromString(e164)!.formatInternational();
      expect(labelFor(e164)).toBe(international.replace(/^\+1 (\d{3}) (\d{3}) (\d{4})$/, "+1 $1-$2-$3"));
    }
  });
});

describe("countryName", () => {
  it("names a country in the locale asked for, the same each time", () => {
    expect(countryName("DE", "en")).toBe("Germany");
    expect(countryName("DE", "fr")).toBe("Allemagne");
    expect(countryName("DE", "en")).toBe("Germany");
    expect(countryName(undefined)).toBe("");
  });
});

describe("phoneCountry", () => {
  it("names the country a number is dialed in", () => {
    expect(phoneCountry("+14155550132", "en")).toBe("United States");
    expect(phoneCountry("+442079460958", "en")).toBe("United Kingdom");
    expect(phoneCountry("nonsense")).toBe("");
  });
});
