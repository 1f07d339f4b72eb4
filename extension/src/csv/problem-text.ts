import type { Translate } from "@dialer/shared/i18n"

import { translatorFor, type MessageKey } from "../i18n"
import type { CellProblem } from "./phone-cell"

/** A refused cell's reason in the agent's language: `"555" is not a valid number in US`. */
export function problemText(problem: CellProblem, t: Translate<MessageKey> = translatorFor("en")): string {
  switch (problem.code) {
    case "empty":
      return t("import.reason.empty")
    case "scientific":
      return t("import.reason.scientific", { value: problem.value })
    case "notPhone":
      return t("import.reason.notPhone", { value: problem.value })
    case "invalid":
      return problem.country ? t("import.reason.invalidIn", { value: problem.value, country: problem.country }) : t("import.reason.invalid", { value: problem.value })
  }
}
