/**
 * Content-script UI: the in-page dialer bar, shown during a run, and the wrap-up panel above it once
 * a call ends, in one closed shadow root (the page can neither read them nor click them). One
 * content script for both, so a CRM page loads React once. Thin on purpose: the components are
 * `~bar/DialerBar` and `~wrapup/PageWrapUp`. Same hosts as the detector (the e2e build adds
 * localhost and 127.0.0.1 through the `$PLASMO_PUBLIC_E2E_MATCH_*` variables in `.env.e2e`).
 */
import barCss from "data-text:~bar/bar.css"
import wrapUpCss from "data-text:~wrapup/wrapup.css"
import type { PlasmoCreateShadowRoot, PlasmoCSConfig, PlasmoGetStyle } from "plasmo"

import { DialerBar } from "~bar/DialerBar"
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

export const getStyle: PlasmoGetStyle = () => shadowStyle(`${barCss}\n${wrapUpCss}`)

export const createShadowRoot: PlasmoCreateShadowRoot = closedShadowRoot

function InPageUi() {
  return (
    <>
      <PageWrapUp />
      <DialerBar />
    </>
  )
}

export default InPageUi
