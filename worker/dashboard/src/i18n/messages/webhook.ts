/** The Aircall webhook's health card. */
import type { Catalogue } from "@dialer/shared/i18n";

const en = {
  "webhook.title": "Aircall webhook",
  "webhook.check": "Check now",
  "webhook.readError": "Could not read the webhook's health. {message}",
  "webhook.state.unknown": "Not checked yet",
  "webhook.state.ok": "Active",
  "webhook.state.reactivated": "Re-activated",
  "webhook.state.recreated": "Registered again",
  "webhook.state.not_connected": "Not connected",
  "webhook.state.error": "Check failed",
  "webhook.inactive": " · inactive in Aircall",
  "webhook.lastCheck": "Last check",
  "webhook.reactivations": "Re-activations",
  "webhook.lastReactivated": " · last {time}",
  "webhook.missing": "Calls found without their webhooks",
  "webhook.reason": "({reason})",
  "webhook.reason.asked": "asked by an admin",
  "webhook.reason.connect": "when Aircall was connected",
  "webhook.reason.missing": { one: "{count} call found without its webhooks", other: "{count} calls found without their webhooks" },
};

const fr: Catalogue<typeof en> = {
  "webhook.title": "Webhook Aircall",
  "webhook.check": "Vérifier maintenant",
  "webhook.readError": "Impossible de lire l'état du webhook. {message}",
  "webhook.state.unknown": "Pas encore vérifié",
  "webhook.state.ok": "Actif",
  "webhook.state.reactivated": "Réactivé",
  "webhook.state.recreated": "Réenregistré",
  "webhook.state.not_connected": "Non connecté",
  "webhook.state.error": "Échec de la vérification",
  "webhook.inactive": " · inactif dans Aircall",
  "webhook.lastCheck": "Dernière vérification",
  "webhook.reactivations": "Réactivations",
  "webhook.lastReactivated": " · dernière le {time}",
  "webhook.missing": "Appels trouvés sans leurs webhooks",
  "webhook.reason": "({reason})",
  "webhook.reason.asked": "demandée par un administrateur",
  "webhook.reason.connect": "lors de la connexion à Aircall",
  "webhook.reason.missing": { one: "{count} appel trouvé sans ses webhooks", other: "{count} appels trouvés sans leurs webhooks" },
};

export const webhook = { en, fr };
