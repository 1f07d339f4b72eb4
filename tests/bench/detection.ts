/**
 * Detection: the content script on generated CRM list pages (300 and 5,000 rows, one number per
 * row plus distractors) served from 127.0.0.1 — time from navigation start until every row has its
 * `[data-dialer-number]` control, the longest task while it works (PerformanceObserver 'longtask',
 * injected before the page loads), and the size of the content scripts a CRM page loads.
 */
import { readFileSync, statSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { existsSync } from "node:fs";
import { generateListPage } from "../../extension/src/adapters/fixtures/generic-list";
import { browserUnavailable, E2E_BUILD, launchWithExtension, PROD_BUILD } from "./browser";
import type { Bench, BenchContext } from "./lib";

const SIZES = [300, 5000];

/**
 * Runs in the page before its own scripts: long tasks and the moment the last control appeared.
 * A string, not a function: tsx (esbuild keepNames) would wrap nested functions in `__name()`,
 * which does not exist in the page.
 */
export function probe(expected: number): string {
  return `(() => {
    const b = { longtasks: [], count: 0, done: null, dcl: null };
    window.__bench = b;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) b.longtasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: "longtask", buffered: true });
    const count = (n) => n instanceof Element ? (n.hasAttribute("data-dialer-number") ? 1 : 0) + n.querySelectorAll("[data-dialer-number]").length : 0;
    document.addEventListener("DOMContentLoaded", () => {
      b.dcl = performance.now();
      new MutationObserver((records) => {
        for (const r of records) {
          for (const n of r.addedNodes) b.count += count(n);
          for (const n of r.removedNodes) b.count -= count(n);
        }
        if (b.done === null && b.count >= ${expected}) b.done = performance.now();
      }).observe(document.body, { childList: true, subtree: true });
    });
  })();`;
}

function scriptSizes(ctx: BenchContext) {
  const dir = existsSync(join(PROD_BUILD, "manifest.json")) ? PROD_BUILD : E2E_BUILD;
  const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")) as { content_scripts?: { js?: string[]; css?: string[] }[] };
  const files = [...new Set((manifest.content_scripts ?? []).flatMap((c) => [...(c.js ?? []), ...(c.css ?? [])]))];
  const size = (f: string) => statSync(join(dir, f)).size / 1000;
  const detector = files.filter((f) => /detect/i.test(f));
  const total = files.reduce((s, f) => s + size(f), 0);
  ctx.log(`content scripts (${dir.endsWith("prod") ? "prod" : "e2e"} build): ${files.map((f) => `${f} ${size(f).toFixed(1)} kB`).join(", ")}`);
  if (detector.length) ctx.record({ name: "content_script_detector_size", value: detector.reduce((s, f) => s + size(f), 0), unit: "kB", target: { op: "<", value: 250 } });
  ctx.record({ name: "content_scripts_total_size", value: total, unit: "kB", target: { op: "<", value: 500 } });
}

export const detection: Bench = {
  id: "detection",
  title: "Detection on 300- and 5,000-row list pages",
  async run(ctx) {
    const why = browserUnavailable();
    if (why) return ctx.skip(why);
    scriptSizes(ctx);
    const pages = new Map(SIZES.map((n) => [`/list-${n}.html`, generateListPage(n)]));
    const server = createServer((req, res) => {
      const body = pages.get(req.url ?? "");
      if (!body) return void res.writeHead(404).end();
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(body);
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const browser = await launchWithExtension();
    try {
      for (const rows of SIZES) {
        for (let run = 0; run < ctx.runs; run++) {
          const page = await browser.context.newPage();
          let scan = "";
          page.on("console", (m) => {
            if (m.text().startsWith("SCAN")) scan = m.text().slice(5);
          });
          await page.addInitScript(probe(rows));
          await page.goto(`${origin}/list-${rows}.html`);
          const handle = await page.waitForFunction(() => (window as unknown as { __bench: { done: number | null } }).__bench.done, null, { timeout: 30_000, polling: 100 });
          const done = (await handle.jsonValue()) as number;
          await page.waitForTimeout(300); // let trailing chunks and long-task entries land
          const b = await page.evaluate(() => (window as unknown as { __bench: { longtasks: { start: number; duration: number }[]; dcl: number; count: number } }).__bench);
          const during = b.longtasks.filter((t) => t.start + t.duration >= b.dcl);
          const longest = Math.max(0, ...during.map((t) => t.duration));
          const parse = Math.max(0, ...b.longtasks.filter((t) => t.start + t.duration < b.dcl).map((t) => t.duration));
          ctx.log(`${rows} rows, run ${run + 1}: all ${b.count} controls at ${done.toFixed(0)} ms (DOMContentLoaded ${b.dcl.toFixed(0)} ms); longest task after DOMContentLoaded ${longest.toFixed(0)} ms (${during.length} > 50 ms), page parse's own ${parse.toFixed(0)} ms; detector says ${scan || "-"}`);
          // The detector's own scan (e2e builds log it): from its first chunk until every control is placed.
          const own = scan ? (JSON.parse(scan) as { wallMs: number; totalMs: number; longestMs: number }) : null;
          if (own) {
            ctx.record({ name: `detect_${rows}_rows_scan`, value: own.wallMs, unit: "ms", ...(rows === 300 ? { target: { op: "<" as const, value: 100 } } : {}) });
            ctx.record({ name: `detect_${rows}_rows_scan_work`, value: own.totalMs, unit: "ms" });
          }
          // Navigation start → all controls: page load, document_idle injection and the scan together.
          ctx.record({ name: `detect_${rows}_rows`, value: done, unit: "ms" });
          ctx.record({ name: `detect_${rows}_rows_longest_task`, value: longest, unit: "ms", target: { op: "<=", value: 50 } });
          await page.close();
        }
      }
    } finally {
      await browser.close();
      server.close();
    }
  },
};
