/** The "wait for my wrap-up" option (popup and options page); the background sends it with Start. */
import { useEffect, useState } from "react"

import { useT } from "../i18n"
import { localStore } from "../lib/storage"
import { readRequireWrapUp, REQUIRE_WRAP_UP_KEY } from "./prefs"

export function RequireWrapUpToggle({ testId = "require-wrapup" }: { testId?: string }) {
  const { t } = useT()
  const [on, setOn] = useState<boolean | null>(null)
  useEffect(() => {
    void readRequireWrapUp(localStore()).then(setOn)
  }, [])
  if (on === null) return null
  return (
    <label className="wrapup-toggle" title={t("wrapup.toggleTitle")}>
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
      {t("wrapup.toggle")}
    </label>
  )
}
