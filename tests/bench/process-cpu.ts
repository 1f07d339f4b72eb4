/**
 * CPU time spent by the `wrangler dev` process group serving a port (wrangler, its proxy and the
 * workerd running the worker and its Durable Objects). On a shared, noisy machine the CPU a request
 * costs moves far less than its wall-clock latency, so the ingest benchmark reports both.
 */
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

const TICK_MS = 10; // USER_HZ = 100 on Linux

/** The process group of whoever listens on `port` (null when it cannot be told, e.g. not Linux). */
export function listenerGroup(port: number): number | null {
  try {
    const out = execFileSync("ss", ["-ltnpH", `sport = :${port}`], { encoding: "utf8" });
    const pid = Number(/pid=(\d+)/.exec(out)?.[1]);
    return pid ? statOf(pid)?.pgrp ?? null : null;
  } catch {
    return null;
  }
}

function statOf(pid: number): { pgrp: number; cpuTicks: number } | null {
  try {
    const s = readFileSync(`/proc/${pid}/stat`, "utf8");
    const f = s.slice(s.lastIndexOf(")") + 2).split(" "); // fields from 3 (state) on
    return { pgrp: Number(f[2]), cpuTicks: Number(f[11]) + Number(f[12]) }; // utime + stime
  } catch {
    return null;
  }
}

/** User + system CPU milliseconds used so far by the live processes of the group. */
export function groupCpuMs(pgrp: number): number {
  let ticks = 0;
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    const st = statOf(Number(name));
    if (st && st.pgrp === pgrp) ticks += st.cpuTicks;
  }
  return ticks * TICK_MS;
}
