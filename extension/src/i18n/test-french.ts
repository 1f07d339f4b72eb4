/**
 * Test helper: an extension context whose agent chose French (chrome.storage.local `settings`),
 * with the messaging stubs the popup and the bar call. `answer` replies to chrome.runtime messages.
 */
import { vi } from "vitest"

export function stubFrenchChrome(answer: (message: { type: string }) => unknown = () => undefined): void {
  vi.stubGlobal("chrome", {
    storage: {
      local: { get: async () => ({ settings: { language: "fr" } }), set: async () => undefined },
      onChanged: { addListener: () => undefined, removeListener: () => undefined },
    },
    runtime: {
      sendMessage: async (message: { type: string }) => answer(message),
      onMessage: { addListener: () => undefined, removeListener: () => undefined },
    },
    commands: { getAll: async () => [{ name: "toggle-pause", shortcut: "Alt+Shift+P" }, { name: "skip", shortcut: "Alt+Shift+S" }] },
  })
}
