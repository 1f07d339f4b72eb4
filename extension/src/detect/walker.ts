/**
 * Lists the blocks under a root, in document order, descending into open shadow roots and
 * skipping what the detector must not read. A generator, so a scan can stop after any block
 * and resume in the next idle period.
 */
import { isInline, isSkipped, type BlockContainer } from "./dom-rules";

export type WalkStep = {
  /** Set when this element (or shadow root) starts a block of its own. */
  block: BlockContainer | null;
  /** Set when the step entered an open shadow root (so the caller can observe it). */
  shadowRoot: ShadowRoot | null;
};

/** Yields one step per element visited: the unit of the scan's node budget. */
export function* walkBlocks(root: BlockContainer): Generator<WalkStep> {
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    let step: WalkStep = { block: null, shadowRoot: null };
    if (node instanceof ShadowRoot) {
      step = { block: node, shadowRoot: node };
    } else if (node instanceof Element) {
      if (isSkipped(node)) continue;
      if (node === root || !isInline(node)) step = { block: node, shadowRoot: null };
      const shadow = node.shadowRoot;
      if (shadow) stack.push(shadow);
    }
    // Push children in reverse so they pop in document order.
    for (let child = node.lastChild; child; child = child.previousSibling) {
      if (child.nodeType === Node.ELEMENT_NODE) stack.push(child);
    }
    yield step;
  }
}
