import { afterEach, describe, expect, it } from "vitest";

import type { BlockMatch } from "~detect/block-matches";
import { scanNow } from "~detect/scanner";

import { ControlLayer } from "./control-layer";
import { viewportFirst } from "./viewport-first";

/** Rows 40 px tall from the top of the page; the viewport shows the first 300 px (rows 0–7). */
function mountRows(count: number): HTMLElement[] {
  const rows = Array.from({ length: count }, (_, index) => {
    const row = document.createElement("div");
    row.textContent = `(415) 555-${String(100 + index).padStart(4, "0")}`;
    row.getBoundingClientRect = () => ({ top: index * 40, bottom: index * 40 + 40 }) as DOMRect;
    return row;
  });
  document.body.append(...rows);
  return rows;
}

const placed = () => document.querySelectorAll("[data-dialer-number]").length;

afterEach(() => document.body.replaceChildren());

describe("viewportFirst", () => {
  it("places the controls in view at once, when the first number below the viewport is met", async () => {
    mountRows(20);
    const layer = new ControlLayer({ isQueued: () => false, onActivate: () => undefined, onChange: () => undefined });
    let placedWhenBelow: number | null = null;
    const inView = viewportFirst(layer, () => 300);
    const sink = {
      ...inView.sink,
      accept(container: Element | ShadowRoot, signature: string, matches: BlockMatch[]) {
        inView.sink.accept(container, signature, matches);
        if (placedWhenBelow === null && inView.placedAfterMs() !== null) placedWhenBelow = placed();
      }
    };
    scanNow(document.body, "US", sink);
    // Rows 0–7 start inside the 300 px: their 8 controls went in together, nothing after them.
    expect(placedWhenBelow).toBe(8);
    expect(placed()).toBe(8);
    await layer.settled();
    expect(placed()).toBe(20);
  });

  it("places nothing early while every number is in view (the pass's end places them)", async () => {
    mountRows(5);
    const layer = new ControlLayer({ isQueued: () => false, onActivate: () => undefined, onChange: () => undefined });
    const inView = viewportFirst(layer, () => 300);
    scanNow(document.body, "US", inView.sink);
    expect(inView.placedAfterMs()).toBeNull();
    await layer.settled();
    expect(placed()).toBe(5);
  });
});

describe("ControlLayer.placeNow", () => {
  it("inserts waiting controls in the same task", () => {
    mountRows(3);
    const layer = new ControlLayer({ isQueued: () => false, onActivate: () => undefined, onChange: () => undefined });
    scanNow(document.body, "US", layer);
    expect(placed()).toBe(0);
    layer.placeNow();
    expect(placed()).toBe(3);
  });
});
