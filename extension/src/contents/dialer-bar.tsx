/**
 * Content-script UI: the in-page dialer bar, shown during a run. Thin on purpose: the component
 * is `~bar/DialerBar`. Same hosts as the detector (the e2e build adds localhost and 127.0.0.1
 * through the `$PLASMO_PUBLIC_E2E_MATCH_*` variables in `.env.e2e`).
 */
import cssText from "data-text:~bar/bar.css"
import type { PlasmoCSConfig, PlasmoGetStyle } from "plasmo"

import { DialerBar } from "~bar/DialerBar"
import { shadowStyle } from "~lib/csui"

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
  all_frames: false,
  run_at: "document_idle"
}

export const getStyle: PlasmoGetStyle = () => shadowStyle(cssText)

export default DialerBar
