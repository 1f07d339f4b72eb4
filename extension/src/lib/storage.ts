/** Thin async key-value stores over chrome.storage, so background logic can be tested with fakes. */
export type KeyValueStore = {
  get<T>(key: string): Promise<T | undefined>
  set(key: string, value: unknown): Promise<void>
  remove(key: string): Promise<void>
}

function chromeStore(area: chrome.storage.StorageArea): KeyValueStore {
  return {
    async get<T>(key: string) {
      const found = await area.get(key)
      return found[key] as T | undefined
    },
    async set(key, value) {
      await area.set({ [key]: value })
    },
    async remove(key) {
      await area.remove(key)
    },
  }
}

/**
 * chrome.storage.local: content scripts read it too (the settings mirror). Never put a secret here;
 * only the migration of an old login reads it for one (see db/vault.ts).
 */
export const localStore = (): KeyValueStore => chromeStore(chrome.storage.local)

/** Lives while the browser runs, readable only by extension pages: the access token. */
export const sessionStore = (): KeyValueStore => chromeStore(chrome.storage.session)

/** In-memory store for tests. */
export function memoryStore(initial: Record<string, unknown> = {}): KeyValueStore & { data: Record<string, unknown> } {
  const data: Record<string, unknown> = { ...initial }
  return {
    data,
    async get<T>(key: string) {
      return data[key] as T | undefined
    },
    async set(key, value) {
      data[key] = value
    },
    async remove(key) {
      delete data[key]
    },
  }
}
