import { afterEach, describe, expect, it } from "vitest";

import { matchesInBlock } from "./block-matches";
import { readBlock } from "./block-text";
import { countryHints } from "./country-hints";

function block(html: string, lang = "") {
  document.documentElement.lang = lang;
  const root = document.createElement("div");
  root.innerHTML = html;
  document.body.append(root);
  return readBlock(root.firstElementChild!);
}

afterEach(() => {
  document.body.replaceChildren();
  document.documentElement.lang = "";
});

describe("matchesInBlock: one number is one number", () => {
  it("reads a tel: link and its text once, the link's way, whatever the default country", () => {
    const found = matchesInBlock(block('<p>Call <a href="tel:+14155550132">(415) 555-0132</a></p>'), "GB");
    expect(found.map((m) => m.e164)).toEqual(["+14155550132"]);
    expect(found[0]).toMatchObject({ country: "US", assumed: false });
  });

  it("never gives a link a second control from its text read another way", () => {
    // Under GB, "020 7946 0958" text alone would be +44; the link says otherwise and wins.
    const found = matchesInBlock(block('<p><a href="tel:+12079460958">207 946 0958</a></p>'), "GB");
    expect(found.map((m) => m.e164)).toEqual(["+12079460958"]);
  });

  it("keeps a number written without its country when the page's hints can read it", () => {
    const html = '<p>Mobile (415) 555-0133</p>';
    expect(matchesInBlock(block(html), "GB")).toEqual([]);
    const found = matchesInBlock(block(html), "GB", ["US"]);
    expect(found.map((m) => m.e164)).toEqual(["+14155550133"]);
    expect(found[0]).toMatchObject({ country: "US", assumed: true });
  });

  it("flags a national number read with the default country, not one written with +", () => {
    const found = matchesInBlock(block("<p>Office 020 7946 0958 · Cell +1 415 555 0134</p>"), "GB", ["US"]);
    expect(found.map((m) => [m.e164, m.country, m.assumed])).toEqual([
      ["+442079460958", "GB", true],
      ["+14155550134", "US", false]
    ]);
  });

  it("a national number valid in the default country keeps that reading (one reading only)", () => {
    const found = matchesInBlock(block("<p>020 7946 0958</p>"), "GB", ["US"]);
    expect(found).toHaveLength(1);
    expect(found[0]!.e164).toBe("+442079460958");
  });
});

describe("countryHints", () => {
  it("reads the page language's region, then the countries of its international tel: links", () => {
    document.documentElement.lang = "en-GB";
    document.body.innerHTML = '<a href="tel:+14155550132">x</a><a href="tel:+14155550199">y</a><a href="tel:+33142685300">z</a><a href="tel:0207">n</a>';
    expect(countryHints(document)).toEqual(["GB", "US", "FR"]);
  });

  it("has none on a page without hints", () => {
    document.documentElement.lang = "en";
    expect(countryHints(document)).toEqual([]);
  });
});
