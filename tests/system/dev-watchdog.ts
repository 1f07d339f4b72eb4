/**
 * `pnpm dev`'s watch on its worker: wrangler dev can die (a crash, a killed workerd, a laptop
 * waking up) while the simulator and the pages keep running, and "ready" would stay on screen.
 * Every few seconds the worker's /health is asked. One slow answer on a busy machine says nothing;
 * two misses in a row are reported, and after `failuresBeforeRestart` misses the worker is
 * restarted (the persisted local state is kept) and this says when it is back.
 */
export type WatchOptions = {
  probe: () => Promise<boolean>
  restart: () => Promise<void>
  say: (line: string) => void
  intervalMs?: number
  failuresBeforeRestart?: number
  now?: () => Date
}

const hhmm = (d: Date) => d.toTimeString().slice(0, 8)

export function watchWorker(o: WatchOptions): { stop: () => void; tick: () => Promise<void> } {
  const limit = o.failuresBeforeRestart ?? 3
  const now = o.now ?? (() => new Date())
  let misses = 0
  let busy = false
  const tick = async () => {
    if (busy) return
    busy = true
    try {
      if (await o.probe().catch(() => false)) {
        if (misses >= 2) o.say(`worker answers again (${hhmm(now())}).`)
        misses = 0
        return
      }
      misses++
      if (misses === 2) o.say(`worker is not answering (${hhmm(now())}); checking again…`)
      if (misses < limit) return
      o.say(`worker stopped (no answer ${misses} times in a row): restarting it…`)
      try {
        await o.restart()
        misses = 0
        o.say(`worker restarted and ready again (${hhmm(now())}).`)
      } catch (err) {
        o.say(`worker could not be restarted: ${(err as Error).message.split("\n")[0]} — trying again shortly. Ctrl-C and run pnpm dev again if it keeps failing.`)
      }
    } finally {
      busy = false
    }
  }
  const timer = setInterval(() => void tick(), o.intervalMs ?? 5_000)
  timer.unref?.()
  return { stop: () => clearInterval(timer), tick }
}

/** True when the worker's /health answers 2xx within `timeoutMs`. */
export async function workerHealthy(url: string, timeoutMs = 3_000): Promise<boolean> {
  try {
    const res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(timeoutMs) })
    return res.ok
  } catch {
    return false
  }
}
