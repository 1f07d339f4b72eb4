import { Fragment, type ReactNode } from "react";

/**
 * A message whose placeholders are elements (`<code>`, `<strong>`): call `t(key)` without those
 * params (their `{name}` stays in the text) and put the nodes in their places.
 */
export function rich(text: string, nodes: Record<string, ReactNode>): ReactNode {
  const parts = text.split(/\{(\w+)\}/);
  return parts.map((part, i) => <Fragment key={i}>{i % 2 === 1 ? (part in nodes ? nodes[part] : `{${part}}`) : part}</Fragment>);
}
