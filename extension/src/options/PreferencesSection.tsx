import { LANGUAGE_SETTINGS, type LanguageSetting } from "@dialer/shared/i18n"
import { getCountries } from "libphonenumber-js/min"
import { useMemo } from "react"

import { useT } from "../i18n"
import { DelayField } from "./DelayField"
import { ManagedNote } from "./ManagedNote"
import { useManaged } from "./use-managed"
import { useSettings } from "./use-settings"

/**
 * The interface's language (never set by IT: it is the agent's own choice), the default country for
 * numbers written without a country code, and the pause between calls.
 */
export function PreferencesSection() {
  const { t, locale } = useT()
  const [settings, save] = useSettings()
  const managed = useManaged()
  const countries = useMemo(() => {
    const regionNames = new Intl.DisplayNames([locale], { type: "region" })
    return getCountries()
      .map((code) => ({ code, name: regionNames.of(code) ?? code }))
      .sort((a, b) => a.name.localeCompare(b.name, locale))
  }, [locale])
  return (
    <section className="card" data-testid="preferences">
      <h2>{t("options.prefs.title")}</h2>
      <div className="form">
        <label>
          {t("common.language")}
          <select value={settings.language ?? "auto"} onChange={(e) => void save({ language: e.target.value as LanguageSetting })} data-testid="language">
            {LANGUAGE_SETTINGS.map((l) => (
              <option key={l} value={l} lang={l === "auto" ? undefined : l}>
                {t(`common.language.${l}`)}
              </option>
            ))}
          </select>
          <small className="muted">{t("options.prefs.languageHelp")}</small>
        </label>
        <label>
          {t("options.prefs.country")}
          <select value={settings.defaultCountry} onChange={(e) => void save({ defaultCountry: e.target.value })} disabled={!!managed.defaultCountry} data-testid="default-country">
            {countries.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name} ({c.code})
              </option>
            ))}
          </select>
          {managed.defaultCountry && <ManagedNote />}
          <small className="muted">{t("options.prefs.countryHelp")}</small>
        </label>
        <DelayField value={settings.delaySeconds} onSave={async (delaySeconds) => void (await save({ delaySeconds }))} />
      </div>
    </section>
  )
}
