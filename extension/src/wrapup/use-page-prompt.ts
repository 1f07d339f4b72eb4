/** The call waiting for a wrap-up, for the in-page panel: asked again whenever the run changes. */
import { useCallback, useEffect, useState } from "react"

import { onBroadcast, sendRequest } from "../lib/runtime"
import type { WrapUpPrompt } from "./types"

export function usePagePrompt(): { prompt: WrapUpPrompt | null; refresh: () => void } {
  const [prompt, setPrompt] = useState<WrapUpPrompt | null>(null)
  const refresh = useCallback(() => {
    sendRequest({ type: "wrapup.pending" })
      .then((r) => setPrompt(r?.prompt ?? null))
      .catch((error: unknown) => console.warn("wrap-up: pending", error))
  }, [])
  useEffect(() => {
    refresh()
    return onBroadcast((message) => {
      if (message.type === "dialer.view") refresh()
    })
  }, [refresh])
  return { prompt, refresh }
}
