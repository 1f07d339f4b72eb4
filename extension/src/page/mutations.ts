/**
 * Batches DOM mutations into the smallest set of blocks to rescan. Mutations caused only by
 * the extension's own controls are ignored. One observer covers the document and every open
 * shadow root handed to `observe` (mutation observers do not see into shadow trees).
 */
import { blockOf, CONTROL_ATTRIBUTE, isInsideSkipped, type BlockContainer } from "~detect/dom-rules";

export type MutationBatcher = { observe(root: Node): void; disconnect(): void };

function isOwnControl(node: Node): boolean {
  return node instanceof Element && node.hasAttribute(CONTROL_ATTRIBUTE);
}

function onlyOwnControls(record: MutationRecord): boolean {
  if (record.type !== "childList") return false;
  const nodes = [...record.addedNodes, ...record.removedNodes];
  return nodes.length > 0 && nodes.every(isOwnControl);
}

/** Drops roots that sit inside another root of the batch. */
export function outermost(roots: Iterable<BlockContainer>): BlockContainer[] {
  const list = [...new Set(roots)];
  return list.filter((root) => !list.some((other) => other !== root && other.contains(root)));
}

export function batchMutations(
  onDirty: (roots: BlockContainer[]) => void,
  delayMs = 120
): MutationBatcher {
  const pending = new Set<BlockContainer>();
  const observed = new WeakSet<Node>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    timer = undefined;
    const roots = outermost(pending).filter((root) => root.isConnected);
    pending.clear();
    if (roots.length > 0) onDirty(roots);
  };
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (onlyOwnControls(record) || isInsideSkipped(record.target)) continue;
      const block = blockOf(record.target);
      if (block) pending.add(block);
    }
    if (pending.size > 0 && timer === undefined) timer = setTimeout(flush, delayMs);
  });
  return {
    observe(root) {
      if (observed.has(root)) return;
      observed.add(root);
      observer.observe(root, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ["href", "hidden"] });
    },
    disconnect() {
      observer.disconnect();
      if (timer !== undefined) clearTimeout(timer);
      pending.clear();
    }
  };
}
