/**
 * The privacy page: what is stored where, what is sent to whom, and why each permission is asked
 * for (privacy/permissions.ts names the permissions; their reasons are here, in both languages).
 */
import type { Catalogue } from "@dialer/shared/i18n"

const en = {
  "privacy.title": "Privacy and permissions",
  "privacy.lead":
    "Aircall Power Dialer is run by your company: it talks only to your company's own dialer server (a Cloudflare Worker in your company's Cloudflare account) and, through it, to your company's Aircall account. Nothing is sent to the extension's authors or to anyone else, there are no analytics and no advertising, and all of the extension's code is in the package you installed (none is downloaded).",
  "privacy.stored.title": "Stored in this browser, on this computer",
  "privacy.stored.queues": "Your queues and lists: the phone numbers, names and companies you add from CRM pages or a CSV file.",
  "privacy.stored.history": "Your call history: when each number was called, the outcome, notes and dispositions you enter.",
  "privacy.stored.settings": "Your settings: the worker's address, the default country, the delay between calls, the sites you added, the language.",
  "privacy.stored.signIn": "Your sign-in: a refresh token for your company's worker (no password; sign out to remove it).",
  "privacy.stored.removal": "Removing the extension deletes all of it.",
  "privacy.sent.title": "Sent to your company's worker",
  "privacy.sent.numbers":
    "The numbers of the queue you start, so the worker can place the calls through Aircall one after another (or a list you send to Aircall's own Power Dialer).",
  "privacy.sent.code": "Your enrolment code when you sign in, then short-lived tokens.",
  "privacy.sent.outcomes":
    "Call outcomes and wrap-up notes, kept as your team's history in your company's Cloudflare account, for as long as your admin sets (13 months by default).",
  "privacy.sent.note":
    "The worker sends the calls to Aircall with your company's Aircall key. Your company decides who can read the history (its admins, through the team dashboard).",
  "privacy.pages.title": "Pages you visit",
  "privacy.pages.builtIn":
    "On the built-in CRMs (HubSpot, Salesforce, Pipedrive, Zoho, Close, Attio) the extension reads the page to find phone numbers and shows the dialer bar. The page's content stays in your browser: only the numbers you add to your queue are used.",
  "privacy.pages.others": "On any other site the extension does nothing until you (or your IT) add that site.",
  "privacy.permissions.title": "Permissions, and why",
  "privacy.managed.title": "Set by your company",
  "privacy.managed.text":
    "Your IT may install the extension for you and set the worker's address, the default country and extra CRM sites by browser policy. Those settings show as locked in the options page. Questions about your data go to your company, which runs the worker and holds the Aircall account.",
  "privacy.why.storage":
    "Keeps your settings where the pages that find numbers can read them (country, sites, delay, language), the connection state for the popup, and reads the settings your company's IT may set by policy (managed storage).",
  "privacy.why.alarms":
    "Wakes the dialer in the background to keep your session with your company's worker fresh and to reconnect after the browser puts it to sleep.",
  "privacy.why.scripting": "Runs the number finder and the dialer bar on the CRM sites you add yourself (or your IT adds), besides the built-in CRMs.",
  "privacy.why.https":
    "Asked for one site at a time, only when you add a CRM site or sign in to your company's worker; the extension never has access to a site you did not allow.",
  "privacy.why.http": "Only for a worker running on this computer (localhost or 127.0.0.1) during a trial or development: any other plain-http address is refused.",
}

