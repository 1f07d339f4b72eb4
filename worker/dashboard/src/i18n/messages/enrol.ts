/** Enrolling an agent and the one-time code to give them. */
import type { Catalogue } from "@dialer/shared/i18n";

const en = {
  "enrol.title": "Enrol an agent",
  "enrol.intro": "Each agent signs in to the extension once with a one-time code.",
  "enrol.who": "Aircall email or user id",
  "enrol.find": "Find in Aircall",
  "enrol.name": "Name",
  "enrol.dialsFrom": "Dials from",
  "enrol.pickNumber": "Pick a number…",
  "enrol.admin": "admin",
  "enrol.submit": "Enrol and get a code",
  "enrol.needWho": "Type the agent's Aircall email or user id.",
  "enrol.noNumber": "{name} has no number in Aircall: assign one in Aircall first.",
  "enrol.needNumber": "Pick the number this agent dials from.",
  "enrol.codeFor": "Code for {name}:",
  "enrol.codeExpires": "(single use, expires {time})",
  "enrol.tellThem": "Tell them: install the dialer extension, open its options, set the worker URL to {url} and sign in with this code.",
};

const fr: Catalogue<typeof en> = {
  "enrol.title": "Inscrire un agent",
  "enrol.intro": "Chaque agent se connecte une fois à l'extension avec un code à usage unique.",
  "enrol.who": "E-mail ou identifiant Aircall",
  "enrol.find": "Chercher dans Aircall",
  "enrol.name": "Nom",
  "enrol.dialsFrom": "Appelle depuis",
  "enrol.pickNumber": "Choisissez un numéro…",
  "enrol.admin": "admin",
  "enrol.submit": "Inscrire et obtenir un code",
  "enrol.needWho": "Saisissez l'e-mail ou l'identifiant Aircall de l'agent.",
  "enrol.noNumber": "{name} n'a aucun numéro dans Aircall : attribuez-lui d'abord un numéro dans Aircall.",
  "enrol.needNumber": "Choisissez le numéro depuis lequel cet agent appelle.",
  "enrol.codeFor": "Code pour {name} :",
  "enrol.codeExpires": "(usage unique, expire le {time})",
  "enrol.tellThem": "Dites-lui : installez l'extension Power Dialer, ouvrez ses options, indiquez {url} comme URL du worker et connectez-vous avec ce code.",
};

export const enrol = { en, fr };
