/** Numbers the worker will not dial now (do-not-call list, calling hours), in the popup and history. */
import type { Catalogue } from "@dialer/shared/i18n"

const en = {
  "compliance.region": "Numbers that will not be dialed now",
  "compliance.title": "Not dialed now ({count})",
  "compliance.more": "and {count} more",
  "compliance.explain": "The worker checks again right before each call; they are skipped with this reason.",
  "compliance.mark.dnc": "on the do-not-call list",
  "compliance.mark.after": "outside calling hours — dial after {time} their time",
  "compliance.mark.noZone": "not dialed: its time zone is unknown",
  "compliance.mark.hours": "outside calling hours",
  "compliance.skip.dnc": "On the do-not-call list",
  "compliance.skip.after": "Outside calling hours — dial after {time} their time",
  "compliance.skip.hours": "Outside calling hours",
  "compliance.skip.noZone": "Not dialed: its time zone is unknown",
}

const fr: Catalogue<typeof en> = {
  "compliance.region": "Numéros qui ne seront pas appelés pour l'instant",
  "compliance.title": "Non appelés pour l'instant ({count})",
  "compliance.more": "et {count} de plus",
  "compliance.explain": "Le serveur vérifie à nouveau juste avant chaque appel ; ces numéros sont ignorés pour ce motif.",
  "compliance.mark.dnc": "sur la liste d'opposition",
  "compliance.mark.after": "hors des heures d'appel — appeler après {time}, heure du contact",
  "compliance.mark.noZone": "non appelé : fuseau horaire inconnu",
  "compliance.mark.hours": "hors des heures d'appel",
  "compliance.skip.dnc": "Sur la liste d'opposition",
  "compliance.skip.after": "Hors des heures d'appel — appeler après {time}, heure du contact",
  "compliance.skip.hours": "Hors des heures d'appel",
  "compliance.skip.noZone": "Non appelé : fuseau horaire inconnu",
}

export const compliance = { en, fr }
