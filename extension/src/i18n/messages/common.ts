/** Words several surfaces share (buttons, states). One area file per surface; see ../index.ts. */
import type { Catalogue } from "@dialer/shared/i18n"

const en = {
  "common.cancel": "Cancel",
  "common.save": "Save",
  "common.close": "Close",
  "common.details": "Details",
  "common.language": "Language",
  "common.language.auto": "Browser language",
  "common.language.en": "English",
  "common.language.fr": "Français",
}

const fr: Catalogue<typeof en> = {
  "common.cancel": "Annuler",
  "common.save": "Enregistrer",
  "common.close": "Fermer",
  "common.details": "Détails",
  "common.language": "Langue",
  "common.language.auto": "Langue du navigateur",
  "common.language.en": "English",
  "common.language.fr": "Français",
}

export const common = { en, fr }
