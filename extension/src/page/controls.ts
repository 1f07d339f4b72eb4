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
import { contentTranslatorFor } from "~i18n/content-catalogue";
import { activeLocale, currentLocale, onLocaleChange } from "~i18n/locale";

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
  const locale = activeLocale();
  const t = contentTranslatorFor(locale);
  const record = detected.get(button);
  const phone = labelFor(record?.phone ?? "");
  const name = countryName(record?.country, locale);
  const label = name ? t("page.numberIn", { phone, country: name }) : phone;
  const caution = record?.assumed ? (name ? t("page.assumed", { country: name }) : t("page.assumedLocal")) : "";
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
  const t = contentTranslatorFor(activeLocale());
  const text = queued ? t("page.queued") : t("page.queue");
  if (button.textContent !== text) button.textContent = text;
  button.setAttribute("data-queued", String(queued));
  button.setAttribute("aria-disabled", String(queued));
  button.setAttribute(
    "aria-label",
    (queued ? t("page.queuedLabel", { number: label }) : t("page.addLabel", { number: label })) + caution
  );
  button.title = (queued ? t("page.queuedTitle", { number: label }) : t("page.addTitle", { number: label })) + caution;
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

/**
 * Controls speak the agent's language: the browser's until the setting is read (one storage read
 * at load), then the agent's choice; labels made before that, or before a switch, are redone.
 * Controls inside a page's shadow roots take the new words at their next change.
 */
export function followLocale(doc: Document): () => void {
  const relabel = () => {
    for (const button of doc.querySelectorAll<HTMLButtonElement>(`button[${NUMBER_ATTRIBUTE}]`))
      if (detected.has(button)) setQueued(button, isQueuedButton(button));
  };
  const before = activeLocale();
  void currentLocale().then((locale) => locale !== before && relabel());
  return onLocaleChange(relabel);
}

if (typeof document !== "undefined" && typeof chrome !== "undefined" && chrome.storage?.local) followLocale(document);
