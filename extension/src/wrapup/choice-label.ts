/**
 * A disposition's name in the agent's language. The company's own dispositions are shown as the
 * admin wrote them; the built-in ones (shared DEFAULT_DISPOSITIONS, still with their English label)
 * take the shared wording of the agent's language. No zod here: the in-page panel bundles it.
 */
import { defaultDispositionLabel, type Locale } from "@dialer/shared/i18n"

export function choiceLabel(choice: { id: string; label: string }, locale: Locale): string {
  const builtIn = defaultDispositionLabel(choice.id, "en") === choice.label
  return builtIn ? (defaultDispositionLabel(choice.id, locale) ?? choice.label) : choice.label
}
