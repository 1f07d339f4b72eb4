/** Helpers for Plasmo content-script UIs (CSUI), kept here so the entries under contents/ stay thin. */

/** A <style> element for a CSUI shadow root, from CSS imported with `data-text:`. */
export function shadowStyle(cssText: string): HTMLStyleElement {
  const style = document.createElement("style")
  style.textContent = cssText
  return style
}

/**
 * A closed shadow root for a CSUI host: `host.shadowRoot` is null to the page, so its scripts
 * cannot read what the UI shows nor reach its buttons. Plasmo calls a CSUI's exported
 * `createShadowRoot` instead of opening one itself.
 */
export function closedShadowRoot(host: HTMLElement): ShadowRoot {
  return host.attachShadow({ mode: "closed" })
}
