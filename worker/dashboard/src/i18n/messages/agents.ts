/** The agents table: who is dialing, their current call, their day. */
import type { Catalogue } from "@dialer/shared/i18n";

const en = {
  "agents.title": "Agents",
  "agents.summary": { one: "{dialing} dialing now · {count} enrolled", other: "{dialing} dialing now · {count} enrolled" },
  "agents.empty": "No agents yet. Enrol one below (or with {command}).",
  "agents.col.agent": "Agent",
  "agents.col.dialer": "Dialer",
  "agents.col.current": "Current call",
  "agents.col.queue": "Queue",
  "agents.col.aircall": "Aircall",
  "agents.col.callsToday": "Calls today",
  "agents.col.answered": "Answered",
  "agents.col.talkTime": "Talk time",
  "agents.admin": "admin",
  "agents.ids": "user {userId} · number {numberId}",
  "agents.notSignedIn": "not signed in yet",
  "agents.nextCall": "next call in {time}",
  "agents.updated": "Updated live · last state change {time}",
  "agents.newCode": "New code",
  "agents.newCodeFor": "New code for {name}",
};

const fr: Catalogue<typeof en> = {
  "agents.title": "Agents",
  "agents.summary": { one: "{dialing} en numérotation · {count} inscrit", other: "{dialing} en numérotation · {count} inscrits" },
  "agents.empty": "Aucun agent pour l'instant. Inscrivez-en un ci-dessous (ou avec {command}).",
  "agents.col.agent": "Agent",
  "agents.col.dialer": "Session",
  "agents.col.current": "Appel en cours",
  "agents.col.queue": "File d'attente",
  "agents.col.aircall": "Aircall",
  "agents.col.callsToday": "Appels du jour",
  "agents.col.answered": "Répondus",
  "agents.col.talkTime": "Conversation",
  "agents.admin": "admin",
  "agents.ids": "utilisateur {userId} · numéro {numberId}",
  "agents.notSignedIn": "pas encore connecté",
  "agents.nextCall": "prochain appel dans {time}",
  "agents.updated": "Mis à jour en direct · dernier changement d'état à {time}",
  "agents.newCode": "Nouveau code",
  "agents.newCodeFor": "Nouveau code pour {name}",
};

export const agents = { en, fr };
