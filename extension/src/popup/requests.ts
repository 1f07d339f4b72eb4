import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"

import type { DialerCommand, Result } from "../lib/messages"
import { sendRequest } from "../lib/runtime"

/** Throw a failed `{ok:false,error}` so react-query treats it as an error with that message. */
function unwrap<T extends object>(result: Result<T>): T {
  if (!result.ok) throw new Error(result.error)
  return result
}

function startOfToday(): string {
  const d = new Date()
  d.setHours(0, 0, 0, 0)
  return d.toISOString()
}

/** Today's calls, answered and talk time from GET /api/stats (through the background). */
export function useTodayStats(enabled: boolean, historyVersion: string) {
  return useQuery({
    queryKey: ["stats", "today", historyVersion],
    enabled,
    refetchInterval: 60_000,
    queryFn: async () => unwrap(await sendRequest({ type: "stats.get", from: startOfToday() })).stats,
  })
}

export type ControlAction = DialerCommand | "start"

/** Start / pause / resume / skip / stop. `onSuccess`: e.g. clear a stale error. */
export function useDialerControl(onSuccess?: () => void) {
  const client = useQueryClient()
  return useMutation({
    onSuccess,
    mutationFn: async (action: ControlAction) =>
      unwrap(
        action === "start"
          ? await sendRequest({ type: "dialer.start" })
          : await sendRequest({ type: "dialer.command", command: action }),
      ),
    onSettled: () => client.invalidateQueries({ queryKey: ["stats"] }),
  })
}

/** Resync with the worker when the popup opens. */
export function useSyncOnOpen(enabled: boolean) {
  return useQuery({
    queryKey: ["sync"],
    enabled,
    staleTime: Infinity,
    queryFn: async () => unwrap(await sendRequest({ type: "sync.now" })),
  })
}

/** After the popup edits the queue in IndexedDB: broadcast, and PUT /api/queue during a run. */
export function notifyQueueEdited(): Promise<unknown> {
  return sendRequest({ type: "queue.edited" })
}
