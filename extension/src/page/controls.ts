/**
 * The "+ Queue" button placed after each detected number. It carries
 * `data-dialer-number="<E.164>"` (the DESIGN contract) and turns into "✓ Queued" with
 * `data-queued="true"` once the number is in the queue.
 */
import { CONTROL_ATTRIBUTE } from "~detect/dom-rules";
import { labelFor } from "~detect/phone-text";

import { CLASS, ensureStyles } from "./styles";

export const NUMBER_ATTRIBUTE = "data-dialer-number";

export function createQueueButton(doc: Document, e164: string): HTMLButtonElement {
  const button = doc.createElement("button");
  button.type = "button";
  button.className = CLASS.queue;
  button.setAttribute(CONTROL_ATTRIBUTE, "queue");
  button.setAttribute(NUMBER_ATTRIBUTE, e164);
  setQueued(button, false);
  return button;
}

export function numberOf(button: Element): string {
  return button.getAttribute(NUMBER_ATTRIBUTE) ?? "";
}

export function isQueuedButton(button: Element): boolean {
  return button.getAttribute("data-queued") === "true";
}

export function setQueued(button: HTMLButtonElement, queued: boolean): void {
  const label = labelFor(numberOf(button));
  const text = queued ? "✓ Queued" : "+ Queue";
  if (button.textContent !== text) button.textContent = text;
  button.setAttribute("data-queued", String(queued));
  button.setAttribute("aria-disabled", String(queued));
  button.setAttribute(
    "aria-label",
    queued ? `${label} is in the dial queue` : `Add ${label} to the dial queue`
  );
  button.title = queued ? "Already in the dial queue" : "Add to the dial queue";
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
