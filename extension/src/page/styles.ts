/**
 * The controls' stylesheet, injected once per tree: the document head, and every open shadow
 * root that received a control (page styles do not cross shadow boundaries, nor do ours).
 * Class names carry the `pdlr-` prefix; state is expressed with data attributes, not inline styles.
 */
export const CLASS = {
  queue: "pdlr-queue",
  addAll: "pdlr-add-all"
} as const;

const STYLE_ATTRIBUTE = "data-dialer-style";

export const CSS = `
.${CLASS.queue}, .${CLASS.addAll} {
  all: unset;
  box-sizing: border-box;
  display: inline-flex;
  align-items: center;
  gap: 2px;
  font: 600 11px/1.2 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  letter-spacing: 0;
  white-space: nowrap;
  cursor: pointer;
  border-radius: 999px;
  border: 1px solid #00865a;
  color: #00664a;
  background: #effaf5;
}
.${CLASS.queue} { margin: 0 0 0 6px; padding: 1px 7px; vertical-align: baseline; }
.${CLASS.queue}:hover { background: #d9f2e7; }
.${CLASS.queue}[data-queued="true"] { cursor: default; border-color: #9aa5b1; color: #3e4c59; background: #f5f7fa; }
/* Read with an assumed country (written without its country code): dashed, with a "?" to check. */
.${CLASS.queue}[data-assumed-country] { border-style: dashed; }
.${CLASS.queue}[data-assumed-country]::after { content: "?"; font-weight: 700; margin-left: 2px; }
.${CLASS.queue}[data-busy="true"] { opacity: 0.6; cursor: progress; }
.${CLASS.queue}:focus-visible, .${CLASS.addAll}:focus-visible { outline: 2px solid #1a73e8; outline-offset: 2px; }
.${CLASS.addAll} {
  position: fixed; right: 20px; bottom: 20px; z-index: 2147483000;
  padding: 8px 14px; font-size: 13px; color: #fff; background: #00865a;
  box-shadow: 0 2px 8px rgba(0, 0, 0, 0.25);
}
.${CLASS.addAll}:hover { background: #006e4a; }
/* The dialer bar is 44 px tall, 16 px from the bottom: "Add all" stands 12 px above it. */
.${CLASS.addAll}[data-above-bar="true"] { bottom: 72px; }
.${CLASS.addAll}[hidden] { display: none; }
.${CLASS.addAll}[data-busy="true"] { opacity: 0.7; cursor: progress; }
`;

const styled = new WeakSet<Node>();

/** Adds the stylesheet to the tree `node` lives in, once. */
export function ensureStyles(node: Node): void {
  const root = node.getRootNode();
  if (styled.has(root)) return;
  const doc = node.ownerDocument ?? (root as Document);
  const style = doc.createElement("style");
  style.setAttribute(STYLE_ATTRIBUTE, "");
  style.textContent = CSS;
  if (root instanceof ShadowRoot) root.append(style);
  else if (root.nodeType === Node.DOCUMENT_NODE) {
    const target = root as Document;
    (target.head ?? target.documentElement).append(style);
  } else return; // Detached subtree: styled when it is attached and rescanned.
  styled.add(root);
}
