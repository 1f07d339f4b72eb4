/**
 * Diagnostic (not part of `pnpm bench`): what 10,000 queued numbers cost IndexedDB in the extension's
 * service worker, per layout — rows, indexes, row size, one blob — each written with the raw API in
 * one readwrite transaction into a scratch database (the extension's own is not touched).
 * `pnpm --filter @dialer/tests exec tsx bench/probe-queue-write.ts` (RUNS=3, EXT=<unpacked build>).
 */
import { launchWithExtension, E2E_BUILD } from "./browser";

const N = 10_000;
const RUNS = Number(process.env.RUNS ?? 3);

type Layout = { name: string; stores: Record<string, { keyPath: string | string[]; indexes: [string, string | string[], boolean][] }>; rows: string };

const FULL_QUEUE = { keyPath: "id", indexes: [["lp", ["listId", "phone"], true], ["lpos", ["listId", "position"], false], ["lsp", ["listId", "status", "position"], false]] as [string, string[], boolean][] };
const CONTACTS_V4 = { keyPath: "phone", indexes: [["crm", "crm", false], ["createdAt", "createdAt", false]] as [string, string, boolean][] };
const CONTACTS = { keyPath: "phone", indexes: [] as [string, string, boolean][] };

const ALL: Layout[] = [
  { name: "today: contacts (2 idx) + queue (3 idx)", stores: { contacts: CONTACTS_V4, queue: FULL_QUEUE }, rows: "both" },
  { name: "tried: contacts (no idx) + queue (3 idx)", stores: { contacts: CONTACTS, queue: FULL_QUEUE }, rows: "both" },
  { name: "queue only (3 idx)", stores: { queue: FULL_QUEUE }, rows: "queue" },
  { name: "contacts only (2 idx)", stores: { contacts: CONTACTS_V4 }, rows: "contacts" },
  { name: "contacts only (no idx)", stores: { contacts: CONTACTS }, rows: "contacts" },
  { name: "queue, no idx", stores: { queue: { keyPath: "id", indexes: [] } }, rows: "queue" },
  { name: "queue, 2 idx (lp unique, lsp)", stores: { queue: { keyPath: "id", indexes: [FULL_QUEUE.indexes[0]!, FULL_QUEUE.indexes[2]!] } }, rows: "queue" },
  { name: "queue, 1 idx (lsp)", stores: { queue: { keyPath: "id", indexes: [FULL_QUEUE.indexes[2]!] } }, rows: "queue" },
  { name: "queue, 3 idx, small rows", stores: { queue: FULL_QUEUE }, rows: "queue-small" },
  { name: "queue no idx, small rows", stores: { queue: { keyPath: "id", indexes: [] } }, rows: "queue-small" },
  { name: "one blob of 10,000", stores: { blob: { keyPath: "id", indexes: [] } }, rows: "blob" },
];
const LAYOUTS = process.env.ONLY ? ALL.filter((l) => process.env.ONLY!.split(",").some((w) => l.name.includes(w))) : ALL;
const DURABILITY = (process.env.DURABILITY ?? "default") as IDBTransactionDurability;

type Args = { layout: Layout; n: number; run: number; durability: IDBTransactionDurability };

/** Runs in the service worker (or an extension page): one layout, one transaction, timed. */
const write = async ({ layout, n, run, durability }: Args): Promise<number> => {
  const name = `probe-${run}-${layout.name}`;
  const idb = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(name, 1);
    req.onupgradeneeded = () => {
      for (const [store, def] of Object.entries(layout.stores)) {
        const os = req.result.createObjectStore(store, { keyPath: def.keyPath });
        for (const [idx, path, unique] of def.indexes) os.createIndex(idx, path, { unique });
      }
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  const now = new Date().toISOString();
  const items = Array.from({ length: n }, (_, i) => ({ phone: `+1415${String(5500000 + i)}`, name: `Contact ${i + 1}`, sourceUrl: `https://crm.example.com/contacts/${i + 1}`, crm: "generic" }));
  const t0 = performance.now();
  await new Promise<void>((resolve, reject) => {
    const tx = idb.transaction(Object.keys(layout.stores), "readwrite", { durability });
    if (layout.rows === "blob") {
      tx.objectStore("blob").put({ id: "x", items: items.map((c) => [c.phone, c.name, c.sourceUrl]) });
    } else {
      const contacts = layout.rows === "both" || layout.rows === "contacts" ? tx.objectStore("contacts") : null;
      const queue = layout.rows !== "contacts" ? tx.objectStore("queue") : null;
      items.forEach((c, i) => {
        contacts?.put({ phone: c.phone, name: c.name, sourceUrl: c.sourceUrl, crm: c.crm, createdAt: now });
        if (layout.rows === "queue-small") queue?.put({ id: crypto.randomUUID(), listId: "default", phone: c.phone, position: i + 1, status: "pending" });
        else queue?.put({ id: crypto.randomUUID(), listId: "default", phone: c.phone, name: c.name, sourceUrl: c.sourceUrl, position: i + 1, status: "pending", attempts: 0, lastOutcome: null, addedAt: now, awaitingApproval: false, risk: null, riskConfirmed: false });
      });
    }
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  const ms = performance.now() - t0;
  idb.close();
  indexedDB.deleteDatabase(name);
  return ms;
};

async function main(): Promise<void> {
  const browser = await launchWithExtension(process.env.EXT ?? E2E_BUILD);
  try {
    for (let run = 0; run < RUNS; run++) {
      for (const layout of LAYOUTS) {
        const page = process.env.IN_PAGE ? await browser.context.newPage() : null;
        if (page) await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
        const args: Args = { layout, n: N, run, durability: DURABILITY };
        const ms = page ? await page.evaluate(write, args) : await browser.sw.evaluate(write, args);
        await page?.close();
        console.log(`run ${run + 1}  ${ms.toFixed(0).padStart(5)} ms  ${layout.name}`);
      }
    }
  } finally {
    await browser.close();
  }
}

void main();
