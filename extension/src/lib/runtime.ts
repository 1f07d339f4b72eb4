/**
 * Typed wrappers over chrome.runtime / chrome.tabs messaging. No zod here: content scripts import
 * this file. The background validates every request it receives (messages.schema.ts).
 */
import type { Broadcast, Request, RequestType, Response } from "./messages"

/** Send a request to the background and wait for its answer. */
export async function sendRequest<T extends RequestType>(message: Request<T>): Promise<Response<T>> {
  return (await chrome.runtime.sendMessage(message)) as Response<T>
}

/** Listen for broadcasts from the background (content scripts and extension pages). */
export function onBroadcast(handler: (message: Broadcast) => void): () => void {
  const listener = (message: unknown) => {
    if (typeof message === "object" && message !== null && "type" in message) handler(message as Broadcast)
  }
  chrome.runtime.onMessage.addListener(listener)
  return () => chrome.runtime.onMessage.removeListener(listener)
}

/** Send a broadcast to every tab's content scripts (extension pages read IndexedDB live instead). */
export async function broadcast(message: Broadcast): Promise<void> {
  const tabs = await chrome.tabs.query({})
  await Promise.all(
    tabs.map((tab) =>
      tab.id === undefined
        ? undefined
        : chrome.tabs.sendMessage(tab.id, message).catch((error: unknown) => {
            // Tabs without our content scripts have no receiver: expected, nothing to do.
            if (!String(error).includes("Receiving end does not exist")) console.warn("broadcast", error)
          }),
    ),
  )
}
