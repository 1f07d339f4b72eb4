/**
 * Every permission the extension's manifest asks for, with why: shown on the privacy page, pasted
 * into the Chrome Web Store's justification fields (the English text), and checked against the built
 * manifest by scripts/check-extension-build.mjs (a permission missing here fails the build check).
 * The reasons themselves are in the privacy catalogue (i18n/messages/privacy.ts), in each language.
 */
import type { MessageKey } from "../i18n"

export type PermissionReason = { name: string; why: MessageKey }

export const PERMISSIONS: PermissionReason[] = [
  { name: "storage", why: "privacy.why.storage" },
  { name: "alarms", why: "privacy.why.alarms" },
  { name: "scripting", why: "privacy.why.scripting" },
  { name: "https://*/*", why: "privacy.why.https" },
  { name: "http://*/*", why: "privacy.why.http" },
]

/** The built-in CRMs, where the number finder runs without asking (declared content scripts). */
export const BUILT_IN_SITES_WHY: MessageKey = "privacy.pages.builtIn"
