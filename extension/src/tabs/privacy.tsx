import { PrivacyPage } from "../privacy/PrivacyPage"

import "../ui/page-lang"
import "../privacy/privacy.css"

/** Plasmo extension page: tabs/privacy.html — what is stored where, and every permission justified. */
export default function Privacy() {
  return <PrivacyPage />
}
