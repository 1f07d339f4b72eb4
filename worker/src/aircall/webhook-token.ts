import { settings } from "../settings";
import { directory } from "../lib/stubs";

export type StoredWebhook = { webhookId: string; token: string; url: string };
export const WEBHOOK_SETTING = "aircall.webhook";

let cached: { tokens: string[]; at: number } | undefined;
const CACHE_MS = 30_000;
/** A copy this recent is not read again even on a mismatch (a stream of bad tokens costs the Directory one read a second). */
const RECHECK_MS = 1_000;

/**
 * Tokens a delivery may carry: AIRCALL_WEBHOOK_TOKEN (wins when set) and the one `connect` stored.
 * `recheck`: a delivery's token did not match the copy: read it again (unless the copy is under a
 * second old), because another instance may have re-created the webhook with a new token — refusing
 * Aircall's deliveries meanwhile would count as failures, and enough of them disable the webhook.
 */
export async function webhookTokens(env: Env, now = Date.now(), recheck = false): Promise<string[]> {
  const fromEnv = settings(env).AIRCALL_WEBHOOK_TOKEN;
  if (fromEnv) return [fromEnv];
  const age = cached ? now - cached.at : Infinity;
  if (cached && age < CACHE_MS && !(recheck && age >= RECHECK_MS)) return cached.tokens;
  const stored = (await directory(env).getSetting(WEBHOOK_SETTING)) as StoredWebhook | null;
  cached = { tokens: stored ? [stored.token] : [], at: now };
  return cached.tokens;
}

export function forgetWebhookToken() {
  cached = undefined;
}
