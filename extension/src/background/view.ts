import type { DialerDB } from "../db/db"
import { nextDialable } from "../db/queue"
import { readDialerState } from "../db/runtime"
import type { ConnectionView, DialerView } from "../lib/messages"

export { isRunActive } from "../ui/run-status"

let connectionSource: () => ConnectionView | undefined = () => undefined

/** Where views read the connection state from (the background's ConnectionTracker). */
export function setConnectionSource(read: () => ConnectionView | undefined): void {
  connectionSource = read
}

/** The run as the bar and popup show it: state, the current and next contacts, the connection. */
export async function buildView(db: DialerDB, signedIn: boolean, connection = connectionSource()): Promise<DialerView> {
  const state = await readDialerState(db)
  const currentId = state?.current?.itemId
  const currentRow = currentId ? await db.queue.get(currentId) : undefined
  const nextRow = await nextDialable(db, currentId)
  const current = state?.current
    ? { phone: state.current.phone, name: state.current.name ?? currentRow?.name }
    : null
  const next = nextRow ? { phone: nextRow.phone, name: nextRow.name } : null
  return { signedIn, state, current, next, ...(connection ? { connection } : {}) }
}
