/**
 * The phone numbers of one block, each with the node a control should follow. One number is one
 * number: a `tel:` link is read once, the link's way (its visible text is never read a second
 * way); a number written without its country code is read with the default country, or, when it
 * is no number there, with the page's hints (see `country-hints.ts`), and is flagged `assumed`.
 */
import type { CountryCode } from "libphonenumber-js/min";

import { nodeEndingAt, type BlockText } from "./block-text";
import { isWrapperToStepOut } from "./dom-rules";
import { findPhonesInText, phoneFromTelHref, type TextMatch } from "./phone-text";

export type BlockMatch = {
  e164: string;
  /** The control is inserted right after this node. */
  anchor: Node;
  /** The number's country, when it has one (shown on the control: "United States"). */
  country?: CountryCode;
  /** Written without its country code: the reading depends on the country it was read with. */
  assumed?: boolean;
};

/** Steps out of links, buttons and custom-element wrappers, staying inside the block. */
export function anchorAfter(node: Node, block: BlockText): Node {
  let anchor = node;
  for (let parent = node.parentNode; parent && parent !== block.container; parent = parent.parentNode) {
    if (parent instanceof Element && isWrapperToStepOut(parent)) anchor = parent;
  }
  return anchor;
}

type Span = { start: number; end: number };

/** Where an element's text lies in the block's text (empty span when it has none). */
function spanOf(block: BlockText, element: Node): Span {
  const inside = block.segments.filter((segment) => element.contains(segment.node));
  if (inside.length === 0) return { start: Number.MAX_SAFE_INTEGER, end: Number.MAX_SAFE_INTEGER };
  return { start: inside[0]!.start, end: inside[inside.length - 1]!.end };
}

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

type Found = BlockMatch & Span;

function fromText(block: BlockText, match: TextMatch): Found | null {
  const end = nodeEndingAt(block, match.end);
  if (!end) return null;
  const anchor = anchorAfter(end, block);
  return { e164: match.e164, anchor, country: match.country, assumed: match.national, start: match.start, end: match.end };
}

/** A tel: href read with the default country, or, for a national one it cannot read, with the hints. */
function readTel(href: string, country: CountryCode, hints: readonly CountryCode[]): TextMatch | null {
  for (const candidate of [country, ...hints]) {
    const match = phoneFromTelHref(href, candidate);
    if (match) return match;
  }
  return null;
}

export function matchesInBlock(block: BlockText, country: CountryCode, hints: readonly CountryCode[] = []): BlockMatch[] {
  const found: Found[] = [];
  const taken = (span: Span) => found.some((other) => overlaps(other, span));
  // 1. tel: links, read their own way; their text is theirs.
  for (const link of block.telLinks) {
    const match = readTel(link.getAttribute("href") ?? "", country, hints);
    if (!match) continue;
    const span = spanOf(block, link);
    found.push({ e164: match.e164, anchor: anchorAfter(link, block), country: match.country, assumed: match.national, ...span });
  }
  // 2. Text read with the default country, then 3. what is left read with each hint, national numbers only.
  for (const candidate of [country, ...hints.filter((hint) => hint !== country)]) {
    const first = candidate === country;
    for (const match of findPhonesInText(block.text, candidate)) {
      if ((!first && !match.national) || taken(match)) continue;
      const placed = fromText(block, match);
      if (placed) found.push(placed);
    }
  }
  found.sort((a, b) => a.start - b.start);
  const seen = new Set<string>();
  const result: BlockMatch[] = [];
  for (const { e164, anchor, country: numberCountry, assumed } of found) {
    if (seen.has(e164)) continue;
    seen.add(e164);
    result.push({ e164, anchor, country: numberCountry, assumed: !!assumed });
  }
  return result;
}
