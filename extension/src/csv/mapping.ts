/** Which columns hold what: indexes into a row; `name` may join several (first + last name). */
export type Mapping = { phone: number; name: number[]; company: number | null; notes: number[] }

const PHONE = /(phone|tel|mobile|cell|portable|number|num[eé]ro|t[eé]l[eé]phone|gsm)/i
const FULL_NAME = /^(full ?name|name|contact( name)?|nom complet|nom|person)$/i
const FIRST = /^(first ?name|given ?name|pr[eé]nom)$/i
const LAST = /^(last ?name|surname|family ?name|nom de famille)$/i
const COMPANY = /(company|organi[sz]ation|account|soci[eé]t[eé]|entreprise|business|employer)/i

/** A first guess from the header names; the agent corrects it in the mapping step. */
export function guessMapping(headers: string[]): Mapping {
  const find = (re: RegExp, taken: Set<number>) => headers.findIndex((h, i) => !taken.has(i) && re.test(h.trim()))
  const taken = new Set<number>()
  const phone = find(PHONE, taken)
  if (phone >= 0) taken.add(phone)
  let name: number[] = []
  const full = find(FULL_NAME, taken)
  if (full >= 0) name = [full]
  else {
    const first = find(FIRST, taken)
    const last = find(LAST, taken)
    name = [first, last].filter((i) => i >= 0)
  }
  name.forEach((i) => taken.add(i))
  const companyAt = find(COMPANY, taken)
  if (companyAt >= 0) taken.add(companyAt)
  return {
    phone: phone >= 0 ? phone : 0,
    name,
    company: companyAt >= 0 ? companyAt : null,
    notes: headers.map((_, i) => i).filter((i) => !taken.has(i) && i !== (phone >= 0 ? phone : 0)),
  }
}
