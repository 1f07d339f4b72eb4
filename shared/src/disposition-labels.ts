/**
 * The built-in dispositions' labels in each language: one wording for the agent's wrap-up (which
 * shows a built-in disposition in the agent's language) and the admin's "Default set" (which fills
 * the labels in the admin's language). No zod: the in-page wrap-up panel bundles it.
 */
import type { Locale } from "./i18n";

export type DefaultDispositionId = "connected" | "voicemail" | "no_answer" | "bad_number" | "do_not_call" | "callback";

export const DEFAULT_DISPOSITION_LABELS: Record<Locale, Record<DefaultDispositionId, string>> = {
  en: {
    connected: "Connected",
    voicemail: "Left voicemail",
    no_answer: "No answer",
    bad_number: "Bad number",
    do_not_call: "Do not call",
    callback: "Call back",
  },
  fr: {
    connected: "Personne jointe",
    voicemail: "Message laissé",
    no_answer: "Sans réponse",
    bad_number: "Numéro invalide",
    do_not_call: "Ne plus appeler",
    callback: "À rappeler",
  },
};

/** A built-in disposition's label in `locale`, or null for an id that is not built in. */
export function defaultDispositionLabel(id: string, locale: Locale): string | null {
  return Object.hasOwn(DEFAULT_DISPOSITION_LABELS.en, id) ? DEFAULT_DISPOSITION_LABELS[locale][id as DefaultDispositionId] : null;
}
