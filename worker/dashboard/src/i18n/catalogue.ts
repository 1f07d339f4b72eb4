/**
 * Every string the dashboard shows, by area (messages/<area>.ts: `{ en, fr }`, French typed against
 * English so a missing key fails the typecheck). Register a new area with one line below.
 */
import { makeTranslator, type Locale, type Translate } from "@dialer/shared/i18n";

import { agents } from "./messages/agents";
import { common } from "./messages/common";
import { compliance } from "./messages/compliance";
import { dispositions } from "./messages/dispositions";
import { enrol } from "./messages/enrol";
import { history } from "./messages/history";
import { signin } from "./messages/signin";
import { team } from "./messages/team";
import { webhook } from "./messages/webhook";

const areas = [common, signin, team, agents, enrol, history, dispositions, compliance, webhook] as const;

type Union<T> = T extends readonly (infer A)[] ? A : never;
type EnOf<A> = A extends { en: infer E } ? E : never;
type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;
export type Messages = UnionToIntersection<EnOf<Union<typeof areas>>>;
export type MessageKey = Extract<keyof Messages, string>;
export type T = Translate<MessageKey>;

function merge(locale: Locale): Record<string, unknown> {
  return Object.assign({}, ...areas.map((area) => area[locale]));
}

export const catalogues = { en: merge("en"), fr: merge("fr") } as unknown as { en: Messages; fr: Messages };

/** Keys defined by more than one area (the later would silently win): the catalogue test wants none. */
export function duplicateKeys(): string[] {
  const seen = new Set<string>();
  const twice: string[] = [];
  for (const area of areas)
    for (const key of Object.keys(area.en)) {
      if (seen.has(key)) twice.push(key);
      seen.add(key);
    }
  return twice;
}

const translators = new Map<Locale, T>();

/** `t(key, params)` in one language (cached). */
export function translatorFor(locale: Locale): T {
  let t = translators.get(locale);
  if (!t) translators.set(locale, (t = makeTranslator(catalogues, locale)));
  return t;
}
