/**
 * The "+ Queue" button placed after each detected number. It carries
 * `data-dialer-number="<E.164>"` (the DESIGN contract) and turns into "✓ Queued" with
 * `data-queued="true"` once the number is in the queue.
 *
 * Those attributes are for display and tests only: the page can rewrite them. What a button
 * queues, and whether it shows as queued, comes from `detected`, kept in the content script's
 * own memory (an isolated world the page cannot reach).
 */
import { CONTROL_ATTRIBUTE } from "~detect/dom-rules";
import { countryName, labelFor } from "~detect/phone-text";

import { CLASS, ensureStyles } from "./styles";

export const NUMBER_ATTRIBUTE = "data-dialer-number";

/** How the number was read: its country, and whether that depends on the country it was read with. */
export type Reading = { country?: string; assumed?: boolean };

export function createQueueButton(doc: Document, e164: string, reading: Reading = {}): HTMLButtonElement {
  const button = doc.createElement("button");
  button.type = "button";
  button.className = CLASS.queue;
  button.setAttribute(CONTROL_ATTRIBUTE, "queue");
  button.setAttribute(NUMBER_ATTRIBUTE, e164);
  if (reading.assumed) button.setAttribute("data-assumed-country", reading.country ?? "");
  detected.set(button, { phone: e164, queued: false, ...reading });
  setQueued(button, false);
  return button;
}

type Detected = { phone: string; queued: boolean } & Reading;

/**
 * Which number the control dials, with its country: "+1 415-555-0132 (United States)". A number
 * written without its country code says so, for the agent to check before queueing it.
 */
export function describeNumber(button: Element): { label: string; caution: string } {
  const record = detected.get(button);
  const phone = labelFor(record?.phone ?? "");
  const name = countryName(record?.country);
  const label = name ? `${phone} (${name})` : phone;
  const caution = record?.assumed
    ? ` Written without a country code: read as a ${name || "local"} number. Check it before dialing.`
    : "";
  return { label, caution };
}

/** The number each control was made for, and whether it shows as queued: never read back from the DOM. */
const detected = new WeakMap<Element, Detected>();

/** The number the extension detected for this control; "" for an element it did not make. */
export function numberOf(button: Element): string {
  return detected.get(button)?.phone ?? "";
}

export function isQueuedButton(button: Element): boolean {
  return detected.get(button)?.queued ?? false;
}

/** A click or key press made by the user, not by page script (`element.click()`, `dispatchEvent`). */
export function isUserEvent(event: Event): boolean {
  return event.isTrusted === true;
}

export function setQueued(button: HTMLButtonElement, queued: boolean): void {
  const record = detected.get(button);
  if (record) record.queued = queued;
  const { label, caution } = describeNumber(button);
  const text = queued ? "✓ Queued" : "+ Queue";
  if (button.textContent !== text) button.textContent = text;
  button.setAttribute("data-queued", String(queued));
  button.setAttribute("aria-disabled", String(queued));
  button.setAttribute(
    "aria-label",
    (queued ? `${label} is in the dial queue.` : `Add ${label} to the dial queue.`) + caution
  );
  button.title = (queued ? `${label} is already in the dial queue.` : `Dials ${label}.`) + caution;
}

export function setBusy(button: HTMLElement, busy: boolean): void {
  if (busy) button.setAttribute("data-busy", "true");
  else button.removeAttribute("data-busy");
}

/** Inserts the button right after `anchor`, in the anchor's own tree (light DOM or shadow root). */
export function placeAfter(anchor: Node, button: HTMLButtonElement): boolean {
  const parent = anchor.parentNode;
  if (!parent) return false;
  parent.insertBefore(button, anchor.nextSibling);
  ensureStyles(button);
  return true;
}
