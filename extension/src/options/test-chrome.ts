/**
 * A small stand-in for the `chrome` APIs the extension pages touch, for page tests under happy-dom:
 * chrome.storage.local keeps what is set and tells onChanged listeners (as Chrome does), so a page
 * follows a language switch exactly as it does in the browser.
 */
import { vi } from "vitest"

type Listener = (changes: Record<string, chrome.storage.StorageChange>, area: string) => void

export function stubChrome(local: Record<string, unknown> = {}, answer: (message: { type: string }) => unknown = () => ({ ok: true })) {
  const listeners = new Set<Listener>()
  const stored: Record<string, unknown> = { ...local }
  const fake = {
    storage: {
      local: {
        get: async (key?: string | null) => (typeof key === "string" ? { [key]: stored[key] } : { ...stored }),
        set: async (items: Record<string, unknown>) => {
          const changes: Record<string, chrome.storage.StorageChange> = {}
          for (const [k, v] of Object.entries(items)) changes[k] = { oldValue: stored[k], newValue: v }
          Object.assign(stored, items)
          for (const l of listeners) l(changes, "local")
        },
      },
      session: { get: async () => ({}) },
      managed: { get: async () => ({}) },
      onChanged: { addListener: (l: Listener) => void listeners.add(l), removeListener: (l: Listener) => void listeners.delete(l) },
    },
    runtime: {
      getURL: (path: string) => `chrome-extension://test/${path}`,
      getManifest: () => ({ content_scripts: [{ matches: ["https://app.hubspot.com/*"], js: ["detector.js"] }] }),
      sendMessage: async (message: { type: string }) => answer(message),
    },
    permissions: { contains: async () => true },
    tabs: { create: async () => ({}) },
  }
  vi.stubGlobal("chrome", fake)
  return { stored, fake }
}

/** Let promises, IndexedDB reads and React effects settle. */
export async function settle(act: (fn: () => Promise<void>) => Promise<void>, rounds = 5): Promise<void> {
  for (let i = 0; i < rounds; i++) await act(async () => void (await new Promise((r) => setTimeout(r, 20))))
}
