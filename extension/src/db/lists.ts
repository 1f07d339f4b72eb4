import { isRunActive } from "../ui/run-status"

import type { DialerDB } from "./db"
import { readDialerState } from "./runtime"
import { FIRST_LIST } from "./schema"
import type { ListMode, ListRow } from "./types"

/** A list operation the agent asked for that cannot be done; `message` is shown as is. */
export class ListError extends Error {
  override name = "ListError"
}

export const MAX_LIST_NAME = 60

/** The list "+ Queue", "Add all" and the run use (the first list when none was chosen). */
export async function activeListId(db: DialerDB): Promise<string> {
  const row = await db.runtime.get("activeList")
  if (row?.key === "activeList" && (await db.lists.get(row.listId))) return row.listId
  const first = await db.lists.orderBy("position").first()
  return first?.id ?? FIRST_LIST.id
}

export async function activeList(db: DialerDB): Promise<ListRow | undefined> {
  return db.lists.get(await activeListId(db))
}

/** Lists in the agent's order. */
export function allLists(db: DialerDB): Promise<ListRow[]> {
  return db.lists.orderBy("position").toArray()
}

export type ListSummary = ListRow & { total: number; pending: number; active: boolean }

/** Every list with its number counts (index counts only: fast for 10,000-row lists). */
export async function listSummaries(db: DialerDB): Promise<ListSummary[]> {
  const [lists, activeId] = await Promise.all([allLists(db), activeListId(db)])
  const counts = await Promise.all(
    lists.map((l) =>
      Promise.all([
        db.queue.where("[listId+position]").between([l.id, -Infinity], [l.id, Infinity]).count(),
        db.queue.where("[listId+status+position]").between([l.id, "pending", -Infinity], [l.id, "pending", Infinity]).count(),
      ]),
    ),
  )
  return lists.map((l, i) => ({ ...l, total: counts[i]![0], pending: counts[i]![1], active: l.id === activeId }))
}

function cleanName(name: string): string {
  const trimmed = name.replace(/\s+/g, " ").trim()
  if (!trimmed) throw new ListError("Give the list a name")
  if (trimmed.length > MAX_LIST_NAME) throw new ListError(`A list name has at most ${MAX_LIST_NAME} characters`)
  return trimmed
}

async function refuseTakenName(db: DialerDB, name: string, exceptId?: string): Promise<void> {
  const lower = name.toLowerCase()
  const taken = (await db.lists.toArray()).some((l) => l.id !== exceptId && l.name.toLowerCase() === lower)
  if (taken) throw new ListError(`A list named "${name}" already exists`)
}

async function runGoing(db: DialerDB): Promise<boolean> {
  return isRunActive(await readDialerState(db))
}

export async function createList(db: DialerDB, name: string, now = new Date().toISOString()): Promise<ListRow> {
  const clean = cleanName(name)
  return db.transaction("rw", db.lists, async () => {
    await refuseTakenName(db, clean)
    const last = await db.lists.orderBy("position").last()
    const row: ListRow = { id: crypto.randomUUID(), name: clean, position: (last?.position ?? 0) + 1, createdAt: now, mode: "run" }
    await db.lists.add(row)
    return row
  })
}

export async function renameList(db: DialerDB, id: string, name: string): Promise<void> {
  const clean = cleanName(name)
  await db.transaction("rw", db.lists, async () => {
    if (!(await db.lists.get(id))) throw new ListError("This list no longer exists")
    await refuseTakenName(db, clean, id)
    await db.lists.update(id, { name: clean })
  })
}

/**
 * Delete a list and its numbers (contacts stay). The last list cannot go, nor the active one during a
 * run; deleting the active list makes the first remaining one active.
 */
export async function deleteList(db: DialerDB, id: string): Promise<void> {
  await db.transaction("rw", db.lists, db.queue, db.runtime, async () => {
    const lists = await allLists(db)
    if (!lists.some((l) => l.id === id)) return
    if (lists.length === 1) throw new ListError("Keep at least one list")
    const activeId = await activeListId(db)
    if (id === activeId && (await runGoing(db))) throw new ListError("This list is being dialed: stop the run first")
    await db.queue.where("[listId+position]").between([id, -Infinity], [id, Infinity]).delete()
    await db.lists.delete(id)
    if (id === activeId) {
      const next = lists.find((l) => l.id !== id)
      if (next) await db.runtime.put({ key: "activeList", listId: next.id })
    }
  })
}

/** Move a list to `toIndex` in the agent's order. */
export async function reorderList(db: DialerDB, id: string, toIndex: number): Promise<void> {
  await db.transaction("rw", db.lists, async () => {
    const lists = await allLists(db)
    const from = lists.findIndex((l) => l.id === id)
    if (from < 0) return
    const [moved] = lists.splice(from, 1)
    lists.splice(Math.max(0, Math.min(lists.length, toIndex)), 0, moved!)
    await db.lists.bulkUpdate(lists.map((l, i) => ({ key: l.id, changes: { position: i + 1 } })))
  })
}

/**
 * Make `id` the list "+ Queue", "Add all" and the run use. Not during a run (the worker dials the
 * active list), and not a list handed to Aircall's Power Dialer (the two never dial the same list).
 */
export async function setActiveList(db: DialerDB, id: string): Promise<void> {
  await db.transaction("rw", db.lists, db.runtime, async () => {
    const list = await db.lists.get(id)
    if (!list) throw new ListError("This list no longer exists")
    if ((await activeListId(db)) === id) return
    if (await runGoing(db)) throw new ListError("A run is going: stop it before dialing another list")
    if (list.mode === "aircall") throw new ListError(`"${list.name}" is in Aircall's Power Dialer: clear it there first`)
    await db.runtime.put({ key: "activeList", listId: id })
  })
}

/**
 * Hand a list to Aircall's Power Dialer ("aircall") or take it back ("run"). The active list cannot
 * go to Aircall while our run dials it.
 */
export async function setListMode(db: DialerDB, id: string, mode: ListMode, now = new Date().toISOString()): Promise<void> {
  await db.transaction("rw", db.lists, db.runtime, async () => {
    const list = await db.lists.get(id)
    if (!list) throw new ListError("This list no longer exists")
    if (mode === "aircall" && id === (await activeListId(db)) && (await runGoing(db))) {
      throw new ListError("Our run is dialing this list: stop it before sending the list to Aircall")
    }
    await db.lists.update(id, mode === "aircall" ? { mode, sentToAircallAt: now } : { mode })
  })
}

/** The start of a run refuses a list that Aircall's Power Dialer has. */
export async function assertRunnable(db: DialerDB): Promise<void> {
  const list = await activeList(db)
  if (list?.mode === "aircall") throw new ListError(`"${list.name}" is in Aircall's Power Dialer: clear it there before dialing it here`)
}
