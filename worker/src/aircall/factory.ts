import { settings } from "../settings";
import { AircallApi } from "./api";
import { AircallHttp, type Limiter } from "./client";

/** The company-wide limiter every Aircall request goes through. */
export function companyLimiter(env: Env): Limiter {
  const stub = env.RATE_LIMITER.get(env.RATE_LIMITER.idFromName("company"));
  return {
    acquire: (reservedAt?: number) => stub.acquire(reservedAt),
    blockUntil: (until: number) => stub.blockUntil(until),
    tryAcquire: () => stub.tryAcquire(),
    observe: (remaining: number) => stub.observe(remaining),
  };
}

/** The HTTP client alone, sharing a limiter the caller already holds (the dialer takes its own slots). */
export function aircallHttpFor(env: Env, limiter: Limiter = companyLimiter(env)): AircallHttp {
  const s = settings(env);
  return new AircallHttp({ base: s.AIRCALL_API_BASE, apiId: s.AIRCALL_API_ID, apiToken: s.AIRCALL_API_TOKEN, limiter });
}

export function aircallFor(env: Env): AircallApi {
  const s = settings(env);
  return new AircallApi(
    new AircallHttp({ base: s.AIRCALL_API_BASE, apiId: s.AIRCALL_API_ID, apiToken: s.AIRCALL_API_TOKEN, limiter: companyLimiter(env) }),
  );
}
