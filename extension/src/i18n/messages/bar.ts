/** The in-page dialer bar (content script, closed shadow root). */
import type { Catalogue } from "@dialer/shared/i18n"

const en = {
  "bar.region": "Power dialer",
  "bar.less": "Less",
  "bar.more": "More",
  "bar.next": "Next: {who}",
  "bar.resumeHint": "Resume from the extension's popup or with Alt+Shift+P",
  "bar.resumeHintShort": "Resume: popup or Alt+Shift+P",
  "bar.pause": "Pause",
  "bar.pauseTitle": "Pause after this call (Alt+Shift+P)",
  "bar.stop": "Stop",
  "bar.stopTitle": "Stop the run",
  "bar.stopAsk": "Stop run?",
  "bar.stopQuestion": "Stop the run? No further numbers are dialed.",
  "bar.stopExplain": "Click “Stop run?” again to stop. Your call goes on in Aircall: hang up there.",
  "bar.asOf": " (as of {time})",
  "bar.pausedOffline": "paused while offline",
  "bar.countdown": "in {count} s",
}

const fr: Catalogue<typeof en> = {
  "bar.region": "Power dialer",
  "bar.less": "Moins",
  "bar.more": "Plus",
  "bar.next": "Suivant : {who}",
  "bar.resumeHint": "Reprenez depuis la fenêtre de l'extension ou avec Alt+Shift+P",
  "bar.resumeHintShort": "Reprendre : fenêtre ou Alt+Shift+P",
  "bar.pause": "Pause",
  "bar.pauseTitle": "Mettre en pause après cet appel (Alt+Shift+P)",
  "bar.stop": "Arrêter",
  "bar.stopTitle": "Arrêter la session",
  "bar.stopAsk": "Arrêter ?",
  "bar.stopQuestion": "Arrêter la session ? Aucun autre numéro n'est appelé.",
  "bar.stopExplain": "Cliquez à nouveau sur « Arrêter ? » pour arrêter. Votre appel continue dans Aircall : raccrochez-y.",
  "bar.asOf": " (à {time})",
  "bar.pausedOffline": "en pause hors ligne",
  "bar.countdown": "dans {count} s",
}

export const bar = { en, fr }