const fr: Catalogue<typeof en> = {
  "privacy.title": "Confidentialité et autorisations",
  "privacy.lead":
    "Aircall Power Dialer est exploité par votre entreprise : l'extension communique uniquement avec le serveur de numérotation de votre entreprise (un Cloudflare Worker hébergé sur le compte Cloudflare de votre entreprise) et, par son intermédiaire, avec le compte Aircall de votre entreprise. Rien n'est envoyé aux auteurs de l'extension ni à qui que ce soit d'autre, il n'y a ni statistiques d'usage ni publicité, et tout le code de l'extension se trouve dans le paquet que vous avez installé (aucun code n'est téléchargé).",
  "privacy.stored.title": "Stocké dans ce navigateur, sur cet ordinateur",
  "privacy.stored.queues":
    "Vos files d'attente et vos listes : les numéros de téléphone, noms et entreprises que vous ajoutez depuis des pages CRM ou un fichier CSV.",
  "privacy.stored.history": "Votre historique d'appels : quand chaque numéro a été appelé, le résultat, les notes et les résultats que vous saisissez.",
  "privacy.stored.settings":
    "Vos paramètres : l'adresse du worker, le pays par défaut, le délai entre les appels, les sites que vous avez ajoutés, la langue.",
  "privacy.stored.signIn":
    "Votre connexion : un jeton de renouvellement pour le worker de votre entreprise (aucun mot de passe ; déconnectez-vous pour le supprimer).",
  "privacy.stored.removal": "Désinstaller l'extension supprime toutes ces données.",
  "privacy.sent.title": "Envoyé au worker de votre entreprise",
  "privacy.sent.numbers":
    "Les numéros de la file d'attente que vous lancez, pour que le worker passe les appels via Aircall l'un après l'autre (ou une liste que vous envoyez au Power Dialer d'Aircall).",
  "privacy.sent.code": "Votre code de connexion lorsque vous vous connectez, puis des jetons de courte durée.",
  "privacy.sent.outcomes":
    "Les résultats des appels et les notes de clôture, conservés comme historique de votre équipe sur le compte Cloudflare de votre entreprise, pendant la durée fixée par votre administrateur (13 mois par défaut).",
  "privacy.sent.note":
    "Le worker transmet les appels à Aircall avec la clé Aircall de votre entreprise. Votre entreprise décide qui peut consulter l'historique (ses administrateurs, via le tableau de bord de l'équipe).",
  "privacy.pages.title": "Pages que vous visitez",
  "privacy.pages.builtIn":
    "Sur les CRM intégrés (HubSpot, Salesforce, Pipedrive, Zoho, Close, Attio), l'extension lit la page pour y trouver les numéros de téléphone et affiche la barre d'appel. Le contenu de la page reste dans votre navigateur : seuls les numéros que vous ajoutez à votre file d'attente sont utilisés.",
  "privacy.pages.others": "Sur tout autre site, l'extension ne fait rien tant que vous (ou votre service informatique) n'avez pas ajouté ce site.",
  "privacy.permissions.title": "Autorisations, et pourquoi",
  "privacy.managed.title": "Défini par votre entreprise",
  "privacy.managed.text":
    "Votre service informatique peut installer l'extension pour vous et définir l'adresse du worker, le pays par défaut et des sites CRM supplémentaires par stratégie du navigateur. Ces paramètres apparaissent verrouillés dans la page des options. Pour toute question sur vos données, adressez-vous à votre entreprise, qui exploite le worker et détient le compte Aircall.",
  "privacy.why.storage":
    "Conserve vos paramètres là où les pages qui trouvent les numéros peuvent les lire (pays, sites, délai, langue), l'état de la connexion pour la fenêtre de l'extension, et lit les paramètres que le service informatique de votre entreprise peut définir par stratégie (stockage géré).",
  "privacy.why.alarms":
    "Réveille le composeur en arrière-plan pour garder à jour votre session avec le worker de votre entreprise et se reconnecter lorsque le navigateur le met en veille.",
  "privacy.why.scripting":
    "Exécute la recherche de numéros et la barre d'appel sur les sites CRM que vous ajoutez vous-même (ou que votre service informatique ajoute), en plus des CRM intégrés.",
  "privacy.why.https":
    "Demandée pour un seul site à la fois, uniquement lorsque vous ajoutez un site CRM ou vous connectez au worker de votre entreprise ; l'extension n'a jamais accès à un site que vous n'avez pas autorisé.",
  "privacy.why.http":
    "Uniquement pour un worker qui tourne sur cet ordinateur (localhost ou 127.0.0.1) pendant un essai ou le développement : toute autre adresse en http simple est refusée.",
}

export const privacy = { en, fr }
