/**
 * Runs the benchmarks against the real local system (simulator + wrangler dev) and prints each
 * figure as `name value unit`; writes tests/bench/results.json.
 *   pnpm bench                       all of them
 *   pnpm bench -- --only=hangup,ingest
 *   pnpm bench -- --runs=5           repeats of each timing benchmark (default 3)
 */
import { readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Bench, Sample, Target } from "./lib";
import { median, round } from "./stats";
import { hangup } from "./hangup";
import { ingest } from "./ingest";
import { push } from "./push";
import { detection } from "./detection";
import { queue } from "./queue";
import { ratelimit } from "./ratelimit";
import { throughput } from "./throughput";

const ALL: Bench[] = [hangup, ingest, push, throughput, detection, queue, ratelimit];

const args = process.argv.slice(2);
const opt = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.split("=")[1];
const only = opt("only")?.split(",").map((s) => s.trim()).filter(Boolean);
const runs = Number(opt("runs") ?? 3);
const verbose = !args.includes("--quiet");
if (only) {
  const unknown = only.filter((id) => !ALL.some((b) => b.id === id));
  if (unknown.length) {
    console.error(`unknown benchmark(s): ${unknown.join(", ")}; known: ${ALL.map((b) => b.id).join(", ")}`);
    process.exit(2);
  }
}
const selected = only ? ALL.filter((b) => only.includes(b.id)) : ALL;

export type Figure = {
  name: string;
  bench: string;
  value: number;
  unit: string;
  runs: number;
  min: number;
  max: number;
  median: number;
  baselineMs: number | null;
  ratioToBaseline: number | null;
  target: string | null;
  met: boolean | null;
  note?: string;
};

function meets(value: number, t: Target): boolean {
  switch (t.op) {
    case "<":
      return value < t.value;
    case "<=":
      return value <= t.value;
    case ">=":
      return value >= t.value;
    case "==":
      return value === t.value;
  }
}

function aggregate(bench: string, samples: Sample[]): Figure[] {
  const byName = new Map<string, Sample[]>();
  for (const s of samples) (byName.get(s.name) ?? byName.set(s.name, []).get(s.name)!).push(s);
  return [...byName.entries()].map(([name, list]) => {
    const values = list.map((s) => s.value);
    const first = list[0]!;
    const med = median(values);
    const withBase = list.filter((s) => s.baselineMs !== undefined && s.baselineMs > 0);
    const ratio = first.unit === "ms" && withBase.length ? median(withBase.map((s) => s.value / s.baselineMs!)) : null;
    const target = list.find((s) => s.target)?.target;
    return {
      name,
      bench,
      value: round(med),
      unit: first.unit,
      runs: list.length,
      min: round(Math.min(...values)),
      max: round(Math.max(...values)),
      median: round(med),
      baselineMs: withBase.length ? round(median(withBase.map((s) => s.baselineMs!))) : null,
      ratioToBaseline: ratio === null ? null : round(ratio),
      target: target ? `${target.op} ${target.value}` : null,
      met: target ? meets(med, target) : null,
      ...(list.find((s) => s.note) ? { note: list.find((s) => s.note)!.note } : {}),
    };
  });
}

const started = Date.now();
const figures: Figure[] = [];
const skipped: { bench: string; reason: string }[] = [];
const failed: { bench: string; error: string }[] = [];
const load0 = loadavg();

for (const bench of selected) {
  const samples: Sample[] = [];
  let skipReason: string | undefined;
  const t0 = Date.now();
  if (verbose) console.error(`# ${bench.id}: ${bench.title}`);
  try {
    await bench.run({
      runs,
      record: (s) => samples.push(s),
      skip: (reason) => void (skipReason = reason),
      log: (m) => verbose && console.error(`#   ${m}`),
    });
  } catch (err) {
    failed.push({ bench: bench.id, error: (err as Error).stack ?? String(err) });
    console.error(`# ${bench.id} failed: ${(err as Error).stack ?? err}`);
  }
  const figs = aggregate(bench.id, samples);
  for (const f of figs) console.log(`${f.name} ${f.value} ${f.unit}`);
  if (skipReason) {
    skipped.push({ bench: bench.id, reason: skipReason });
    console.log(`${bench.id} skipped: ${skipReason}`);
  }
  figures.push(...figs);
  if (verbose) console.error(`#   (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
}

const durationS = Math.round((Date.now() - started) / 100) / 10;
const out = join(dirname(fileURLToPath(import.meta.url)), "results.json");
// The figures of the run before this one, printed beside the new ones.
const previous = (() => {
  try {
    return JSON.parse(readFileSync(out, "utf8")) as { generatedAt?: string; figures: Figure[] };
  } catch {
    return undefined;
  }
})();
const before = new Map((previous?.figures ?? []).map((f) => [f.name, f]));
console.error(`\n# name | median [min..max] over runs | ×baseline | target | met | previous run${previous?.generatedAt ? ` (${previous.generatedAt})` : ""}`);
for (const f of figures) {
  const range = f.runs > 1 ? ` [${f.min}..${f.max}] n=${f.runs}` : "";
  const ratio = f.ratioToBaseline !== null ? ` | ×${f.ratioToBaseline} of /health ${f.baselineMs} ms` : "";
  const target = f.target ? ` | target ${f.target} | ${f.met ? "met" : "MISSED"}` : "";
  const was = before.get(f.name);
  const prev = was ? ` | was ${was.value}${was.ratioToBaseline !== null ? ` (×${was.ratioToBaseline})` : ""}` : " | new";
  console.error(`# ${f.name} ${f.value} ${f.unit}${range}${ratio}${target}${prev}`);
}
const missed = figures.filter((f) => f.met === false).map((f) => f.name);
console.error(`# ${figures.filter((f) => f.met).length} targets met, ${missed.length} missed${missed.length ? ` (${missed.join(", ")})` : ""}; ${skipped.length} skipped; ${failed.length} failed; ${durationS} s`);

// With --only, keep the other benchmarks' latest figures from the previous results.
const kept = (only ? previous : undefined)?.figures.filter((f) => !selected.some((b) => b.id === f.bench)) ?? [];
writeFileSync(
  out,
  JSON.stringify(
    {
      generatedAt: new Date().toISOString(),
      machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, node: process.version, loadAvgAtStart: load0.map(round), loadAvgAtEnd: loadavg().map(round) },
      runs,
      only: only ?? null,
      durationSeconds: durationS,
      figures: [...kept, ...figures],
      skipped,
      failed,
    },
    null,
    2,
  ) + "\n",
);
process.exit(failed.length ? 1 : 0);
