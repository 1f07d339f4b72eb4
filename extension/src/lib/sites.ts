/**
 * "Add this site": detection on any other origin, granted through optional_host_permissions and
 * run by registering the built detector (and dialer bar) scripts for it at run time.
 */
import { extensionManifest } from "./pages"

/** The bundles registered on extra sites, found by name in the built manifest. */
const SCRIPT_PREFIXES = ["detector.", "dialer-bar."]

/** "crm.example.com", "https://crm.example.com/deals/1" → "https://crm.example.com/*". */
export function sitePattern(input: string): string | null {
  const text = input.trim()
  if (!text) return null
  try {
    const url = new URL(/^[a-z]+:\/\//i.test(text) ? text : `https://${text}`)
    if (url.protocol !== "https:" && url.protocol !== "http:") return null
    if (!url.hostname.includes(".") && url.hostname !== "localhost") return null
    return `${url.protocol}//${url.hostname}/*`
  } catch (error) {
    console.warn("not a site", text, error)
    return null
  }
}

export function scriptId(pattern: string): string {
  return `site:${pattern}`
}

/** Matches and files of the content scripts the build declares (the known CRMs). */
export function builtInScripts(): { matches: string[]; js: string[]; css: string[] } {
  const scripts = extensionManifest().content_scripts ?? []
  const ours = scripts.filter((s) => s.js?.some((file) => SCRIPT_PREFIXES.some((p) => file.startsWith(p))))
  return {
    matches: [...new Set(ours.flatMap((s) => s.matches ?? []))],
    js: ours.flatMap((s) => s.js ?? []),
    css: ours.flatMap((s) => s.css ?? []),
  }
}

/** Ask for the origin (needs a user gesture) and register our scripts there. */
export async function enableSite(pattern: string): Promise<boolean> {
  const granted = await chrome.permissions.request({ origins: [pattern] })
  if (!granted) return false
  const { js, css } = builtInScripts()
  const id = scriptId(pattern)
  const existing = await chrome.scripting.getRegisteredContentScripts({ ids: [id] })
  if (existing.length > 0) await chrome.scripting.unregisterContentScripts({ ids: [id] })
  await chrome.scripting.registerContentScripts([
    { id, matches: [pattern], js, css: css.length ? css : undefined, runAt: "document_idle", persistAcrossSessions: true },
  ])
  return true
}

export async function disableSite(pattern: string): Promise<void> {
  const id = scriptId(pattern)
  const existing = await chrome.scripting.getRegisteredContentScripts({ ids: [id] })
  if (existing.length > 0) await chrome.scripting.unregisterContentScripts({ ids: [id] })
  await chrome.permissions.remove({ origins: [pattern] })
}

/** Ask for the worker's origin when it is not one the manifest already grants. */
export async function requestWorkerAccess(workerUrl: string): Promise<boolean> {
  const url = new URL(workerUrl)
  const origin = `${url.protocol}//${url.hostname}/*` // match patterns carry no port
  if (await chrome.permissions.contains({ origins: [origin] })) return true
  return chrome.permissions.request({ origins: [origin] })
}
