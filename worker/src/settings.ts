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

export function allowedOrigins(s: Settings): RegExp[] {
  return s.ALLOWED_ORIGINS.split(",")
    .map((o) => o.trim())
    .filter(Boolean)
    .map((o) => new RegExp("^" + o.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, "[^/]*") + "$"));
}
