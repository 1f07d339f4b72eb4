import { QueryClient, QueryClientProvider } from "@tanstack/react-query"

import { useT } from "../i18n"
import { AccountSection } from "./AccountSection"
import { PreferencesSection } from "./PreferencesSection"
import { OptionsWrapUp } from "../wrapup/OptionsWrapUp"
import { PrivacyLink } from "./PrivacyLink"
import { SitesSection } from "./SitesSection"

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

/** The page's title, in the agent's language. */
function OptionsTitle() {
  const { t } = useT()
  return <h1>{t("options.title")}</h1>
}
