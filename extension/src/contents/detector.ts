/**
 * Content script: finds phone numbers on CRM pages and adds "+ Queue" controls next to them.
 * Thin on purpose — the logic lives in `~page/manager` (lifecycle), `~detect` (detection) and
 * `~adapters` (per-CRM contact lookup).
 *
 * The two `$PLASMO_PUBLIC_E2E_MATCH_*` entries are filled from `.env.e2e` by
 * `plasmo build --tag=e2e` (localhost and 127.0.0.1, for browser tests against saved fixtures);
 * in other builds the variables are unset and Plasmo drops the entries from the manifest.
 */
import type { PlasmoCSConfig } from "plasmo";

import { createChromeBridge } from "~page/bridge";
import type { BlockContainer } from "~detect/dom-rules";
import { startDetector, type ScanStats } from "~page/manager";

export const config: PlasmoCSConfig = {
  matches: [
    "https://app.hubspot.com/*",
    "https://app-eu1.hubspot.com/*",
    "https://*.lightning.force.com/*",
    "https://*.my.salesforce.com/*",
    "https://*.pipedrive.com/*",
    "https://crm.zoho.com/*",
    "https://crm.zoho.eu/*",
    "https://app.close.com/*",
    "https://app.attio.com/*",
    "$PLASMO_PUBLIC_E2E_MATCH_LOCALHOST",
    "$PLASMO_PUBLIC_E2E_MATCH_LOOPBACK"
  ],
  // the worker's own dashboard when it runs locally (pnpm dev): no "+ Queue" or bar on it
  exclude_matches: ["*://127.0.0.1/admin*", "*://localhost/admin*"],
  all_frames: false,
  // As soon as the document is parsed (DOMContentLoaded), not at "idle" (up to ~200 ms later, or
  // at load): the scan itself never blocks the page (chunks of ≤ 12 ms, see ~detect/idle-chunks).
  run_at: "document_end"
};

const scriptStart = performance.now();

// End-to-end builds report each full-page scan on the console, for the benchmarks.
const report = process.env.PLASMO_PUBLIC_E2E_MATCH_LOOPBACK
  ? (stats: ScanStats, root: BlockContainer) => {
      if (root === document.body) console.debug(`SCAN ${JSON.stringify({ ...stats, scriptStartMs: scriptStart, sinceScriptStartMs: performance.now() - scriptStart })}`);
    }
  : undefined;

startDetector({ bridge: createChromeBridge(), onScanned: report });
