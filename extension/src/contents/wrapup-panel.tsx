/**
 * Content-script UI: the wrap-up panel above the dialer bar once a call ends, in a closed shadow
 * root (the page can neither read it nor click it). Thin on purpose: the component is
 * `~wrapup/PageWrapUp`. Same hosts as the detector and the bar (content-configs.test.ts).
 */
import cssText from "data-text:~wrapup/wrapup.css"
import type { PlasmoCreateShadowRoot, PlasmoCSConfig, PlasmoGetStyle } from "plasmo"

import { closedShadowRoot, shadowStyle } from "~lib/csui"
import { PageWrapUp } from "~wrapup/PageWrapUp"

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
  run_at: "document_idle"
}

export const getStyle: PlasmoGetStyle = () => shadowStyle(cssText)

export const createShadowRoot: PlasmoCreateShadowRoot = closedShadowRoot

export default PageWrapUp
