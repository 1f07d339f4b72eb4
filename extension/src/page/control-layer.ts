/**
 * Places and tracks the "+ Queue" buttons: one set per block, replaced when the block's text
 * changes, kept when it does not (so rescans never duplicate a control). It is the scanner's
 * sink (see `~detect/scanner`).
 *
 * Buttons go into the page in batches: each insertion makes the browser lay the whole page out
 * again (a 5,000-row table: 100–600 ms in one task that cannot be split), so a scan pass places
 * the buttons of what is in view at once (`placeNow`, see `viewport-first.ts`) and the rest when
 * it ends (`settled`), or every FLUSH_MS while a long pass runs. A batch every 100 ms laid a
 * 5,000-row page out dozens of times (7–13 s of layout and paint in a Chromium trace).
 */
import type { BlockMatch } from "~detect/block-matches";
import type { BlockContainer } from "~detect/dom-rules";
import type { BlockSink } from "~detect/scanner";

import { createQueueButton, isUserEvent, numberOf, placeAfter, setQueued } from "./controls";

type Placed = { signature: string; buttons: HTMLButtonElement[] };
type Pending = { anchor: BlockMatch["anchor"]; button: HTMLButtonElement };

export const FLUSH_MS = 1000;
export const FLUSH_MAX = 10_000;

export type ControlLayerOptions = {
  isQueued(phone: string): boolean;
  /** A button was activated by the user (click, Enter, Space); page-made events are ignored. */
  onActivate(button: HTMLButtonElement): void;
  /** Buttons were added or removed. */
  onChange(): void;
  onShadowRoot?(root: ShadowRoot): void;
};

export class ControlLayer implements BlockSink {
  private placed = new WeakMap<BlockContainer, Placed>();
  private readonly all = new Set<HTMLButtonElement>();
  private pending: Pending[] = [];
  private readonly waiting = new Set<HTMLButtonElement>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private settledWaiters: (() => void)[] = [];

  constructor(private readonly options: ControlLayerOptions) {}

  isCurrent(container: BlockContainer, signature: string): boolean {
    const placed = this.placed.get(container);
    return !!placed && placed.signature === signature && placed.buttons.every((b) => b.isConnected || this.waiting.has(b));
  }

  accept(container: BlockContainer, signature: string, matches: BlockMatch[]): void {
    const previous = this.placed.get(container);
    if (!previous && matches.length === 0) {
      this.placed.set(container, { signature, buttons: [] });
      return;
    }
    for (const button of previous?.buttons ?? []) this.discard(button);
    const doc = container.ownerDocument ?? document;
    const buttons: HTMLButtonElement[] = [];
    for (const match of matches) {
      const button = createQueueButton(doc, match.e164, { country: match.country, assumed: match.assumed });
      // Made as "+ Queue": relabel only the queued ones (each label formats the number again).
      if (this.options.isQueued(match.e164)) setQueued(button, true);
      button.addEventListener("click", this.handleClick);
      this.pending.push({ anchor: match.anchor, button });
      this.waiting.add(button);
      buttons.push(button);
      this.all.add(button);
    }
    this.placed.set(container, { signature, buttons });
    this.schedule(FLUSH_MS);
  }

  /**
   * Places what is waiting in this task, without waiting for the batch timer: the controls of
   * what is in view show with the page's next frame.
   */
  placeNow(): void {
    if (this.pending.length === 0) return;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.flush();
  }

  /** Places what is waiting now (a scan pass ended), then resolves once every button is in the page. */
  settled(): Promise<void> {
    if (this.pending.length === 0) return Promise.resolve();
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.schedule(0);
    return new Promise((resolve) => this.settledWaiters.push(resolve));
  }

  onShadowRoot(root: ShadowRoot): void {
    this.options.onShadowRoot?.(root);
  }

  /** Connected buttons, in no particular order. Forgets buttons the page removed. */
  buttons(): HTMLButtonElement[] {
    for (const button of this.all) if (!button.isConnected && !this.waiting.has(button)) this.all.delete(button);
    return [...this.all].filter((button) => button.isConnected);
  }

  refreshQueued(): void {
    for (const button of this.buttons()) setQueued(button, this.options.isQueued(numberOf(button)));
  }

  /** Removes every control, e.g. when the default country changes and numbers read differently. */
  reset(): void {
    for (const button of [...this.all]) this.discard(button);
    this.placed = new WeakMap();
    this.options.onChange();
  }

  private schedule(delayMs: number): void {
    if (this.timer === undefined) this.timer = setTimeout(() => this.flush(), delayMs);
  }

  private flush(): void {
    this.timer = undefined;
    const batch = this.pending.splice(0, FLUSH_MAX);
    for (const { anchor, button } of batch) {
      if (!this.waiting.delete(button)) continue; // discarded before it was placed
      if (!placeAfter(anchor, button)) this.all.delete(button);
    }
    if (this.pending.length > 0) this.schedule(0);
    else for (const resolve of this.settledWaiters.splice(0)) resolve();
    if (batch.length > 0) this.options.onChange();
  }

  private discard(button: HTMLButtonElement): void {
    button.removeEventListener("click", this.handleClick);
    button.remove();
    this.waiting.delete(button);
    this.all.delete(button);
  }

  private readonly handleClick = (event: Event) => {
    event.preventDefault();
    event.stopPropagation();
    if (!isUserEvent(event)) return; // page script clicking our control: do nothing
    this.options.onActivate(event.currentTarget as HTMLButtonElement);
  };
}
