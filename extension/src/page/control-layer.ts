/**
 * Places and tracks the "+ Queue" buttons: one set per block, replaced when the block's text
 * changes, kept when it does not (so rescans never duplicate a control). It is the scanner's
 * sink (see `~detect/scanner`).
 */
import type { BlockMatch } from "~detect/block-matches";
import type { BlockContainer } from "~detect/dom-rules";
import type { BlockSink } from "~detect/scanner";

import { createQueueButton, numberOf, placeAfter, setQueued } from "./controls";

type Placed = { signature: string; buttons: HTMLButtonElement[] };

export type ControlLayerOptions = {
  isQueued(phone: string): boolean;
  /** A button was activated (click, Enter, Space). */
  onActivate(button: HTMLButtonElement): void;
  /** Buttons were added or removed. */
  onChange(): void;
  onShadowRoot?(root: ShadowRoot): void;
};

export class ControlLayer implements BlockSink {
  private placed = new WeakMap<BlockContainer, Placed>();
  private readonly all = new Set<HTMLButtonElement>();

  constructor(private readonly options: ControlLayerOptions) {}

  isCurrent(container: BlockContainer, signature: string): boolean {
    const placed = this.placed.get(container);
    return !!placed && placed.signature === signature && placed.buttons.every((b) => b.isConnected);
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
      const button = createQueueButton(doc, match.e164);
      setQueued(button, this.options.isQueued(match.e164));
      button.addEventListener("click", this.handleClick);
      if (!placeAfter(match.anchor, button)) continue;
      buttons.push(button);
      this.all.add(button);
    }
    this.placed.set(container, { signature, buttons });
    this.options.onChange();
  }

  onShadowRoot(root: ShadowRoot): void {
    this.options.onShadowRoot?.(root);
  }

  /** Connected buttons, in no particular order. Forgets buttons the page removed. */
  buttons(): HTMLButtonElement[] {
    for (const button of this.all) if (!button.isConnected) this.all.delete(button);
    return [...this.all];
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

  private discard(button: HTMLButtonElement): void {
    button.removeEventListener("click", this.handleClick);
    button.remove();
    this.all.delete(button);
  }

  private readonly handleClick = (event: Event) => {
    event.preventDefault();
    event.stopPropagation();
    this.options.onActivate(event.currentTarget as HTMLButtonElement);
  };
}
