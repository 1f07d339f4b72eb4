/**
 * Everything the in-page controls need from the extension, behind one small interface so the
 * page logic is tested with a fake. The chrome.* implementation speaks the protocol in
 * `~lib/messages` (queue.add, queue.phones, the queue.changed broadcast) and reads the default
 * country from `chrome.storage.local` → `settings.defaultCountry`.
 */
import type { Broadcast, CapturedNumber, DialerView, Request, RequestType, Response } from "~lib/messages";
import { isRunActive } from "~ui/run-status";

export type Unsubscribe = () => void;

export type PageBridge = {
  /** Adds numbers to the queue; resolves with every phone now queued. */
  addToQueue(items: CapturedNumber[]): Promise<string[]>;
  queuedPhones(): Promise<string[]>;
  onQueueChanged(listener: (phones: string[]) => void): Unsubscribe;
  defaultCountry(): Promise<string>;
  onDefaultCountryChanged(listener: (country: string) => void): Unsubscribe;
  /** Whether the in-page dialer bar shows (a run is going): "Add all" then moves above it. */
  barShown(): Promise<boolean>;
  onBarShownChanged(listener: (shown: boolean) => void): Unsubscribe;
};

/** The bar's own rule (see bar/DialerBar.tsx): signed in and a run going. */
export function barShownFor(view: DialerView | null | undefined): boolean {
  return !!view?.signedIn && isRunActive(view.state);
}

export const DEFAULT_COUNTRY = "US";

type Settings = { defaultCountry?: string } | undefined;

function countryOf(settings: Settings): string {
  return settings?.defaultCountry || DEFAULT_COUNTRY;
}

function send<T extends RequestType>(request: Request<T>): Promise<Response<T>> {
  return chrome.runtime.sendMessage(request) as Promise<Response<T>>;
}

function isQueueChanged(message: unknown): message is Extract<Broadcast, { type: "queue.changed" }> {
  const candidate = message as { type?: unknown; phones?: unknown } | null;
  return candidate?.type === "queue.changed" && Array.isArray(candidate.phones);
}

export function createChromeBridge(): PageBridge {
  return {
    async addToQueue(items) {
      const response = await send<"queue.add">({ type: "queue.add", items });
      return response?.phones ?? [];
    },
    async queuedPhones() {
      const response = await send<"queue.phones">({ type: "queue.phones" });
      return response?.phones ?? [];
    },
    onQueueChanged(listener) {
      const handle = (message: unknown) => {
        if (isQueueChanged(message)) listener(message.phones);
      };
      chrome.runtime.onMessage.addListener(handle);
      return () => chrome.runtime.onMessage.removeListener(handle);
    },
    async defaultCountry() {
      const stored = await chrome.storage.local.get("settings");
      return countryOf(stored.settings as Settings);
    },
    onDefaultCountryChanged(listener) {
      const handle = (changes: Record<string, chrome.storage.StorageChange>, area: string) => {
        const change = changes.settings;
        if (area !== "local" || !change) return;
        const before = countryOf(change.oldValue as Settings);
        const after = countryOf(change.newValue as Settings);
        if (before !== after) listener(after);
      };
      chrome.storage.onChanged.addListener(handle);
      return () => chrome.storage.onChanged.removeListener(handle);
    },
    async barShown() {
      return barShownFor(await send<"dialer.snapshot">({ type: "dialer.snapshot" }));
    },
    onBarShownChanged(listener) {
      const handle = (message: unknown) => {
        const candidate = message as { type?: unknown; view?: DialerView } | null;
        if (candidate?.type === "dialer.view") listener(barShownFor(candidate.view));
      };
      chrome.runtime.onMessage.addListener(handle);
      return () => chrome.runtime.onMessage.removeListener(handle);
    }
  };
}
