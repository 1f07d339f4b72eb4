import { HistoryPage } from "../history/HistoryPage"

import "../ui/page-lang"
import "../history/history.css"
import "../ui/controls.css"

/** Plasmo extension page: tabs/history.html — the agent's full call history. */
export default function History() {
  return <HistoryPage />
}
