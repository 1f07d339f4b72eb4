import { useLiveQuery } from "dexie-react-hooks"

import { db } from "../db/db"
import { listSummaries } from "../db/lists"
import { listRows } from "../db/queue"
import type { QueueRow } from "../db/types"

export const useListSummaries = () => useLiveQuery(() => listSummaries(db), [], undefined)

/** A list's rows in order, re-read on any change. */
export const useListRows = (listId: string | null) =>
  useLiveQuery(() => (listId ? listRows(db, listId) : Promise.resolve([] as QueueRow[])), [listId], undefined)

/** The companies of the numbers on screen only (a 50,000-row list never reads 50,000 contacts). */
export function useCompanies(phones: string[]): Map<string, string | undefined> {
  const key = phones.join(",")
  return (
    useLiveQuery(
      async () => {
        const contacts = await db.contacts.bulkGet(phones)
        return new Map(phones.map((p, i) => [p, contacts[i]?.company]))
      },
      [key],
    ) ?? new Map()
  )
}
