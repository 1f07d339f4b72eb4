/**
 * Reads the text of one block (see `dom-rules.ts`) with a map from text offsets back to the
 * DOM nodes, so a match found in the joined string can be anchored to the node that ends it.
 */
import { isInline, isSkipped, type BlockContainer } from "./dom-rules";

export type Segment = { node: Text; start: number; end: number };

export type BlockText = {
  container: BlockContainer;
  text: string;
  segments: Segment[];
  /** `<a href="tel:…">` elements inside the block, in document order. */
  telLinks: HTMLAnchorElement[];
};

function isTelLink(element: Element): element is HTMLAnchorElement {
  return element.tagName === "A" && /^\s*tel:/i.test(element.getAttribute("href") ?? "");
}

export function readBlock(container: BlockContainer): BlockText {
  const block: BlockText = { container, text: "", segments: [], telLinks: [] };
  collect(container, block, { boundary: false });
  return block;
}

/** Set when an element starts or ends between two text nodes. */
type Cursor = { boundary: boolean };

/**
 * Text from different elements often renders apart (flex cells, chips) even without a space
 * in the markup: "…0104" + "+44…" or "Phone" + "4155550132". Add one where words would fuse.
 */
const WORD_END = /[\p{L}\d]$/u;
const WORD_START = /^[\p{L}\d+(]/u;

function append(block: BlockText, node: Text, cursor: Cursor): void {
  const data = node.data;
  if (data.length === 0) return;
  // Only the last character matters (two code units: a letter outside the BMP); testing the
  // whole text made reading a long block quadratic.
  if (cursor.boundary && WORD_START.test(data) && WORD_END.test(block.text.slice(-2))) block.text += " ";
  cursor.boundary = false;
  block.segments.push({ node, start: block.text.length, end: block.text.length + data.length });
  block.text += data;
}

function collect(parent: Node, block: BlockText, cursor: Cursor): void {
  for (let child = parent.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === Node.TEXT_NODE) {
      append(block, child as Text, cursor);
      continue;
    }
    if (child.nodeType !== Node.ELEMENT_NODE) continue;
    const element = child as Element;
    if (isSkipped(element)) continue;
    cursor.boundary = true;
    if (element.tagName === "BR") {
      block.text += "\n";
    } else if (isInline(element)) {
      if (isTelLink(element)) block.telLinks.push(element);
      collect(element, block, cursor);
    } else {
      // A nested block is read on its own; keep the words on either side apart.
      block.text += "\n";
    }
    cursor.boundary = true;
  }
}

/** The text node holding the character just before `offset` (the end of a match). */
export function nodeEndingAt(block: BlockText, offset: number): Text | null {
  const target = Math.max(0, offset - 1);
  let low = 0;
  let high = block.segments.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const segment = block.segments[middle]!;
    if (target < segment.start) high = middle - 1;
    else if (target >= segment.end) low = middle + 1;
    else return segment.node;
  }
  return null;
}
