import * as z from "zod";

/** The worker's settings, validated once per isolate (DESIGN: "Worker settings"). */
const Settings = z.object({
  AIRCALL_API_BASE: z.string().url().default("https://api.aircall.io"),
  AIRCALL_API_ID: z.string().default(""),
  AIRCALL_API_TOKEN: z.string().default(""),
  AIRCALL_WEBHOOK_TOKEN: z.string().default(""),
  ADMIN_TOKEN: z.string().default(""),
  JWT_SECRET: z.string().default(""),
  ALLOWED_ORIGINS: z.string().default(""),
  AIRCALL_RATE_LIMIT_PER_MIN: z.coerce.number().int().positive().default(60),
  CALL_WATCHDOG_SECONDS: z.coerce.number().int().min(5).default(60),
  /** Aircall lists a new call in its search this late at most: an earlier empty search proves nothing */
  AIRCALL_LIST_DELAY_SECONDS: z.coerce.number().int().min(1).max(600).default(30),
});
export type Settings = z.infer<typeof Settings>;

const cache = new WeakMap<object, Settings>();

export function settings(env: Env): Settings {
  let s = cache.get(env);
  if (!s) {
    const raw = Object.fromEntries(Object.entries(env).filter(([, v]) => typeof v === "string" && v !== ""));
    s = Settings.parse(raw);
    cache.set(env, s);
  }
  return s;
}

export const MIN_JWT_SECRET = 32;
export const MIN_ADMIN_TOKEN = 24;

/**
 * What is wrong with the worker's settings, or null. Checked before every request: a worker with a
 * guessable JWT_SECRET or ADMIN_TOKEN answers nothing but this (never the secret itself).
 */
export function settingsProblem(env: Env): string | null {
  let s: Settings;
  try {
    s = settings(env);
  } catch (err) {
    const issues = err instanceof z.ZodError ? err.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ") : String(err);
    return `the worker's settings are invalid (${issues})`;
  }
  if (s.JWT_SECRET.length < MIN_JWT_SECRET)
    return `JWT_SECRET must be set to at least ${MIN_JWT_SECRET} random characters (e.g. \`openssl rand -hex 32\`; wrangler secret put JWT_SECRET)`;
  if (s.ADMIN_TOKEN.length < MIN_ADMIN_TOKEN)
    return `ADMIN_TOKEN must be set to at least ${MIN_ADMIN_TOKEN} random characters (e.g. \`openssl rand -hex 32\`; wrangler secret put ADMIN_TOKEN)`;
  return null;
}

export function allowedOrigins(s: Settings): RegExp[] {
  return s.ALLOWED_ORIGINS.split(",")
    .map((o) => o.trim())
    .filter(Boolean)
    .map((o) => new RegExp("^" + o.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, "[^/]*") + "$"));
}
