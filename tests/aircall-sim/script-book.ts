/** Scripted outcomes per dialled number: a list consumed in order, then the default. */
import { digitsOnly } from "@dialer/shared";
import { ScriptSchema } from "./schemas";
import type { Script, ScriptEntry } from "./types";

const FALLBACK: ScriptEntry = { outcome: "answered" };

export class ScriptBook {
  private queues = new Map<string, ScriptEntry[]>();
  private fallback: ScriptEntry = FALLBACK;

  /** Replace the whole script. Keys are E.164 numbers (any formatting) or "default". */
  set(script: Script): void {
    const parsed = ScriptSchema.parse(script) as Script;
    this.queues.clear();
    this.fallback = FALLBACK;
    for (const [key, value] of Object.entries(parsed)) {
      const list = Array.isArray(value) ? value : [value];
      if (key === "default") {
        if (list.length !== 1 || !list[0]) throw new Error("script.default must be one entry");
        this.fallback = list[0];
        continue;
      }
      const digits = digitsOnly(key);
      if (!digits) throw new Error(`script key ${JSON.stringify(key)} is not a phone number`);
      this.queues.set(digits, [...(this.queues.get(digits) ?? []), ...list]);
    }
  }

  /** The outcome for the next call to `to`, consuming a scripted entry when there is one. */
  next(to: string): ScriptEntry {
    const queue = this.queues.get(digitsOnly(to));
    const entry = queue?.shift();
    return entry ?? this.fallback;
  }

  snapshot(): { default: ScriptEntry; numbers: Record<string, ScriptEntry[]> } {
    const numbers: Record<string, ScriptEntry[]> = {};
    for (const [digits, list] of this.queues) numbers[`+${digits}`] = [...list];
    return { default: this.fallback, numbers };
  }

  reset(): void {
    this.queues.clear();
    this.fallback = FALLBACK;
  }
}
