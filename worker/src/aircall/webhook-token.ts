import { settings } from "../settings";
import { directory } from "../lib/stubs";

export type StoredWebhook = { webhookId: string; token: string; url: string };
export const WEBHOOK_SETTING = "aircall.webhook";

let cached: { tokens: string[]; at: number } | undefined;
const CACHE_MS = 30_000;

/** Tokens a delivery may carry: AIRCALL_WEBHOOK_TOKEN (wins when set) and the one `connect` stored. */
export async function webhookTokens(env: Env, now = Date.now()): Promise<string[]> {
  const fromEnv = settings(env).AIRCALL_WEBHOOK_TOKEN;
  if (fromEnv) return [fromEnv];
  if (cached && now - cached.at < CACHE_MS) return cached.tokens;
  const stored = (await directory(env).getSetting(WEBHOOK_SETTING)) as StoredWebhook | null;
  cached = { tokens: stored ? [stored.token] : [], at: now };
  return cached.tokens;
}

export function forgetWebhookToken() {
  cached = undefined;
}
