/**
 * Errors in the dashboard's language. The worker answers in English (`{ error: { code, message } }`):
 * known situations are said in the admin's language, anything else is shown inside a translated
 * frame ("Le serveur a répondu : …"). The dashboard's own checks throw a `Problem` (a message key).
 */
import type { Params } from "@dialer/shared/i18n";
import { HttpError } from "./api";
import type { MessageKey, T } from "./i18n/catalogue";

/** A problem the dashboard itself found (a field to fix): translated when shown. */
export class Problem extends Error {
  constructor(
    readonly key: MessageKey,
    readonly params?: Params,
  ) {
    super(key);
  }
}

export function errorText(t: T, err: unknown): string {
  if (err instanceof Problem) return t(err.key, err.params);
  if (err instanceof HttpError) {
    if (err.status === 401 || err.status === 403) return t("error.refused");
    if (err.status === 429) return t("error.rateLimited");
    if (!err.message) return t("error.status", { status: String(err.status) });
    return t("error.server", { message: err.message });
  }
  if (err instanceof TypeError) return t("error.network"); // fetch could not reach the worker
  return t("error.server", { message: err instanceof Error ? err.message : String(err) });
}
