/** An in-memory PageBridge for tests: records what was sent and lets tests push broadcasts. */
import type { CapturedNumber } from "~lib/messages";

import { DEFAULT_COUNTRY, type PageBridge } from "./bridge";

export type FakeBridge = PageBridge & {
  sent: CapturedNumber[][];
  queued: Set<string>;
  broadcastQueue(phones: string[]): void;
  setCountry(country: string): void;
  setBarShown(shown: boolean): void;
};

export function createFakeBridge(initial: { queued?: string[]; country?: string } = {}): FakeBridge {
  const queued = new Set(initial.queued ?? []);
  let country = initial.country ?? DEFAULT_COUNTRY;
  const queueListeners = new Set<(phones: string[]) => void>();
  const countryListeners = new Set<(country: string) => void>();
  const barListeners = new Set<(shown: boolean) => void>();
  let bar = false;
  const fake: FakeBridge = {
    sent: [],
    queued,
    async addToQueue(items) {
      fake.sent.push(items);
      for (const item of items) queued.add(item.phone);
      return [...queued];
    },
    async queuedPhones() {
      return [...queued];
    },
    onQueueChanged(listener) {
      queueListeners.add(listener);
      return () => queueListeners.delete(listener);
    },
    async defaultCountry() {
      return country;
    },
    onDefaultCountryChanged(listener) {
      countryListeners.add(listener);
      return () => countryListeners.delete(listener);
    },
    broadcastQueue(phones) {
      queued.clear();
      for (const phone of phones) queued.add(phone);
      for (const listener of queueListeners) listener(phones);
    },
    setCountry(next) {
      country = next;
      for (const listener of countryListeners) listener(next);
    },
    async barShown() {
      return bar;
    },
    onBarShownChanged(listener) {
      barListeners.add(listener);
      return () => barListeners.delete(listener);
    },
    setBarShown(shown) {
      bar = shown;
      for (const listener of barListeners) listener(shown);
    }
  };
  return fake;
}
