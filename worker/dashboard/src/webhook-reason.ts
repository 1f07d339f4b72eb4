/** Why the worker last checked the webhook, in the admin's language. */
import type { T } from "./i18n/catalogue";

/**
 * The worker writes its reasons in English ("asked by an admin", "connect", "3 calls found without
 * their webhooks"); the ones it knows are said in the admin's language, any other is shown as it came.
 */
export function checkReason(t: T, reason: string): string {
  if (reason === "asked by an admin") return t("webhook.reason.asked");
  if (reason === "connect") return t("webhook.reason.connect");
  const missing = /^(\d+) calls? found without (its|their) webhooks$/.exec(reason);
  if (missing) return t("webhook.reason.missing", { count: Number(missing[1]) });
  return reason;
}
