import { useEffect, useState } from "react"

import { CONNECTION_KEY } from "../background/connection"
import type { ConnectionView } from "../lib/messages"

function isConnectionView(value: unknown): value is ConnectionView {
  const v = value as ConnectionView | undefined
  return !!v && typeof v.since === "string" && ["connecting", "online", "offline"].includes(v.status)
}

/** The link to the worker as the background tracks it (chrome.storage.session), live. */
export function useConnection(): ConnectionView | undefined {
  const [connection, setConnection] = useState<ConnectionView | undefined>(undefined)
  useEffect(() => {
    let alive = true
    chrome.storage.session
      .get(CONNECTION_KEY)
      .then((stored) => alive && isConnectionView(stored[CONNECTION_KEY]) && setConnection(stored[CONNECTION_KEY]))
      .catch((error: unknown) => console.warn("connection state", error))
    const listener = (changes: Record<string, chrome.storage.StorageChange>, area: string) => {
      const next = changes[CONNECTION_KEY]?.newValue
      if (area === "session" && isConnectionView(next)) setConnection(next)
    }
    chrome.storage.onChanged.addListener(listener)
    return () => {
      alive = false
      chrome.storage.onChanged.removeListener(listener)
    }
  }, [])
  return connection
}
