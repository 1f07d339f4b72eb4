/**
 * The floating "Add all N numbers on this page" action for list views. N counts distinct
 * E.164 numbers that have a control on the page and are not queued yet; hidden when 0.
 */
import { CONTROL_ATTRIBUTE } from "~detect/dom-rules";

import { contentTranslatorFor } from "~i18n/content-catalogue";
import { activeLocale } from "~i18n/locale";

import { isUserEvent, setBusy } from "./controls";
import { CLASS, ensureStyles } from "./styles";

export type AddAllButton = {
  element: HTMLButtonElement;
  update(pending: number): void;
  /** Recounts soon (coalesced), so a scan placing thousands of controls recounts once. */
  schedule(): void;
  setBusy(busy: boolean): void;
  /** The dialer bar shows at the bottom of the window: stand above it, never under or over it. */
  setAboveBar(above: boolean): void;
  remove(): void;
};

/** "Add all 3 numbers on this page" in the agent's language. */
export function addAllLabel(pending: number): string {
  return contentTranslatorFor(activeLocale())("page.addAll", { count: pending });
}

export function createAddAllButton(
  doc: Document,
  onActivate: () => void,
  countPending: () => number,
  delayMs = 50
): AddAllButton {
  const element = doc.createElement("button");
  element.type = "button";
  element.className = CLASS.addAll;
  element.setAttribute(CONTROL_ATTRIBUTE, "add-all");
  element.setAttribute("data-dialer-add-all", "");
  element.hidden = true;
  element.addEventListener("click", (event) => {
    event.preventDefault();
    event.stopPropagation();
    if (isUserEvent(event)) onActivate(); // page script clicking "Add all" does nothing
  });
  let shown = -1;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const api: AddAllButton = {
    element,
    schedule() {
      if (timer !== undefined) return;
      timer = setTimeout(() => {
        timer = undefined;
        api.update(countPending());
      }, delayMs);
    },
    update(pending) {
      if (!element.isConnected && doc.body) {
        doc.body.append(element);
        ensureStyles(element);
      }
      if (pending === shown) return;
      shown = pending;
      element.hidden = pending === 0;
      element.setAttribute("data-pending", String(pending));
      element.textContent = addAllLabel(pending);
      element.setAttribute("aria-label", contentTranslatorFor(activeLocale())("page.addAllLabel", { count: pending }));
    },
    setBusy(busy) {
      setBusy(element, busy);
    },
    setAboveBar(above) {
      if (above) element.setAttribute("data-above-bar", "true");
      else element.removeAttribute("data-above-bar");
    },
    remove() {
      if (timer !== undefined) clearTimeout(timer);
      element.remove();
    }
  };
  return api;
}
