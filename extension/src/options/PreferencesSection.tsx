import { getCountries } from "libphonenumber-js/min"
import { useMemo } from "react"

import { DelayField } from "./DelayField"
import { ManagedNote } from "./ManagedNote"
import { useManaged } from "./use-managed"
import { useSettings } from "./use-settings"

const regionNames = new Intl.DisplayNames(["en"], { type: "region" })

/** Default country for numbers written without a country code, and the pause between calls. */
export function PreferencesSection() {
  const [settings, save] = useSettings()
  const managed = useManaged()
  const countries = useMemo(
    () =>
      getCountries()
        .map((code) => ({ code, name: regionNames.of(code) ?? code }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    [],
  )
  return (
    <section className="card">
      <h2>Dialing</h2>
      <div className="form">
        <label>
          Default country
          <select value={settings.defaultCountry} onChange={(e) => void save({ defaultCountry: e.target.value })} disabled={!!managed.defaultCountry} data-testid="default-country">
            {countries.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name} ({c.code})
              </option>
            ))}
          </select>
          {managed.defaultCountry && <ManagedNote />}
          <small className="muted">Used for numbers written without a country code.</small>
        </label>
        <DelayField value={settings.delaySeconds} onSave={async (delaySeconds) => void (await save({ delaySeconds }))} />
      </div>
    </section>
  )
}
