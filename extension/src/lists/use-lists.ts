import { useLiveQuery } from "dexie-react-hooks"

import { db } from "../db/db"
import { listSummaries } from "../db/lists"
import { listRows } from "../db/queue"

export const useListSummaries = () => useLiveQuery(() => listSummaries(db), [], undefined)
export const useListRows = (listId: string | null) =>
  useLiveQuery(() => (listId ? listRows(db, listId) : Promise.resolve([])), [listId], undefined)
export const useCompanies = () => useLiveQuery(async () => new Map((await db.contacts.toArray()).map((c) => [c.phone, c.company])), [], undefined)
