import { useEffect, useState } from "react"

import type { DialerView } from "../lib/messages"
import { onBroadcast, sendRequest } from "../lib/runtime"

/** The run as the background describes it: a snapshot on mount, then every `dialer.view` broadcast. */
export function useBarView(): DialerView | null {
  const [view, setView] = useState<DialerView | null>(null)
  useEffect(() => {
    let alive = true
    const stop = onBroadcast((message) => {
      if (message.type === "dialer.view") setView(message.view)
    })
    sendRequest({ type: "dialer.snapshot" })
      .then((snapshot) => alive && snapshot && setView((current) => current ?? snapshot))
      .catch((error: unknown) => console.warn("dialer bar: no snapshot", error))
    return () => {
      alive = false
      stop()
    }
  }, [])
  return view
}
