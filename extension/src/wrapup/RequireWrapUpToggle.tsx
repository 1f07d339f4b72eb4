/** The "wait for my wrap-up" option (popup and options page); the background sends it with Start. */
import { useEffect, useState } from "react"

import { localStore } from "../lib/storage"
import { readRequireWrapUp, REQUIRE_WRAP_UP_KEY } from "./prefs"

export function RequireWrapUpToggle({ testId = "require-wrapup" }: { testId?: string }) {
  const [on, setOn] = useState<boolean | null>(null)
  useEffect(() => {
    void readRequireWrapUp(localStore()).then(setOn)
  }, [])
  if (on === null) return null
  return (
    <label className="wrapup-toggle" title="After a connected call, the next dial waits until you save its wrap-up (no countdown). Applies to the next run you start.">
      <input
        type="checkbox"
        checked={on}
        onChange={(e) => {
          const next = e.target.checked
          setOn(next)
          void localStore().set(REQUIRE_WRAP_UP_KEY, next)
        }}
        data-testid={testId}
      />
      Wait for my wrap-up before the next call
    </label>
  )
}
