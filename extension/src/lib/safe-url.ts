/**
 * A record link the extension stores or shows must be a web page: `javascript:`, `data:` and
 * other schemes never get in, whatever a CRM page (or a page pretending to be one) puts in an href.
 * No dependencies: content scripts use this too.
 */
export function httpUrl(value: unknown, base?: string): string | undefined {
  if (typeof value !== "string" || value.trim() === "") return undefined
  if (!URL.canParse(value, base)) return undefined
  const url = new URL(value, base)
  return url.protocol === "https:" || url.protocol === "http:" ? url.href : undefined
}
