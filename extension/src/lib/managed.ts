/**
 * Settings an IT admin sets by Chrome policy (managed storage, schema in assets/managed-schema.json):
 * the worker URL, the default country and extra CRM sites. A managed value wins over the agent's and
 * the options page shows it locked. Read with chrome.storage.managed; a value that does not fit is
 * ignored (and logged), never half-applied. No zod here: content scripts may import this.
 */
import { sitePattern } from "./sites"
import { workerUrlProblem } from "./worker-url"

export type ManagedSettings = { workerUrl?: string; defaultCountry?: string; allowedSites?: string[] }

/** The policy's values that fit, each field on its own. */
export function parseManaged(raw: unknown): ManagedSettings {
  const out: ManagedSettings = {}
  if (!raw || typeof raw !== "object") return out
  const r = raw as Record<string, unknown>
  if (typeof r.workerUrl === "string" && r.workerUrl.trim()) {
    const problem = workerUrlProblem(r.workerUrl)
    if (problem) console.warn(`managed policy: workerUrl ignored (${problem})`)
    else out.workerUrl = r.workerUrl.trim().replace(/\/+$/, "")
  }
  if (typeof r.defaultCountry === "string" && r.defaultCountry.trim()) {
    const country = r.defaultCountry.trim().toUpperCase()
    if (/^[A-Z]{2}$/.test(country)) out.defaultCountry = country
    else console.warn(`managed policy: defaultCountry "${r.defaultCountry}" ignored (two letters, e.g. FR)`)
  }
  if (Array.isArray(r.allowedSites)) {
    const sites = r.allowedSites.flatMap((s) => {
      const pattern = typeof s === "string" ? sitePattern(s) : null
      if (!pattern) console.warn(`managed policy: allowed site ${JSON.stringify(s)} ignored`)
      return pattern ? [pattern] : []
    })
    if (sites.length) out.allowedSites = [...new Set(sites)]
  }
  return out
}

/** The managed settings, or none where managed storage does not exist (tests, other browsers). */
export async function readManaged(): Promise<ManagedSettings> {
  const area = typeof chrome === "undefined" ? undefined : chrome.storage?.managed
  if (!area) return {}
  try {
    return parseManaged(await area.get(null))
  } catch (error) {
    console.warn("managed policy unreadable", error)
    return {}
  }
}

/** The agent's settings with the managed values over them. */
export function applyManaged<S extends { workerUrl: string; defaultCountry: string; enabledSites: string[] }>(settings: S, managed: ManagedSettings): S {
  return {
    ...settings,
    ...(managed.workerUrl ? { workerUrl: managed.workerUrl } : {}),
    ...(managed.defaultCountry ? { defaultCountry: managed.defaultCountry } : {}),
    ...(managed.allowedSites ? { enabledSites: [...new Set([...managed.allowedSites, ...settings.enabledSites])] } : {}),
  }
}

/** Why an enrolment at this address is refused under a managed worker URL, or null. */
export function managedWorkerUrlProblem(workerUrl: string, managed: ManagedSettings): string | null {
  if (!managed.workerUrl) return null
  return workerUrl.trim().replace(/\/+$/, "") === managed.workerUrl ? null : `Your company set the worker address to ${managed.workerUrl}`
}

/** Calls `onChange` when IT changes the policy while the browser runs (Chrome fires storage.onChanged for "managed"). */
export function onManagedChange(onChange: () => void): void {
  chrome.storage.onChanged.addListener((_changes, area) => {
    if (area === "managed") onChange()
  })
}
