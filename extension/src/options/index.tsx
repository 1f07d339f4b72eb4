import { QueryClient, QueryClientProvider } from "@tanstack/react-query"

import { useT } from "../i18n"
import { AccountSection } from "./AccountSection"
import { PreferencesSection } from "./PreferencesSection"
import { OptionsWrapUp } from "../wrapup/OptionsWrapUp"
import { PrivacyLink } from "./PrivacyLink"
import { SitesSection } from "./SitesSection"
import { usePageLang } from "./use-page-lang"

import "../ui/page-lang"
import "../ui/tokens.css"
import "../ui/controls.css"
import "./options.css"

const queryClient = new QueryClient()

/** Plasmo options page entry. */
export default function Options() {
  return (
    <QueryClientProvider client={queryClient}>
      <main className="options" data-testid="options">
        <OptionsTitle />
        <AccountSection />
        <PreferencesSection />
        <OptionsWrapUp />
        <SitesSection />
        <PrivacyLink />
      </main>
    </QueryClientProvider>
  )
}

/** The page's title; it also keeps `<html lang>` in the agent's language. */
function OptionsTitle() {
  const { t, locale } = useT()
  usePageLang(locale)
  return <h1>{t("options.title")}</h1>
}
