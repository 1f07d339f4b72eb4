/**
 * Performance measures of "Add all" in the service worker (the bench reads them with
 * `performance.getEntriesByName`): validation, the staged write (what the add waits for) and the
 * rows' transaction. Only the latest of each name is kept.
 */
export const QUEUE_MEASURES = ["queue.add validate", "queue.add stage", "queue.add rows"] as const

export function measureSince(name: (typeof QUEUE_MEASURES)[number], start: number): void {
  if (typeof performance?.measure !== "function") return
  performance.clearMeasures(name)
  performance.measure(name, { start, end: performance.now() })
}
