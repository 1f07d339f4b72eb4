/**
 * Limits checked on raw JSON text before it is parsed into objects (webhook bodies): nesting
 * depth, the length of any object key and the number of values. Linear, no recursion; the text
 * need not be valid JSON (JSON.parse says so afterwards).
 */
export type JsonBounds = { maxDepth: number; maxKeyLength: number; maxValues: number };
export const WEBHOOK_JSON_BOUNDS: JsonBounds = { maxDepth: 12, maxKeyLength: 128, maxValues: 5_000 };

/** Why the text is beyond the bounds, or null when it is within them. */
export function jsonBeyondBounds(text: string, bounds: JsonBounds): string | null {
  let depth = 0;
  let values = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 34 /* " */) {
      const start = i;
      i++;
      while (i < n) {
        const c = text.charCodeAt(i);
        if (c === 92 /* \ */) i += 2;
        else if (c === 34) break;
        else i++;
      }
      let j = i + 1;
      while (j < n && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9 || text.charCodeAt(j) === 10 || text.charCodeAt(j) === 13)) j++;
      if (text.charCodeAt(j) === 58 /* : */ && i - start - 1 > bounds.maxKeyLength) return `an object key longer than ${bounds.maxKeyLength} characters`;
    } else if (ch === 123 /* { */ || ch === 91 /* [ */) {
      if (++depth > bounds.maxDepth) return `nested deeper than ${bounds.maxDepth} levels`;
    } else if (ch === 125 /* } */ || ch === 93 /* ] */) {
      depth--;
    } else if (ch === 44 /* , */ || ch === 58 /* : */) {
      if (++values > bounds.maxValues) return `more than ${bounds.maxValues} values`;
    }
  }
  return null;
}
