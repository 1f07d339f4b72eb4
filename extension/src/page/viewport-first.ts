/**
 * Places the controls of what the user sees first in one go, before the rest of the page.
 *
 * A scan walks the page in document order, which for a page at the top is also the order on
 * screen. While nothing has been inserted yet the page's layout is clean, so reading a block's
 * position is cheap (no layout is forced): the first block with a number that starts below the
 * viewport ends the "in view" part, and everything found before it is placed right then — one
 * layout for the rows in view. The rest waits for the end of the pass (one more layout), see
 * `ControlLayer`. Blocks above the viewport (a scrolled page) are read on the way, which costs
 * time but loses nothing.
 */
import type { BlockMatch } from "~detect/block-matches";
import type { BlockContainer } from "~detect/dom-rules";
import type { BlockSink } from "~detect/scanner";

export type PlacingSink = BlockSink & { placeNow(): void };

export type ViewportFirst = {
  sink: BlockSink;
  /** Milliseconds from the start until the in-view part was placed, or null while it was not. */
  placedAfterMs(): number | null;
};

function topOf(container: BlockContainer): number {
  const element = container instanceof ShadowRoot ? container.host : container;
  return element.getBoundingClientRect().top;
}

export function viewportFirst(layer: PlacingSink, viewportHeight: () => number): ViewportFirst {
  const started = performance.now();
  let placedAt: number | null = null;
  const place = () => {
    if (placedAt !== null) return;
    layer.placeNow();
    placedAt = performance.now() - started;
  };
  return {
    placedAfterMs: () => placedAt,
    sink: {
      isCurrent: (container, signature) => layer.isCurrent(container, signature),
      onShadowRoot: (root) => layer.onShadowRoot?.(root),
      accept(container: BlockContainer, signature: string, matches: BlockMatch[]) {
        if (placedAt === null && matches.length > 0 && topOf(container) >= viewportHeight()) place();
        layer.accept(container, signature, matches);
      }
    }
  };
}
