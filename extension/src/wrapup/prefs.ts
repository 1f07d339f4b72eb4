/** "Wait for my wrap-up": kept in chrome.storage.local, read by the background when a run starts. */
import type { KeyValueStore } from "../lib/storage"

export const REQUIRE_WRAP_UP_KEY = "wrapup.requireWrapUp"

export async function readRequireWrapUp(store: KeyValueStore | undefined): Promise<boolean> {
  return (await store?.get<boolean>(REQUIRE_WRAP_UP_KEY).catch(() => undefined)) === true
}
