/** The controls added to CRM pages: "+ Queue" next to each number and "Add all". */
import type { Catalogue } from "@dialer/shared/i18n"

const en = {
  "page.queue": "+ Queue",
  "page.queued": "✓ Queued",
  "page.queuedLabel": "{number} is in the dial queue.",
  "page.addLabel": "Add {number} to the dial queue.",
  "page.queuedTitle": "{number} is already in the dial queue.",
  "page.addTitle": "Dials {number}.",
  "page.numberIn": "{phone} ({country})",
  "page.assumed": " Written without a country code: read as a {country} number. Check it before dialing.",
  "page.assumedLocal": " Written without a country code: read as a local number. Check it before dialing.",
  "page.addAll": { one: "Add all {count} number on this page", other: "Add all {count} numbers on this page" },
  "page.addAllLabel": { one: "Add all {count} number on this page to the dial queue", other: "Add all {count} numbers on this page to the dial queue" },
}

const fr: Catalogue<typeof en> = {
  "page.queue": "+ File",
  "page.queued": "✓ En file",
  "page.queuedLabel": "{number} est dans la file d'appels.",
  "page.addLabel": "Ajouter {number} à la file d'appels.",
  "page.queuedTitle": "{number} est déjà dans la file d'appels.",
  "page.addTitle": "Appeler le {number}.",
  "page.numberIn": "{phone} ({country})",
  "page.assumed": " Écrit sans indicatif : pays supposé {country}. Vérifiez-le avant d'appeler.",
  "page.assumedLocal": " Écrit sans indicatif : lu comme un numéro local. Vérifiez-le avant d'appeler.",
  "page.addAll": { one: "Ajouter le numéro de cette page", other: "Ajouter les {count} numéros de cette page" },
  "page.addAllLabel": { one: "Ajouter le numéro de cette page à la file d'appels", other: "Ajouter les {count} numéros de cette page à la file d'appels" },
}

export const page = { en, fr }
