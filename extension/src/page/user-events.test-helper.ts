/**
 * Tests only: a click as the browser makes it for a real user (`isTrusted: true`). happy-dom has
 * no trusted events; in a real browser `isTrusted` cannot be redefined, so page script cannot do this.
 */
export function userClick(target: Element): void {
  const event = new MouseEvent("click", { bubbles: true, cancelable: true });
  Object.defineProperty(event, "isTrusted", { value: true });
  target.dispatchEvent(event);
}
