/**
 * A V8 CPU profile of the worker's isolate (the route and every Durable Object run in it under
 * `wrangler dev`), taken through wrangler's inspector port, and a short summary of it: where the
 * JavaScript time goes, by function (self) and by a few named steps (inclusive).
 */
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import WebSocket from "ws";

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] };
export type CpuProfile = { nodes: Node[]; startTime: number; endTime: number; samples: number[]; timeDeltas: number[] };

/** The inspector port of the `wrangler dev` serving `workerPort` (read from its command line). */
export function inspectorPortOf(workerPort: number): number | null {
  try {
    const ps = execFileSync("ps", ["-eo", "args"], { encoding: "utf8" });
    const line = ps.split("\n").find((l) => l.includes("wrangler") && l.includes(`--port ${workerPort}`) && l.includes("--inspector-port"));
    const port = Number(/--inspector-port (\d+)/.exec(line ?? "")?.[1]);
    return port || null;
  } catch {
    return null;
  }
}

export class Profiler {
  private seq = 0;
  private readonly waiting = new Map<number, (r: unknown) => void>();
  private constructor(private readonly ws: WebSocket) {
    ws.on("message", (data) => {
      const msg = JSON.parse(String(data)) as { id?: number; result?: unknown; error?: unknown };
      if (msg.id !== undefined) this.waiting.get(msg.id)?.(msg.error ? Promise.reject(new Error(JSON.stringify(msg.error))) : msg.result);
    });
  }

  static async connect(inspectorPort: number): Promise<Profiler> {
    const targets = (await (await fetch(`http://127.0.0.1:${inspectorPort}/json`)).json()) as { webSocketDebuggerUrl: string }[];
    const url = targets[0]?.webSocketDebuggerUrl;
    if (!url) throw new Error("no inspector target");
    const ws = new WebSocket(url);
    await new Promise((res, rej) => (ws.once("open", res), ws.once("error", rej)));
    const p = new Profiler(ws);
    await p.send("Profiler.enable");
    await p.send("Profiler.setSamplingInterval", { interval: 200 });
    return p;
  }

  send(method: string, params?: unknown): Promise<unknown> {
    const id = ++this.seq;
    this.ws.send(JSON.stringify({ id, method, params }));
    return new Promise((res) => this.waiting.set(id, res));
  }

  start = () => this.send("Profiler.start");

  async stop(file?: string): Promise<CpuProfile> {
    const { profile } = (await this.send("Profiler.stop")) as { profile: CpuProfile };
    if (file) writeFileSync(file, JSON.stringify(profile));
    return profile;
  }

  close() {
    this.ws.close();
  }
}

const label = (n: Node) => `${n.callFrame.functionName || "(anonymous)"} ${n.callFrame.url.split("/").slice(-2).join("/")}:${n.callFrame.lineNumber + 1}`;

/** Milliseconds per function (self time) and the inclusive time of functions named in `steps`, per `per` units. */
export function summarize(p: CpuProfile, per: number, steps: string[], top = 25): string {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<number, number>();
  p.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[i] ?? 0) / 1000));
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const idle = [...self].filter(([id]) => /^\((idle|program|garbage collector)\)$/.test(byId.get(id)!.callFrame.functionName)).reduce((a, [, v]) => a + v, 0);
  const bySelf = new Map<string, number>();
  for (const [id, ms] of self) bySelf.set(label(byId.get(id)!), (bySelf.get(label(byId.get(id)!)) ?? 0) + ms);
  // Inclusive per named step: each sample counted once per step on its stack.
  const incl = new Map<string, number>(steps.map((s) => [s, 0]));
  for (const [id, ms] of self) {
    const seen = new Set<string>();
    for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
      const name = byId.get(n)!.callFrame.functionName;
      if (incl.has(name) && !seen.has(name)) (seen.add(name), incl.set(name, incl.get(name)! + ms));
    }
  }
  const fmt = (ms: number) => `${((ms / per) * 1000).toFixed(0).padStart(5)} µs`;
  const lines = [
    `profile: ${(total / 1000).toFixed(1)} s sampled, of which idle/program/GC ${(idle / 1000).toFixed(1)} s; per unit (${per}):`,
    ...[...bySelf].sort((a, b) => b[1] - a[1]).slice(0, top).map(([k, v]) => `  self ${fmt(v)}  ${k}`),
    ...[...incl].map(([k, v]) => `  incl ${fmt(v)}  ${k}`),
  ];
  return lines.join("\n");
}
