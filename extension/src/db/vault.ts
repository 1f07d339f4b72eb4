import type { KeyValueStore } from "../lib/storage"
import type { DialerDB } from "./db"

/**
 * Secrets (the login with its 30-day refresh token) in the extension's own IndexedDB. Unlike
 * chrome.storage.local, which every content script can read, the extension's IndexedDB belongs to
 * its chrome-extension:// origin: only the background and extension pages open it.
 */
export function vaultStore(db: DialerDB): KeyValueStore {
  const key = (name: string) => `vault:${name}` as const
  return {
    async get<T>(name: string) {
      const row = await db.runtime.get(key(name))
      return row && "value" in row ? (row.value as T) : undefined
    },
    async set(name, value) {
      await db.runtime.put({ key: key(name), value })
    },
    async remove(name) {
      await db.runtime.delete(key(name))
    },
  }
}

/**
 * Reads from `vault`, moving a value still in `legacy` (chrome.storage.local, where earlier
 * versions kept the login) into it on first read, so agents stay signed in. Every write or removal
 * also clears the legacy copy.
 */
export function migratingStore(vault: KeyValueStore, legacy: KeyValueStore): KeyValueStore {
  return {
    async get<T>(name: string) {
      const found = await vault.get<T>(name)
      if (found !== undefined) return found
      const old = await legacy.get<T>(name)
      if (old === undefined) return undefined
      await vault.set(name, old)
      await legacy.remove(name)
      return old
    },
    async set(name, value) {
      await vault.set(name, value)
      await legacy.remove(name)
    },
    async remove(name) {
      await vault.remove(name)
      await legacy.remove(name)
    },
  }
}
