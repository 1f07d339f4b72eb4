import { afterEach, describe, expect, it } from "vitest";

import { CRM_LIST_ROWS, crmListRow, generateCrmListPage } from "~adapters/fixtures/crm-list";
import { generateListTable, generatedRow } from "~adapters/fixtures/generic-list";

import type { BlockMatch } from "./block-matches";
import type { BlockContainer } from "./dom-rules";
import type { IdleDeadlineLike } from "./idle-chunks";
import { scanInChunks, scanNow, type BlockSink } from "./scanner";

/** Records what the scanner reports, remembering signatures like the real control layer. */
function recordingSink() {
  const seen = new Map<BlockContainer, string>();
  const matches: BlockMatch[] = [];
  const shadowRoots: ShadowRoot[] = [];
  const sink: BlockSink = {
    isCurrent: (container, signature) => seen.get(container) === signature,
    accept(container, signature, found) {
      seen.set(container, signature);
      matches.push(...found);
    },
    onShadowRoot: (root) => shadowRoots.push(root)
  };
  return { sink, matches, shadowRoots, phones: () => matches.map((m) => m.e164) };
}

function mount(html: string): HTMLElement {
  const root = document.createElement("div");
  root.innerHTML = html;
  document.body.append(root);
  return root;
}

afterEach(() => document.body.replaceChildren());

describe("scanNow", () => {
  it("joins numbers split across adjacent inline elements", () => {
    const root = mount("<p>Mobile: <span>(415)</span> <span>555-0132</span></p>");
    const { sink, matches } = recordingSink();
    scanNow(root, "US", sink);
    expect(matches).toHaveLength(1);
    expect(matches[0]!.e164).toBe("+14155550132");
    expect((matches[0]!.anchor as Text).data).toBe("555-0132");
  });

  it("keeps separate elements' words apart", () => {
    const root = mount("<div><span>+1 (415) 555-0104</span><span>+44 20 7946 0111</span></div>");
    const { sink, phones } = recordingSink();
    scanNow(root, "US", sink);
    expect(phones()).toEqual(["+14155550104", "+442079460111"]);
  });

  it("reads tel: links, once per number, and anchors after the link", () => {
    const root = mount('<p><a href="tel:+14155550132">(415) 555-0132</a> or <a href="tel:4155550133">call</a></p>');
    const { sink, matches } = recordingSink();
    scanNow(root, "US", sink);
    expect(matches.map((m) => m.e164)).toEqual(["+14155550132", "+14155550133"]);
    expect(matches.every((m) => (m.anchor as Element).tagName === "A")).toBe(true);
  });

  it("descends into open shadow roots, nested ones included", () => {
    const root = mount("<x-outer></x-outer>");
    const outer = root.firstElementChild!.attachShadow({ mode: "open" });
    outer.innerHTML = "<p>Phone 415-555-0132</p><x-inner></x-inner>";
    outer.querySelector("x-inner")!.attachShadow({ mode: "open" }).innerHTML = "<span>+44 20 7946 0958</span>";
    const { sink, phones, shadowRoots } = recordingSink();
    scanNow(root, "US", sink);
    expect(phones()).toEqual(["+14155550132", "+442079460958"]);
    expect(shadowRoots).toHaveLength(2);
  });

  it("never reads inputs, textareas, selects, contenteditable, code, pre or scripts", () => {
    const root = mount(`
      <input value="415-555-0132"><textarea>415-555-0133</textarea>
      <select><option>415-555-0134</option></select>
      <div contenteditable="true">415-555-0135</div><div contenteditable="">415-555-0136</div>
      <code>415-555-0137</code><pre>415-555-0138</pre><script>var p = "415-555-0139"</script>
      <style>/* 415-555-0140 */</style><p>415-555-0141</p>`);
    const { sink, phones } = recordingSink();
    scanNow(root, "US", sink);
    expect(phones()).toEqual(["+14155550141"]);
  });

  it("skips blocks whose text did not change", () => {
    const root = mount("<p>415-555-0132</p>");
    const { sink, matches } = recordingSink();
    scanNow(root, "US", sink);
    scanNow(root, "US", sink);
    expect(matches).toHaveLength(1);
  });
});

describe("scanInChunks on a 5,000-row table", () => {
  it("splits the work into chunks bounded by the node budget", async () => {
    const root = mount(generateListTable(5000));
    const { sink, matches } = recordingSink();
    const chunkSizes: number[] = [];
    const queue: Array<(deadline: IdleDeadlineLike) => void> = [];
    const started = performance.now();
    const done = scanInChunks(root, {
      country: "US",
      sink,
      nodeBudget: 500,
      schedule: (run) => queue.push(run)
    }).then((stats) => stats);
    while (queue.length > 0) {
      const before = matches.length;
      queue.shift()!({ timeRemaining: () => 50 });
      chunkSizes.push(matches.length - before);
    }
    const stats = await done;
    console.log(
      `5,000 rows: ${stats.chunks} chunks, ${stats.units} nodes, longest chunk ${stats.longestMs.toFixed(1)} ms, ` +
        `total ${stats.totalMs.toFixed(0)} ms (wall ${(performance.now() - started).toFixed(0)} ms, happy-dom)`
    );
    expect(matches).toHaveLength(5000);
    expect(new Set(matches.map((m) => m.e164)).size).toBe(5000);
    expect(matches[4999]!.e164).toBe(generatedRow(4999).e164);
    expect(stats.chunks).toBeGreaterThan(50);
    expect(stats.units / stats.chunks).toBeLessThanOrEqual(500);
    expect(Math.max(...chunkSizes)).toBeLessThan(500);
  }, 30_000);

  it("stops when its signal aborts", async () => {
    const root = mount(generateListTable(200));
    const { sink, matches } = recordingSink();
    const controller = new AbortController();
    const queue: Array<(deadline: IdleDeadlineLike) => void> = [];
    const done = scanInChunks(root, { country: "US", sink, nodeBudget: 50, signal: controller.signal, schedule: (run) => queue.push(run) });
    queue.shift()!({ timeRemaining: () => 50 });
    controller.abort();
    while (queue.length > 0) queue.shift()!({ timeRemaining: () => 50 });
    await done;
    expect(matches.length).toBeGreaterThan(0);
    expect(matches.length).toBeLessThan(200);
  });
});

describe("the 400-row CRM list page (benchmark fixture)", () => {
  it("finds every row's number exactly once, in row order, and nothing else", () => {
    const parsed = new DOMParser().parseFromString(generateCrmListPage(CRM_LIST_ROWS), "text/html");
    document.body.replaceChildren(...[...parsed.body.childNodes].map((node) => document.importNode(node, true)));
    const { sink, phones } = recordingSink();
    scanNow(document.body, "US", sink);
    expect(phones()).toEqual(Array.from({ length: CRM_LIST_ROWS }, (_, index) => crmListRow(index).e164));
  }, 30_000);
});
