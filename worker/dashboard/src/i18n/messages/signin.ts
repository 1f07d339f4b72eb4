/** The sign-in page. */
import type { Catalogue } from "@dialer/shared/i18n";

const en = {
  "signin.title": "Team dashboard",
  "signin.intro": "Sign in with the admin token set on this worker (ADMIN_TOKEN) or an admin's access token.",
  "signin.token": "Admin token",
  "signin.submit": "Sign in",
  "signin.refused": "This token was refused. Use the worker's ADMIN_TOKEN or an admin's access token.",
  "signin.unreachable": "Could not reach the worker: {message}",
  "signin.privacy": "The token stays in this tab only (sessionStorage) and is sent to this worker alone.",
  "signin.expired": "Your session was refused: sign in again.",
};

const fr: Catalogue<typeof en> = {
  "signin.title": "Tableau de bord de l'équipe",
  "signin.intro": "Connectez-vous avec le jeton d'administration de ce worker (ADMIN_TOKEN) ou le jeton d'accès d'un administrateur.",
  "signin.token": "Jeton d'administration",
  "signin.submit": "Se connecter",
  "signin.refused": "Ce jeton a été refusé. Utilisez l'ADMIN_TOKEN du worker ou le jeton d'accès d'un administrateur.",
  "signin.unreachable": "Impossible de joindre le worker : {message}",
  "signin.privacy": "Le jeton reste dans cet onglet uniquement (sessionStorage) et n'est envoyé qu'à ce worker.",
  "signin.expired": "Votre session a été refusée : reconnectez-vous.",
};

export const signin = { en, fr };
