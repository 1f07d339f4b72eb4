/**
 * The dashboard's i18n: `<LanguageProvider>` at the root, `const { t, locale } = useT()` in every
 * component, `<LanguageSwitch />` where the admin picks a language. Dates, times, numbers and
 * durations go through ../format.ts with the locale.
 */
import { LANGUAGE_SETTINGS, type LanguageSetting, type Locale } from "@dialer/shared/i18n";
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from "react";

import { translatorFor, type T } from "./catalogue";
import { loadLanguage, localeFor, saveLanguage } from "./locale";

export { translatorFor, type MessageKey, type T } from "./catalogue";

type LanguageState = { locale: Locale; t: T; setting: LanguageSetting; choose: (setting: LanguageSetting) => void };

const Context = createContext<LanguageState | null>(null);

export function LanguageProvider({ children }: { children: ReactNode }) {
  const [setting, setSetting] = useState<LanguageSetting>(loadLanguage);
  const [languages, setLanguages] = useState(() => [...navigator.languages]);
  const locale = localeFor(setting, languages);
  useEffect(() => {
    const changed = () => setLanguages([...navigator.languages]);
    window.addEventListener("languagechange", changed);
    return () => window.removeEventListener("languagechange", changed);
  }, []);
  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = translatorFor(locale)("common.pageTitle");
  }, [locale]);
  const value = useMemo<LanguageState>(
    () => ({
      locale,
      t: translatorFor(locale),
      setting,
      choose: (next) => {
        saveLanguage(next);
        setSetting(next);
      },
    }),
    [locale, setting],
  );
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

/** `t("agents.title")`, `t("kpi.ofCalls", { count })`, and the locale for ../format.ts. */
export function useT(): LanguageState {
  const state = useContext(Context);
  if (!state) throw new Error("useT() outside <LanguageProvider>");
  return state;
}

/** Browser language / English / Français, remembered in this browser. */
export function LanguageSwitch() {
  const { t, setting, choose } = useT();
  return (
    <select className="language" aria-label={t("common.language")} value={setting} onChange={(e) => choose(e.target.value as LanguageSetting)} data-testid="language">
      {LANGUAGE_SETTINGS.map((s) => (
        <option key={s} value={s}>
          {t(`common.language.${s}`)}
        </option>
      ))}
    </select>
  );
}
