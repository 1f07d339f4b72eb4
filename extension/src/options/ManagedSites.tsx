import { useEffect, useState } from "react"

import { useT } from "../i18n"
import { enableSite } from "../lib/sites"

/**
 * CRM sites IT listed by policy: locked (no Remove). Chrome lets no policy grant a site's access,
 * so each agent allows each one once, with one click.
 */
export function ManagedSites({ sites }: { sites: string[] }) {
  const { t } = useT()
  const [allowed, setAllowed] = useState<Record<string, boolean>>({})
  const check = () =>
    void Promise.all(sites.map(async (s) => [s, await chrome.permissions.contains({ origins: [s] })] as const)).then((rows) => setAllowed(Object.fromEntries(rows)))
  useEffect(check, [sites.join(",")])
  return (
    <>
      {sites.map((m) => (
        <li key={m} data-testid="managed-site">
          <code>{m}</code>
          <span className="chip">{t("options.sites.company")}</span>
          {allowed[m] === false && (
            <button className="small" onClick={() => void enableSite(m).then(check)} data-testid="managed-site-allow">
              {t("options.sites.allow")}
            </button>
          )}
        </li>
      ))}
    </>
  )
}
