/**
 * Scans a subtree for phone numbers in idle-time chunks and hands each block's matches to a
 * sink (the page layer, which places controls). Blocks the sink reports as current are not
 * parsed again, so rescans after mutations cost little.
 */
import type { CountryCode } from "libphonenumber-js/min";

import { matchesInBlock, type BlockMatch } from "./block-matches";
import { readBlock, type BlockText } from "./block-text";
import type { BlockContainer } from "./dom-rules";
import { runInChunks, type ChunkOptions, type ChunkStats } from "./idle-chunks";
import { mayHoldPhone } from "./phone-text";
import { walkBlocks } from "./walker";

export type BlockSink = {
  /** True when `signature` is what the sink last accepted for this block and nothing was lost. */
  isCurrent(container: BlockContainer, signature: string): boolean;
  accept(container: BlockContainer, signature: string, matches: BlockMatch[]): void;
  /** Called for every open shadow root met, e.g. to observe its mutations. */
  onShadowRoot?(root: ShadowRoot): void;
};

export type ScanOptions = ChunkOptions & {
  country: CountryCode;
  sink: BlockSink;
  /** Countries the page suggests for numbers the default country cannot read (see country-hints.ts). */
  hints?: readonly CountryCode[];
};

/** Text plus tel: targets: what decides whether a block must be looked at again. */
export function blockSignature(block: BlockText): string {
  const hrefs = block.telLinks.map((link) => link.getAttribute("href") ?? "");
  return hrefs.length > 0 ? `${block.text}\u0000${hrefs.join("\u0000")}` : block.text;
}

/**
 * Where a pass's time went, for the benchmarks' log: blocks read, blocks whose text may hold a
 * number, and the time spent finding numbers in those and handing their controls to the sink
 * (clock read only around those: reading the clock around every block cost more than the rest).
 */
export type ScanProfile = { blocks: number; candidates: number; matchMs: number; acceptMs: number };

export function emptyProfile(): ScanProfile {
  return { blocks: 0, candidates: 0, matchMs: 0, acceptMs: 0 };
}

/** Processes one block synchronously. Exposed for callers that scan a single block. */
export function scanBlock(container: BlockContainer, country: CountryCode, sink: BlockSink, hints: readonly CountryCode[] = [], profile?: ScanProfile): void {
  const block = readBlock(container);
  const signature = blockSignature(block);
  if (sink.isCurrent(container, signature)) return;
  if (!profile || (block.telLinks.length === 0 && !mayHoldPhone(block.text))) {
    if (profile) profile.blocks += 1;
    sink.accept(container, signature, matchesInBlock(block, country, hints));
    return;
  }
  const t0 = performance.now();
  const matches = matchesInBlock(block, country, hints);
  const t1 = performance.now();
  sink.accept(container, signature, matches);
  profile.blocks += 1;
  profile.candidates += 1;
  profile.matchMs += t1 - t0;
  profile.acceptMs += performance.now() - t1;
}

export function scanInChunks(root: BlockContainer, options: ScanOptions & { profile?: ScanProfile }): Promise<ChunkStats> {
  const { country, sink, hints = [], profile, ...chunking } = options;
  const steps = walkBlocks(root);
  return runInChunks(() => {
    const next = steps.next();
    if (next.done) return false;
    const { block, shadowRoot } = next.value;
    if (shadowRoot) sink.onShadowRoot?.(shadowRoot);
    if (block) scanBlock(block, country, sink, hints, profile);
    return true;
  }, chunking);
}

/** Synchronous scan of a whole subtree: for small roots and tests. */
export function scanNow(root: BlockContainer, country: CountryCode, sink: BlockSink): void {
  for (const { block, shadowRoot } of walkBlocks(root)) {
    if (shadowRoot) sink.onShadowRoot?.(shadowRoot);
    if (block) scanBlock(block, country, sink);
  }
}
