import type { DialerState } from "@dialer/shared"

import type { DialerDB } from "./db"
import type { Account } from "./types"

export async function readDialerState(db: DialerDB): Promise<DialerState | null> {
  const row = await db.runtime.get("dialer")
  return row?.key === "dialer" ? row.state : null
}

export async function readAccount(db: DialerDB): Promise<Account | null> {
  const row = await db.runtime.get("account")
  return row?.key === "account" ? row.account : null
}

export async function writeAccount(db: DialerDB, account: Account | null): Promise<void> {
  await db.runtime.put({ key: "account", account })
}

/** The last error from the worker, shown by the popup until the next success clears it. */
export async function writeError(db: DialerDB, message: string | null): Promise<void> {
  await db.runtime.put({ key: "error", message, at: new Date().toISOString() })
}

export async function readError(db: DialerDB): Promise<string | null> {
  const row = await db.runtime.get("error")
  return row?.key === "error" ? row.message : null
}
