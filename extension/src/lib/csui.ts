/** Helpers for Plasmo content-script UIs (CSUI), kept here so the entries under contents/ stay thin. */

/** A <style> element for a CSUI shadow root, from CSS imported with `data-text:`. */
export function shadowStyle(cssText: string): HTMLStyleElement {
  const style = document.createElement("style")
  style.textContent = cssText
  return style
}
