/**
 * Which parts of the page the detector reads. Text is read per "block": an element that is not
 * inline, or an open shadow root. Inline descendants (spans, links, custom elements such as
 * `lightning-formatted-phone`) belong to their block, so a number split across
 * `<span>(415)</span> <span>555-0132</span>` is read as one string.
 */

/** Attribute carried by everything the extension inserts; the detector never reads inside it. */
export const CONTROL_ATTRIBUTE = "data-dialer-control";

export type BlockContainer = Element | ShadowRoot;

const SKIPPED_TAGS = new Set([
  "INPUT", "TEXTAREA", "SELECT", "OPTION", "SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE",
  "CODE", "PRE", "SVG", "CANVAS", "IFRAME", "OBJECT", "HEAD", "TITLE", "META", "LINK"
]);

const INLINE_TAGS = new Set([
  "A", "ABBR", "B", "BDI", "BDO", "BUTTON", "CITE", "DATA", "DFN", "EM", "FONT", "I", "KBD",
  "LABEL", "MARK", "Q", "S", "SAMP", "SMALL", "SPAN", "STRONG", "SUB", "SUP", "TIME", "U",
  "VAR", "WBR", "BR", "IMG", "NOBR", "OUTPUT"
]);

/** Elements a control must not be placed inside: it goes right after them instead. */
const INTERACTIVE_TAGS = new Set(["A", "BUTTON", "LABEL", "SUMMARY"]);

function isEditable(element: Element): boolean {
  const value = element.getAttribute("contenteditable");
  return value !== null && value.toLowerCase() !== "false";
}

/** True when the element and everything inside it must be left alone. */
export function isSkipped(element: Element): boolean {
  return (
    SKIPPED_TAGS.has(element.tagName.toUpperCase()) ||
    element.hasAttribute(CONTROL_ATTRIBUTE) ||
    element.hasAttribute("hidden") ||
    isEditable(element)
  );
}

/** ARIA roles that make any element a block of its own (grid rows and cells, list items…). */
const BLOCK_ROLES = new Set(["row", "gridcell", "cell", "columnheader", "rowheader", "listitem", "article", "region", "dialog"]);

/**
 * Custom elements are inline wrappers (`lightning-formatted-phone`, `lyte-text`,
 * `crux-phone-component`) unless their name says they are layout: `lyte-exptable-td`,
 * `records-record-layout-item`, `…-row`, `…-card`, …
 */
const STRUCTURAL_CUSTOM = /-(?:tr|td|th|row|rows|cell|table|tbody|thead|item|card|section|list|panel|layout|container|page|header|footer|grid|column|col|region|tab|tabset|form|modal|dialog|app|view|body)$/i;

export function isInline(element: Element): boolean {
  const tag = element.tagName.toUpperCase();
  const role = element.getAttribute("role");
  if (role && BLOCK_ROLES.has(role)) return false;
  if (INLINE_TAGS.has(tag)) return true;
  return tag.includes("-") && !STRUCTURAL_CUSTOM.test(tag);
}

/** Links and buttons: a control is placed right after them, never inside. */
export function isWrapperToStepOut(element: Element): boolean {
  const role = element.getAttribute("role");
  return INTERACTIVE_TAGS.has(element.tagName.toUpperCase()) || role === "button" || role === "link";
}

/** The block a node's text is read with: the nearest non-inline ancestor or shadow root. */
export function blockOf(node: Node): BlockContainer | null {
  let current: Node | null = node.nodeType === Node.ELEMENT_NODE ? node : node.parentNode;
  while (current) {
    if (current instanceof ShadowRoot) return current;
    if (current instanceof Element && !isInline(current)) return current;
    current = current.parentNode;
  }
  return null;
}

/** True when the node or one of its ancestors (across shadow hosts) is skipped. */
export function isInsideSkipped(node: Node): boolean {
  let current: Node | null = node;
  while (current) {
    if (current instanceof Element && isSkipped(current)) return true;
    current = current instanceof ShadowRoot ? current.host : current.parentNode;
  }
  return false;
}
