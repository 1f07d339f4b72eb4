import { useEffect, useState } from "react"

import { type ManagedSettings, readManaged } from "../lib/managed"

/** The values IT set by policy (shown locked), kept current when the policy changes. */
export function useManaged(): ManagedSettings {
  const [managed, setManaged] = useState<ManagedSettings>({})
  useEffect(() => {
    let live = true
    const read = () => void readManaged().then((m) => live && setManaged(m))
    read()
    const onChanged = (_changes: unknown, area: string) => area === "managed" && read()
    chrome.storage?.onChanged?.addListener(onChanged)
    return () => {
      live = false
      chrome.storage?.onChanged?.removeListener(onChanged)
    }
  }, [])
  return managed
}
