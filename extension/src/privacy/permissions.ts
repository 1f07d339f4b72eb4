/**
 * Every permission the extension's manifest asks for, with why: shown on the privacy page, pasted
 * into the Chrome Web Store's justification fields, and checked against the built manifest by
 * scripts/check-extension-build.mjs (a permission missing here fails the build check).
 */
export type PermissionReason = { name: string; why: string }

export const PERMISSIONS: PermissionReason[] = [
  {
    name: "storage",
    why: "Keeps your settings where the pages that find numbers can read them (country, sites, delay), the connection state for the popup, and reads the settings your company's IT may set by policy (managed storage).",
  },
  {
    name: "alarms",
    why: "Wakes the dialer in the background to keep your session with your company's worker fresh and to reconnect after the browser puts it to sleep.",
  },
  {
    name: "scripting",
    why: "Runs the number finder and the dialer bar on the CRM sites you add yourself (or your IT adds), besides the built-in CRMs.",
  },
  {
    name: "https://*/*",
    why: "Asked for one site at a time, only when you add a CRM site or sign in to your company's worker; the extension never has access to a site you did not allow.",
  },
  {
    name: "http://*/*",
    why: "Only for a worker running on this computer (localhost or 127.0.0.1) during a trial or development: any other plain-http address is refused.",
  },
]

/** The built-in CRMs, where the number finder runs without asking (declared content scripts). */
export const BUILT_IN_SITES_WHY =
  "On the built-in CRMs (HubSpot, Salesforce, Pipedrive, Zoho, Close, Attio) the extension reads the page to find phone numbers and shows the dialer bar. The page's content stays in your browser: only the numbers you add to your queue are used."
