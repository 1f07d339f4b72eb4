/**
 * Diagnostic, not part of `pnpm bench`: a Chromium trace (CDP `Tracing`, with the V8 sampling
 * profiler) of one load of the 400-number CRM list page with the e2e extension, summarised where
 * the main thread's time goes from DOMContentLoaded until every control is placed.
 *
 *   pnpm --filter @dialer/tests exec tsx bench/trace-detection.ts            # crm-list-400
 *   PAGE=list-5000 RUNS=2 TRACE_OUT=trace.json pnpm --filter @dialer/tests exec tsx bench/trace-detection.ts
 *
 * Prints, per run: when DOMContentLoaded, load and each content script's evaluation happened;
 * every main-thread task of 5 ms or more after DOMContentLoaded with what filled it (script,
 * style, layout, paint, GC); totals per kind; and the functions with the most self time in the
 * profiler's samples. TRACE_OUT keeps the raw trace (open it in chrome://tracing or Perfetto).
 */
import { writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { CRM_LIST_ROWS, generateCrmListPage } from "../../extension/src/adapters/fixtures/crm-list";
import { generateListPage } from "../../extension/src/adapters/fixtures/generic-list";
import { browserUnavailable, launchWithExtension } from "./browser";
import { probe } from "./detection";

type TraceEvent = {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: Record<string, unknown> & { data?: Record<string, unknown> };
  id?: string;
};

const PAGES: Record<string, { html: () => string; expected: number }> = {
  "crm-list-400": { html: () => generateCrmListPage(CRM_LIST_ROWS), expected: CRM_LIST_ROWS },
  "list-300": { html: () => generateListPage(300), expected: 300 },
  "list-5000": { html: () => generateListPage(5000), expected: 5000 },
};

const CATEGORIES = [
  "devtools.timeline",
  "disabled-by-default-devtools.timeline",
  "v8.execute",
  "blink.user_timing",
  "loading",
  "toplevel",
  "disabled-by-default-v8.cpu_profiler",
].join(",");

/** What a child event of a task counts as. */
function kindOf(name: string): string | null {
  if (/^(FunctionCall|EvaluateScript|v8\.compile|v8\.compileModule|TimerFire|FireAnimationFrame|EventDispatch|RunMicrotasks|v8\.run|V8\.Execute)$/.test(name)) return "script";
  if (name === "UpdateLayoutTree" || name === "RecalculateStyles" || name === "ParseAuthorStyleSheet") return "style";
  if (name === "Layout") return "layout";
  if (/^(Paint|PaintImage|CompositeLayers|UpdateLayer|UpdateLayerTree|Layerize|PrePaint|Commit)$/.test(name)) return "paint";
  if (name === "ParseHTML") return "parse";
  if (/^(MinorGC|MajorGC|V8\.GC|BlinkGC)/.test(name)) return "gc";
  return null;
}

/** Self time of each kind inside [start, end): nested events of the same thread, outermost kind wins. */
function kindsIn(events: TraceEvent[], start: number, end: number): Map<string, number> {
  const out = new Map<string, number>();
  let coveredUntil = start;
  for (const e of events) {
    if (e.ph !== "X" || e.ts < start || e.ts >= end || !e.dur) continue;
    const kind = kindOf(e.name);
    if (!kind) continue;
    const from = Math.max(e.ts, coveredUntil);
    const to = Math.min(e.ts + e.dur, end);
    if (to <= from) continue;
    out.set(kind, (out.get(kind) ?? 0) + (to - from));
    coveredUntil = to;
  }
  return out;
}

function selfTimes(events: TraceEvent[], pid: number, tid: number, from: number, to: number): [string, number][] {
  // ProfileChunk events carry nodes and samples with time deltas (µs).
  const nodes = new Map<number, string>();
  const self = new Map<string, number>();
  let t = 0;
  let started = false;
  for (const e of events) {
    if (e.pid !== pid) continue;
    if (e.name === "Profile") {
      t = Number((e.args?.data as { startTime?: number })?.startTime ?? 0);
      started = true;
    }
    if (e.name !== "ProfileChunk" || !started) continue;
    const data = e.args?.data as { cpuProfile?: { nodes?: { id: number; callFrame: { functionName: string; url: string; lineNumber?: number } }[]; samples?: number[] }; timeDeltas?: number[] };
    for (const n of data.cpuProfile?.nodes ?? []) {
      const url = (n.callFrame.url ?? "").replace(/^.*\//, "");
      nodes.set(n.id, `${n.callFrame.functionName || "(anonymous)"} ${url}${n.callFrame.lineNumber !== undefined && url ? `:${n.callFrame.lineNumber + 1}` : ""}`.trim());
    }
    const samples = data.cpuProfile?.samples ?? [];
    const deltas = data.timeDeltas ?? [];
    for (let i = 0; i < samples.length; i++) {
      const dt = deltas[i] ?? 0;
      t += dt;
      if (t < from || t > to) continue;
      const name = nodes.get(samples[i]!) ?? `node ${samples[i]}`;
      if (/^\((idle|program)\)/.test(name)) continue;
      self.set(name, (self.get(name) ?? 0) + Math.max(0, deltas[i + 1] ?? dt));
    }
  }
  void tid;
  return [...self.entries()].sort((a, b) => b[1] - a[1]);
}

async function main() {
  const why = browserUnavailable();
  if (why) throw new Error(why);
  const pageName = process.env.PAGE ?? "crm-list-400";
  const spec = PAGES[pageName];
  if (!spec) throw new Error(`PAGE must be one of ${Object.keys(PAGES).join(", ")}`);
  const body = spec.html();
  const server = createServer((req, res) => {
    if (req.url !== `/${pageName}.html`) return void res.writeHead(404).end();
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(body);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/${pageName}.html`;
  const browser = await launchWithExtension();
  try {
    for (let run = 0; run < Number(process.env.RUNS ?? 1); run++) {
      const page = await browser.context.newPage();
      await page.addInitScript(probe(spec.expected));
      await page.goto("about:blank");
      const cdp = await browser.context.newCDPSession(page);
      const events: TraceEvent[] = [];
      cdp.on("Tracing.dataCollected", (m) => void events.push(...(m.value as unknown as TraceEvent[])));
      const complete = new Promise<void>((r) => cdp.once("Tracing.tracingComplete", () => r()));
      await cdp.send("Tracing.start", { traceConfig: { includedCategories: CATEGORIES.split(",") }, transferMode: "ReportEvents" });
      const finished = page.waitForEvent("console", { predicate: (m) => m.text() === "BENCH_DONE", timeout: 60_000 });
      await page.goto(url);
      await finished;
      await page.waitForTimeout(300);
      const b = await page.evaluate(() => (window as unknown as { __bench: { dcl: number; done: number; longtasks: { start: number; duration: number }[] } }).__bench);
      await cdp.send("Tracing.end");
      await complete;
      if (process.env.TRACE_OUT) writeFileSync(process.env.TRACE_OUT.replace(/(\.json)?$/, `-${run + 1}.json`), JSON.stringify({ traceEvents: events }));
      summarise(events, url, b);
      await page.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
}

function summarise(events: TraceEvent[], url: string, b: { dcl: number; done: number }) {
  events.sort((x, y) => x.ts - y.ts);
  const dclEvent = events.find((e) => e.name === "MarkDOMContent" && (e.args?.data as { isMainFrame?: boolean })?.isMainFrame !== false && e.ts > 0);
  const parse = events.find((e) => e.name === "ParseHTML" && String((e.args?.beginData as { url?: string })?.url ?? "").startsWith(url));
  const pid = parse?.pid ?? dclEvent?.pid;
  const tid = parse?.tid ?? dclEvent?.tid;
  if (pid === undefined || tid === undefined) return console.log("no page main thread in the trace");
  const main = events.filter((e) => e.pid === pid && e.tid === tid);
  const dcl = main.find((e) => e.name === "MarkDOMContent")?.ts ?? 0;
  const load = main.find((e) => e.name === "MarkLoad")?.ts;
  const end = dcl + (b.done - b.dcl) * 1000;
  const ms = (us: number) => `${(us / 1000).toFixed(1)}`;
  const rel = (ts: number) => `${ts >= dcl ? "+" : ""}${ms(ts - dcl)}`;
  console.log(`\n== ${url}: DOMContentLoaded at trace ${ms(dcl)} ms; load ${load ? rel(load) : "-"} ms; every control at +${ms(end - dcl)} ms (the page's own clock)`);
  for (const e of main) {
    if (e.name !== "EvaluateScript" || !e.dur) continue;
    const src = String((e.args?.data as { url?: string })?.url ?? "");
    if (!src.startsWith("chrome-extension://")) continue;
    console.log(`  content script ${src.replace(/^.*\//, "")} evaluated at ${rel(e.ts)} ms for ${ms(e.dur)} ms`);
  }
  // Top-level tasks only (RunTask may nest inside ThreadControllerImpl::RunTask).
  const tasks: TraceEvent[] = [];
  for (const e of main) {
    if (e.ph !== "X" || !e.dur || !/^(ThreadControllerImpl::RunTask|RunTask)$/.test(e.name) || e.ts + e.dur < dcl - 50_000 || e.ts > end) continue;
    const last = tasks[tasks.length - 1];
    if (last && e.ts < last.ts + last.dur!) continue;
    tasks.push(e);
  }
  const totals = new Map<string, number>();
  let busy = 0;
  const LONG = Number(process.env.TASK_MS ?? 20) * 1000;
  const sizes = [0, 0, 0, 0];
  console.log(`  main-thread tasks of ${LONG / 1000} ms or more (start after DOMContentLoaded, duration, inside):`);
  for (const task of tasks) {
    const kinds = kindsIn(main, task.ts, task.ts + task.dur!);
    if (task.ts >= dcl) {
      busy += task.dur!;
      for (const [k, v] of kinds) totals.set(k, (totals.get(k) ?? 0) + v);
    }
    if (task.ts >= dcl) sizes[task.dur! < 5000 ? 0 : task.dur! < 20_000 ? 1 : task.dur! <= 50_000 ? 2 : 3]! += 1;
    if (task.dur! < LONG) continue;
    const inside = [...kinds.entries()].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${ms(v)}`).join(", ");
    console.log(`    ${rel(task.ts).padStart(7)} ms  ${ms(task.dur!).padStart(6)} ms  ${inside}`);
  }
  console.log(`  tasks after DOMContentLoaded: ${sizes[0]} under 5 ms, ${sizes[1]} of 5–20 ms, ${sizes[2]} of 20–50 ms, ${sizes[3]} over 50 ms`);
  console.log(`  DOMContentLoaded → every control: ${ms(end - dcl)} ms wall, ${ms(busy)} ms in main-thread tasks: ${[...totals.entries()].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${ms(v)}`).join(", ")}`);
  const top = selfTimes(events, pid, tid, dcl, end).slice(0, 15);
  console.log("  most self time in the profiler's samples (DOMContentLoaded → every control):");
  for (const [name, us] of top) console.log(`    ${ms(us).padStart(6)} ms  ${name}`);
}

await main();
