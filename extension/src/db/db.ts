import Dexie, { type EntityTable, type Table } from "dexie"

import { declareVersions } from "./schema"
import type { ContactRow, HistoryRow, ListRow, QueueRow, RuntimeRow, SettingsRow, StagedRow } from "./types"

export const DB_NAME = "power-dialer"

/** The extension's IndexedDB: one class, typed tables, versions declared in schema.ts. */
export class DialerDB extends Dexie {
  contacts!: EntityTable<ContactRow, "phone">
  lists!: EntityTable<ListRow, "id">
  queue!: EntityTable<QueueRow, "id">
  history!: EntityTable<HistoryRow, "key">
  settings!: EntityTable<SettingsRow, "key">
  runtime!: Table<RuntimeRow, RuntimeRow["key"]>
  staged!: EntityTable<StagedRow, "id">

  constructor(name: string = DB_NAME) {
    super(name)
    declareVersions(this)
  }
}

/** The singleton used by the background, popup and options pages. */
export const db = new DialerDB()
