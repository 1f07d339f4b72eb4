import { ListsPage } from "../lists/ListsPage"

import "../ui/page-lang"
import "../ui/controls.css"
import "../lists/lists.css"

/** Plasmo extension page: tabs/lists.html — the agent's named lists, import/export, Aircall's Power Dialer. */
export default function Lists() {
  return <ListsPage />
}
