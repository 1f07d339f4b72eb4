import { ContactsPage } from "../contacts/ContactsPage"

import "../ui/page-lang"
import "../ui/controls.css"
import "../lists/lists.css"
import "../contacts/contacts.css"

/** Plasmo extension page: tabs/contacts.html — every captured contact, searchable and editable. */
export default function Contacts() {
  return <ContactsPage />
}
