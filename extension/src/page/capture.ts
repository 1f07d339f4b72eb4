/**
 * Turns a control into the CapturedNumber sent with `queue.add`: the number plus what the
 * CRM adapter reads around it (name, company, record URL).
 */
import type { ContactContext, CrmAdapter } from "~adapters/types";
import type { CapturedNumber } from "~lib/messages";

import { isQueuedButton, numberOf } from "./controls";

function contextOf(adapter: CrmAdapter, button: Element): ContactContext {
  try {
    return adapter.contextFor(button);
  } catch (error) {
    // A CRM changed its markup: still queue the number, just without the contact's details.
    console.warn(`[dialer] ${adapter.id} adapter could not read the contact`, error);
    return {};
  }
}

export function captureFor(button: Element, adapter: CrmAdapter): CapturedNumber {
  return { phone: numberOf(button), ...contextOf(adapter, button), crm: adapter.id };
}

/** One button per distinct number that is not queued yet, in page order of first sighting. */
export function pendingButtons(buttons: Iterable<HTMLButtonElement>, isQueued: (phone: string) => boolean) {
  const byPhone = new Map<string, HTMLButtonElement>();
  for (const button of buttons) {
    const phone = numberOf(button);
    if (!phone || byPhone.has(phone) || isQueued(phone) || isQueuedButton(button)) continue;
    byPhone.set(phone, button);
  }
  return [...byPhone.values()];
}

/**
 * True when these controls belong to more than one contact, so "Add all" means something: a
 * record page's numbers are one person's and get no "Add all". Controls whose contact the adapter
 * cannot name are counted as different people (the agent decides). Stops at the second contact.
 */
export function severalContacts(buttons: readonly Element[], adapter: CrmAdapter): boolean {
  let first: string | undefined;
  for (const button of buttons) {
    const { name, sourceUrl } = contextOf(adapter, button);
    if (!name) return buttons.length > 1;
    const key = `${name}\u0000${sourceUrl ?? ""}`;
    if (first === undefined) first = key;
    else if (key !== first) return true;
  }
  return false;
}
