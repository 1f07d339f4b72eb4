/**
 * Runs long work in small chunks so big list pages stay responsive: each chunk handles at most
 * `nodeBudget` units and also stops when its time slice runs out.
 */
export type IdleDeadlineLike = { timeRemaining(): number; didTimeout?: boolean };
export type ScheduleChunk = (run: (deadline: IdleDeadlineLike) => void) => void;

const now = () => (typeof performance === "undefined" ? Date.now() : performance.now());

/** How long one chunk may run: well under the 50 ms of a long task, so input stays responsive. */
export const SLICE_MS = 12;

/**
 * Yields to the browser between chunks with a macrotask (MessageChannel: no 4 ms clamp), and
 * gives each chunk a fixed time slice. requestIdleCallback was tried first: headless and busy
 * pages rarely go idle, so a 5,000-row page took 20–50 s of wall time for ~1 s of work.
 */
export const scheduleIdle: ScheduleChunk = (run) => {
  const go = () => {
    const started = now();
    run({ timeRemaining: () => Math.max(0, SLICE_MS - (now() - started)) });
  };
  if (typeof MessageChannel === "function") {
    waiting.push(go);
    (channel ??= openChannel()).port2.postMessage(null);
  } else {
    setTimeout(go, 0);
  }
};

/** One channel for every chunk (a new MessageChannel per chunk cost more than some chunks' work). */
let channel: MessageChannel | undefined;
const waiting: (() => void)[] = [];

function openChannel(): MessageChannel {
  const opened = new MessageChannel();
  // One message per scheduled chunk, delivered in order: run the oldest.
  opened.port1.onmessage = () => waiting.shift()?.();
  return opened;
}

export type ChunkStats = { chunks: number; units: number; longestMs: number; totalMs: number };

export type ChunkOptions = {
  /** Most units (elements visited) processed in one chunk. */
  nodeBudget?: number;
  /** Stop a chunk early when less idle time than this remains (ms). */
  minRemainingMs?: number;
  /** When the browser never went idle (the callback timed out), work this long (ms) anyway. */
  busySliceMs?: number;
  schedule?: ScheduleChunk;
  signal?: AbortSignal;
};

/**
 * `step()` does one unit of work and returns false when there is nothing left. Resolves with
 * timing statistics once done, or early (with what was done) when the signal aborts.
 */
export function runInChunks(step: () => boolean, options: ChunkOptions = {}): Promise<ChunkStats> {
  const { nodeBudget = 1000, minRemainingMs = 4, busySliceMs = 10, schedule = scheduleIdle, signal } = options;
  const stats: ChunkStats = { chunks: 0, units: 0, longestMs: 0, totalMs: 0 };
  return new Promise((resolve) => {
    const chunk = (deadline: IdleDeadlineLike) => {
      if (signal?.aborted) return resolve(stats);
      const started = now();
      // A timed-out callback reports no idle time left: give it a short fixed slice instead.
      const outOfTime = deadline.didTimeout
        ? () => now() - started > busySliceMs
        : () => deadline.timeRemaining() < minRemainingMs;
      let done = false;
      let units = 0;
      while (units < nodeBudget) {
        if (!step()) {
          done = true;
          break;
        }
        units += 1;
        if (units % 16 === 0 && outOfTime()) break;
      }
      const elapsed = now() - started;
      stats.chunks += 1;
      stats.units += units;
      stats.totalMs += elapsed;
      stats.longestMs = Math.max(stats.longestMs, elapsed);
      if (done || signal?.aborted) resolve(stats);
      else schedule(chunk);
    };
    schedule(chunk);
  });
}
