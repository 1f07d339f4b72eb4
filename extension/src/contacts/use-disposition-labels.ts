import { useEffect, useState } from "react"

import { sendRequest } from "../lib/runtime"

/**
 * The team's dispositions by id ("voicemail" → "Left voicemail"), as the wrap-up form shows them,
 * so the contacts page names a call's disposition instead of printing its id. Asked once per page.
 */
let asked: Promise<Map<string, string>> | null = null

export function useDispositionLabels(): Map<string, string> {
  const [labels, setLabels] = useState<Map<string, string>>(new Map())
  useEffect(() => {
    let alive = true
    asked ??= sendRequest({ type: "wrapup.choices" }).then((r) => new Map((r?.choices ?? []).map((c) => [c.id, c.label])))
    asked.then((m) => alive && setLabels(m)).catch(() => (asked = null))
    return () => {
      alive = false
    }
  }, [])
  return labels
}
