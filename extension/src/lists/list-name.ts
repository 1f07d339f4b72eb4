import type { Translate } from "@dialer/shared/i18n"

import { FIRST_LIST } from "../db/schema"
import type { MessageKey } from "../i18n"

/**
 * A list's name as the agent sees it. The list every database starts with is stored as "My queue";
 * until the agent renames it, it is shown in the agent's language ("Ma file d'attente"). Every
 * other name is the agent's own and shown as written.
 */
export function shownName(t: Translate<MessageKey>, list: { id: string; name: string }): string {
  return list.id === FIRST_LIST.id && list.name === FIRST_LIST.name ? t("lists.firstList") : list.name
}

/** The same lists with their shown names (undefined stays undefined while loading). */
export function withShownNames<L extends { id: string; name: string }>(t: Translate<MessageKey>, lists: L[] | undefined): L[] | undefined {
  return lists?.map((l) => ({ ...l, name: shownName(t, l) }))
}
