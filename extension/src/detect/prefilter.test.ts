/**
 * The cheap check in front of libphonenumber must never hide a number the detector found before
 * it: on every block of the 12 saved CRM pages and the generated list pages, and on sample
 * formats, each text that the previous check (any 7 digits, at most 3 other characters apart)
 * let through and in which libphonenumber finds a valid number passes `mayHoldPhone` too.
 */
import { searchPhoneNumbersInText } from "libphonenumber-js/min";
import { afterEach, describe, expect, it } from "vitest";

import { generateCrmListPage } from "~adapters/fixtures/crm-list";
import { generateListTable } from "~adapters/fixtures/generic-list";
import { loadFixture } from "~adapters/fixtures/load-fixture";
import { EXPECTATIONS } from "~adapters/adapters.expectations";

import { readBlock } from "./block-text";
import { findPhonesInText, mayHoldPhone } from "./phone-text";
import { walkBlocks } from "./walker";

function blockTexts(): string[] {
  return [...walkBlocks(document.body)].flatMap(({ block }) => (block ? [readBlock(block).text] : []));
}

function validFound(text: string, country: "US" | "GB" | "FR" | "DE"): string[] {
  return [...searchPhoneNumbersInText(text, { defaultCountry: country })].filter((m) => m.number.isValid()).map((m) => m.number.number);
}

const SAMPLES = [
  "(415) 555-0132", "415.555.0132", "+1 415 555 0132", "Call 415-555-0132 ext. 12 after lunch",
  "+44 20 7946 0958", "+33 1 42 68 53 00", "Phone: 6175550100", "020 7946 0958", "0612 34 56 78",
  "+49 30 901820", "+1\u00a0(415)\u00a0555\u20110132", "Tel. 030/901820", "+81 3-1234-5678",
  "Work (415) 555-0132 · Mobile +44 20 7946 0958", "Jan 1, 2026 1:00 PM", "$13,537.00", "301000007"
];

/** The check before this one, kept as the reference. */
const PREVIOUS = /(?:\d\D{0,3}){7}/;

afterEach(() => document.body.replaceChildren());

describe("mayHoldPhone", () => {
  it("lets through every text in which the detector found a valid number before", () => {
    const texts = [...SAMPLES];
    for (const { file, url } of EXPECTATIONS) {
      loadFixture(file, url);
      texts.push(...blockTexts());
    }
    document.body.innerHTML = generateListTable(300);
    texts.push(...blockTexts());
    const parsed = new DOMParser().parseFromString(generateCrmListPage(60), "text/html");
    document.body.replaceChildren(...[...parsed.body.childNodes].map((node) => document.importNode(node, true)));
    texts.push(...blockTexts());
    let withNumbers = 0;
    for (const text of new Set(texts)) {
      for (const country of ["US", "GB", "FR", "DE"] as const) {
        if (!PREVIOUS.test(text) || validFound(text, country).length === 0) continue;
        withNumbers += 1;
        expect(mayHoldPhone(text), JSON.stringify(text)).toBe(true);
      }
    }
    expect(withNumbers).toBeGreaterThan(100);
  }, 60_000);

  it("turns away dates, times, prices and short ids before libphonenumber", () => {
    for (const text of ["Jan 1, 2026 1:00 PM", "Updated 09:41", "$13,537.00", "94103", "Page 1 of 31", "v1.2.3"]) {
      expect(mayHoldPhone(text), text).toBe(false);
    }
  });
});

describe("findPhonesInText: each distinct text is parsed once", () => {
  it("answers a text it has seen with the same result, per country", () => {
    const first = findPhonesInText("Office (415) 555-0199", "US");
    expect(first.map((m) => m.e164)).toEqual(["+14155550199"]);
    expect(findPhonesInText("Office (415) 555-0199", "US")).toBe(first);
    expect(findPhonesInText("Office (415) 555-0199", "GB")).not.toBe(first);
    expect(Object.isFrozen(first) && Object.isFrozen(first[0])).toBe(true);
  });
});
