/** The wrap-up in the popup: the call waiting for one, asked again when the run or history changes. */
import { useLiveQuery } from "dexie-react-hooks"
import { useEffect, useState } from "react"

import { db } from "../db/db"
import { recentHistory } from "../db/history"
import { readDialerState } from "../db/runtime"
import { sendRequest } from "../lib/runtime"
import type { WrapUpPrompt } from "./types"
import { WrapUpForm } from "./WrapUpForm"
import "./wrapup.css"

/** Changes whenever the run or the newest history entry does. */
function useChangeMark(): string {
  return useLiveQuery(
    async () => {
      const [state, [last]] = await Promise.all([readDialerState(db), recentHistory(db, 1)])
      return JSON.stringify([state?.status, state?.updatedAt, state?.awaitingWrapUp, last?.key, last?.disposition, last?.endedAt])
    },
    [],
    "",
  )
}

export function PopupWrapUp() {
  const mark = useChangeMark()
  const [prompt, setPrompt] = useState<WrapUpPrompt | null>(null)
  const [tick, setTick] = useState(0)
  useEffect(() => {
    let alive = true
    sendRequest({ type: "wrapup.pending" })
      .then((r) => alive && setPrompt(r?.prompt ?? null))
      .catch((error: unknown) => console.warn("wrap-up: pending", error))
    return () => {
      alive = false
    }
  }, [mark, tick])
  if (!prompt) return null
  return (
    <section className="card wrapup-card" data-testid="popup-wrapup">
      <WrapUpForm
        prompt={prompt}
        autoFocus
        onSubmit={async (body) => {
          const result = await sendRequest({ type: "dialer.wrapUp", ...body })
          if (result.ok) setTick((t) => t + 1)
          return result.ok ? { ok: true } : { ok: false, error: result.error }
        }}
        onLater={() => void sendRequest({ type: "wrapup.putOff", key: prompt.key }).then(() => setTick((t) => t + 1))}
      />
    </section>
  )
}
