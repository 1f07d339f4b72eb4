/**
 * Owns the detector's lifecycle on one tab: picks the CRM adapter, scans in idle chunks,
 * rescans what mutations touch, starts over (with a fresh AbortSignal) when the SPA changes
 * route, and keeps the controls in step with the queue and the default-country setting.
 */
import { pickAdapter } from "~adapters/registry";
import type { CrmAdapter } from "~adapters/types";
import type { BlockContainer } from "~detect/dom-rules";
import type { ChunkStats, ScheduleChunk } from "~detect/idle-chunks";
import { countryHints } from "~detect/country-hints";
import { countryName, toCountry, warmUp } from "~detect/phone-text";
import { activeLocale } from "~i18n/locale";
import { emptyProfile, scanInChunks, type ScanProfile } from "~detect/scanner";

import { createAddAllButton } from "./add-all";
import type { PageBridge } from "./bridge";
import { captureFor, pendingButtons, severalContacts } from "./capture";
import { ControlLayer } from "./control-layer";
import { numberOf, setBusy } from "./controls";
import { batchMutations } from "./mutations";
import { watchUrl } from "./navigation";
import { viewportFirst } from "./viewport-first";
import { createQueueTracker } from "./queue-tracker";

export type DetectorOptions = {
  bridge: PageBridge;
  win?: Window;
  adapter?: CrmAdapter;
  schedule?: ScheduleChunk;
  nodeBudget?: number;
  mutationDelayMs?: number;
  /** Called after every scan pass (controls placed) with its statistics (for logging, tests, benchmarks). */
  onScanned?(stats: ScanStats, root: BlockContainer): void;
};

/**
 * A scan pass: chunk statistics plus its wall time from start until every control is placed,
 * when it started (performance.now()), when the controls in view were placed, and where
 * its time went.
 */
export type ScanStats = ChunkStats & { wallMs: number; startedAtMs: number; inViewPlacedMs: number | null; profile: ScanProfile };

export type Detector = { ready: Promise<void>; idle(): Promise<void>; stop(): void };

export function startDetector(options: DetectorOptions): Detector {
  const { bridge, win = window } = options;
  const doc = win.document;
  const lifetime = new AbortController();
  let page = new AbortController();
  let adapter = options.adapter ?? pickAdapter(win.location.href);
  let country = toCountry(undefined);
  let hints = countryHints(doc);
  let scans: Promise<unknown> = Promise.resolve();
  const queue = createQueueTracker(() => {
    layer.refreshQueued();
    addAll.schedule();
  });
  const layer = new ControlLayer({
    isQueued: queue.has,
    onActivate: (button) => void addNumbers([button]),
    onChange: () => addAll.schedule(),
    onShadowRoot: (root) => mutations.observe(root)
  });
  // "Add all" only where the page lists several contacts (never on one person's record page).
  const addAll = createAddAllButton(doc, () => void addNumbers(pendingButtons(layer.buttons(), queue.has), true), () => {
    const pending = pendingButtons(layer.buttons(), queue.has);
    return severalContacts(pending, adapter) ? pending.length : 0;
  });
  const mutations = batchMutations((roots) => {
    urls.check();
    for (const root of roots) scan(root);
  }, options.mutationDelayMs);
  const urls = watchUrl(win, () => {
    page.abort();
    page = new AbortController();
    if (!options.adapter) adapter = pickAdapter(win.location.href);
    scan(doc.body);
  }, lifetime.signal);

  function scan(root: BlockContainer | null): void {
    if (!root || lifetime.signal.aborted) return;
    const started = performance.now();
    const profile = emptyProfile();
    if (root === doc.body) hints = countryHints(doc);
    // The controls of what is in view go in first, in one batch; the rest when the pass ends.
    const inView = viewportFirst(layer, () => win.innerHeight);
    const run = scanInChunks(root, {
      country,
      hints,
      sink: inView.sink,
      signal: page.signal,
      schedule: options.schedule,
      nodeBudget: options.nodeBudget,
      profile: options.onScanned ? profile : undefined
    })
      .then(async (stats) => {
        await layer.settled();
        return stats;
      })
      .then((stats) =>
        options.onScanned?.({ ...stats, wallMs: performance.now() - started, startedAtMs: started, inViewPlacedMs: inView.placedAfterMs(), profile }, root)
      );
    scans = Promise.all([scans, run]);
  }

  async function addNumbers(buttons: HTMLButtonElement[], fromAddAll = false): Promise<void> {
    const items = buttons.filter((button) => numberOf(button) !== "" && !queue.has(numberOf(button)));
    if (items.length === 0) return;
    for (const button of items) setBusy(button, true);
    if (fromAddAll) addAll.setBusy(true);
    try {
      const phones = await bridge.addToQueue(items.map((button) => captureFor(button, adapter)));
      queue.add(phones);
    } catch (error) {
      console.warn("[dialer] could not add to the queue", error);
    } finally {
      for (const button of items) setBusy(button, false);
      addAll.setBusy(false);
    }
  }

  const ready = (async () => {
    // Only the country is needed to scan; which numbers are queued comes from the background
    // (which may have to wake up first) and marks controls as it arrives.
    const queued = bridge.queuedPhones().then((phones) => queue.replace(phones));
    void bridge
      .barShown()
      .then((shown) => addAll.setAboveBar(shown))
      .catch((error: unknown) => console.debug("[dialer] no bar state", error));
    const setting = bridge.defaultCountry();
    // While the setting is read (a round trip to the browser): libphonenumber's first parse and
    // the first country name (Intl loads its data, ~20 ms) would otherwise land in the first chunk.
    warmUp();
    countryName("US", activeLocale());
    country = toCountry(await setting);
    if (lifetime.signal.aborted) return;
    const unsubscribe = [
      bridge.onQueueChanged((phones) => queue.replace(phones)),
      bridge.onBarShownChanged((shown) => addAll.setAboveBar(shown)),
      bridge.onDefaultCountryChanged((next) => {
        country = toCountry(next);
        page.abort();
        page = new AbortController();
        layer.reset();
        scan(doc.body);
      })
    ];
    lifetime.signal.addEventListener("abort", () => unsubscribe.forEach((off) => off()));
    if (doc.body) mutations.observe(doc.body);
    scan(doc.body);
    await queued;
  })();

  return {
    ready,
    async idle() {
      await ready;
      let current: Promise<unknown> | undefined;
      while (current !== scans) await (current = scans);
      await layer.settled();
    },
    stop() {
      lifetime.abort();
      page.abort();
      mutations.disconnect();
      layer.reset();
      addAll.remove();
    }
  };
}
