import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js/min"

/**
 * Why a cell is not a phone number, as data: the page words it in the agent's language
 * (csv/problem-text.ts), so a preview built in English reads in French after a switch.
 */
export type CellProblem =
  | { code: "empty" }
  | { code: "scientific"; value: string }
  | { code: "notPhone"; value: string }
  | { code: "invalid"; value: string; country?: string }

export type PhoneCell = { ok: true; phone: string } | { ok: false; problem: CellProblem }

/** "4.15555E+10": Excel showed a long number in scientific notation and dropped digits. */
const SCIENTIFIC = /^[+-]?\d+(?:[.,]\d+)?e\+?\d+$/i

/**
 * One spreadsheet cell as an E.164 number, read with the default country when it has no "+".
 * Excel leftovers are undone when no digit was lost: ="0612…" text formulas, a leading apostrophe,
 * "+" turned into a number (33612… read as +33 when the default country does not fit).
 */
export function phoneFromCell(raw: string, country: CountryCode): PhoneCell {
  let value = raw.trim()
  const formula = /^="(.*)"$/.exec(value)
  if (formula) value = formula[1]!.trim()
  value = value.replace(/^'/, "").trim()
  if (!value) return { ok: false, problem: { code: "empty" } }
  if (SCIENTIFIC.test(value)) return { ok: false, problem: { code: "scientific", value } }
  if (!/\d/.test(value)) return { ok: false, problem: { code: "notPhone", value } }
  if (/[a-z]{3,}/i.test(value.replace(/(ext|x)\.?\s*\d+$/i, ""))) return { ok: false, problem: { code: "notPhone", value } }
  const parsed = parsePhoneNumberFromString(value.replace(/^00/, "+"), country)
  if (parsed?.isValid()) return { ok: true, phone: parsed.number }
  if (!value.startsWith("+")) {
    const international = parsePhoneNumberFromString(`+${value.replace(/\D/g, "")}`)
    if (international?.isValid()) return { ok: true, phone: international.number }
  }
  return { ok: false, problem: value.startsWith("+") ? { code: "invalid", value } : { code: "invalid", value, country } }
}
