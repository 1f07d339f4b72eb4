/**
 * The phone numbers of one block, each with the node a control should follow. One entry per
 * distinct E.164 number per block: a `tel:` link and its visible text count once.
 */
import type { CountryCode } from "libphonenumber-js/min";

import { nodeEndingAt, type BlockText } from "./block-text";
import { isWrapperToStepOut } from "./dom-rules";
import { findPhonesInText, phoneFromTelHref } from "./phone-text";

export type BlockMatch = {
  e164: string;
  /** The control is inserted right after this node. */
  anchor: Node;
};

/** Steps out of links, buttons and custom-element wrappers, staying inside the block. */
export function anchorAfter(node: Node, block: BlockText): Node {
  let anchor = node;
  for (let parent = node.parentNode; parent && parent !== block.container; parent = parent.parentNode) {
    if (parent instanceof Element && isWrapperToStepOut(parent)) anchor = parent;
  }
  return anchor;
}

function position(block: BlockText, node: Node): number {
  const segment = block.segments.find((candidate) => node.contains(candidate.node));
  return segment ? segment.start : Number.MAX_SAFE_INTEGER;
}

export function matchesInBlock(block: BlockText, country: CountryCode): BlockMatch[] {
  const found: Array<BlockMatch & { at: number }> = [];
  for (const match of findPhonesInText(block.text, country)) {
    const end = nodeEndingAt(block, match.end);
    if (end) found.push({ e164: match.e164, anchor: anchorAfter(end, block), at: match.start });
  }
  for (const link of block.telLinks) {
    const match = phoneFromTelHref(link.getAttribute("href") ?? "", country);
    if (match) found.push({ e164: match.e164, anchor: anchorAfter(link, block), at: position(block, link) });
  }
  found.sort((a, b) => a.at - b.at);
  const seen = new Set<string>();
  const result: BlockMatch[] = [];
  for (const { e164, anchor } of found) {
    if (seen.has(e164)) continue;
    seen.add(e164);
    result.push({ e164, anchor });
  }
  return result;
}
