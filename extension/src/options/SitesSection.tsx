import { type FormEvent, useMemo, useState } from "react"

import { useT } from "../i18n"
import { builtInScripts, disableSite, enableSite, sitePattern } from "../lib/sites"
import { ManagedSites } from "./ManagedSites"
import { useManaged } from "./use-managed"
import { useSettings } from "./use-settings"

/** Where detection runs: the known CRMs (built in) and sites the agent added. */
export function SitesSection() {
  const { t } = useT()
  const [settings, save] = useSettings()
  const managedSites = useManaged().allowedSites ?? []
  const [input, setInput] = useState("")
  const [error, setError] = useState<string | null>(null)
  const builtIn = useMemo(() => builtInScripts().matches.filter((m) => m.startsWith("https://")), [])

  const add = async (event: FormEvent) => {
    event.preventDefault()
    const pattern = sitePattern(input)
    if (!pattern) return setError(t("options.sites.badAddress"))
    try {
      if (!(await enableSite(pattern))) return setError(t("options.sites.notGranted"))
      await save({ enabledSites: [...new Set([...settings.enabledSites, pattern])] })
      setInput("")
      setError(null)
    } catch (failure) {
      setError(t("options.sites.failed", { site: pattern, error: String(failure) }))
    }
  }
  const remove = async (pattern: string) => {
    await disableSite(pattern)
    await save({ enabledSites: settings.enabledSites.filter((p) => p !== pattern) })
  }

  return (
    <section className="card" data-testid="sites">
      <h2>{t("options.sites.title")}</h2>
      <p className="muted">{t("options.sites.intro")}</p>
      <ul className="site-list">
        {builtIn.map((m) => (
          <li key={m}>
            <code>{m}</code>
            <span className="chip">{t("options.sites.builtIn")}</span>
          </li>
        ))}
        <ManagedSites sites={managedSites} />
        {settings.enabledSites.filter((m) => !managedSites.includes(m)).map((m) => (
          <li key={m} data-testid="custom-site">
            <code>{m}</code>
            <button className="small ghost" onClick={() => void remove(m)}>
              {t("options.sites.remove")}
            </button>
          </li>
        ))}
      </ul>
      <form className="inline-form" onSubmit={(e) => void add(e)}>
        <input placeholder="crm.example.com" value={input} onChange={(e) => setInput(e.target.value)} data-testid="site-input" />
        <button type="submit" data-testid="site-add">
          {t("options.sites.add")}
        </button>
      </form>
      {error && <p className="inline-error" role="alert">{error}</p>}
    </section>
  )
}
